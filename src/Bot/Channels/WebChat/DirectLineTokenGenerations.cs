using Npgsql;

namespace MentorBot.Bot.Channels.WebChat;

/// <summary>
/// The current token generation of each Direct Line conversation (table direct_line_token_generations, written by
/// erasure): a token issued under an older one is revoked. One indexed read per request that carries a token.
/// </summary>
public sealed class DirectLineTokenGenerations(NpgsqlDataSource dataSource, DatabaseUseLimit limit)
{
    public async Task<int> CurrentAsync(string conversationId, CancellationToken ct)
    {
        using var slot = await limit.EnterAsync(ct);
        await using var command = dataSource.CreateCommand(
            "SELECT generation FROM direct_line_token_generations WHERE conversation_key = encode(sha256(convert_to($1, 'UTF8')), 'hex')");
        command.Parameters.AddWithValue(conversationId);
        return await command.ExecuteScalarAsync(ct) is int generation ? generation : 0;
    }

    /// <summary>Whether <paramref name="token"/> is of its conversation's current generation.</summary>
    public async Task<bool> IsCurrentAsync(DirectLineToken token, CancellationToken ct) =>
        token.Generation == await CurrentAsync(token.ConversationId, ct);
}
