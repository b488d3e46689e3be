namespace MentorBot.Bot.Channels.WebChat;

/// <summary>
/// Reads <c>Authorization: Bearer &lt;secret-or-token&gt;</c>: missing is 401; a forged or expired token is 403
/// (directlinejs then reports ExpiredToken), as Direct Line answers. So is a token whose session is past its
/// maximum age; a revoked generation needs the database and is checked by the endpoints.
/// </summary>
public sealed class DirectLineAuthorization(DirectLineSecret secret, DirectLineTokens tokens)
{
    public (DirectLineCaller? Caller, IResult? Refusal) Read(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        if (!header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) || header.Length == bearer.Length)
        {
            return (null, DirectLineErrors.MissingAuthorization());
        }

        return Check(header[bearer.Length..].Trim());
    }

    /// <summary>A secret or token given some other way (the stream URL's <c>t</c>).</summary>
    public (DirectLineCaller? Caller, IResult? Refusal) Check(string credential)
    {
        if (secret.Matches(credential))
        {
            return (new DirectLineCaller(null), null);
        }

        if (tokens.Read(credential) is not { } token)
        {
            return (null, DirectLineErrors.BadToken());
        }

        return tokens.IsExpired(token) || tokens.SessionEnded(token) ? (null, DirectLineErrors.TokenExpired()) : (new DirectLineCaller(token), null);
    }
}
