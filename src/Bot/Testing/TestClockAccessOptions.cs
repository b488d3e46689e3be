using MentorBot.Data.Settings;

namespace MentorBot.Bot.Testing;

/// <summary>
/// Configuration section <c>TestClockAccess</c>: the shared secret a caller of <c>/testing/clock</c> must send in
/// <c>X-Test-Clock-Secret</c>. Required whenever <c>TestClock__Enabled=true</c>: the loopback check alone can't
/// tell the machine itself from a proxy on the same machine that forwards the whole world.
/// </summary>
public sealed class TestClockAccessOptions : IOptionsSection
{
    public static string Section => "TestClockAccess";

    public const string Header = "X-Test-Clock-Secret";

    /// <summary>At least 16 characters; compared in constant time.</summary>
    public string Secret { get; set; } = "";
}
