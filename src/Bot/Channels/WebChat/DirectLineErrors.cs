namespace MentorBot.Bot.Channels.WebChat;

/// <summary>Direct Line's ErrorResponse, <c>{"error":{"code","message"}}</c>, with the status codes directlinejs acts on.</summary>
public static class DirectLineErrors
{
    public static IResult MissingAuthorization() => Error(StatusCodes.Status401Unauthorized, "MissingProperty", "An Authorization: Bearer header with a secret or token is required.");

    public static IResult BadToken() => Error(StatusCodes.Status403Forbidden, "BadArgument", "The token is not valid.");

    public static IResult TokenExpired() => Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired.");

    public static IResult WrongConversation() => Error(StatusCodes.Status403Forbidden, "BadArgument", "The token is for another conversation.");

    public static IResult SecretRequired() => Error(StatusCodes.Status403Forbidden, "BadArgument", "This operation needs the Direct Line secret.");

    public static IResult TokenRequired() => Error(StatusCodes.Status403Forbidden, "BadArgument", "This operation needs a token.");

    public static IResult UnknownConversation() => Error(StatusCodes.Status404NotFound, "BadArgument", "Conversation not found.");

    public static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static IResult TooLarge(int limit) => Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"An activity may be at most {limit} bytes of JSON.");

    public static IResult TextTooLong(int limit) => Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"A message text may be at most {limit} characters.");

    public static IResult TooManyRequests(int retryAfterSeconds) =>
        Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", $"Too many requests; try again in {retryAfterSeconds} s.");

    public static IResult UploadsNotSupported() => Error(StatusCodes.Status415UnsupportedMediaType, "NotSupported", "This bot does not accept files; please write your message as text.");

    static IResult Error(int status, string code, string message) => Results.Json(new { error = new { code, message } }, statusCode: status);
}
