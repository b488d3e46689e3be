using MentorBot.Data.Naming;

namespace MentorBot.Tests.Data;

public sealed class SnakeCaseTests
{
    [Theory]
    [InlineData("Id", "id", "a single word")]
    [InlineData("ProviderMessageId", "provider_message_id", "words split at capitals")]
    [InlineData("PendingApproval", "pending_approval", "enum members the same way")]
    [InlineData("HTTPServer", "http_server", "an acronym stays one word")]
    [InlineData("Utf8Text", "utf8_text", "a digit ends a word before a capital")]
    [InlineData("already_snake", "already_snake", "snake_case is left alone")]
    [InlineData("audit_log", "audit_log", "an explicit table name is kept")]
    public void Converts(string name, string expected, string reason)
    {
        Assert.True(SnakeCase.From(name) == expected, $"{reason}: {name} → {SnakeCase.From(name)}, expected {expected}");
    }
}
