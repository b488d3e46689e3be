using Newtonsoft.Json;
using Twilio.Exceptions;

namespace MentorBot.Bot.Channels.Twilio;

/// <summary>
/// Why Twilio's REST API did not do what we asked, from the SDK's exception and what <see cref="TwilioApiHandler"/>
/// saw of the answer: the HTTP status (0: no answer), Twilio's error code when it gave one, and a message.
/// </summary>
public sealed record TwilioApiError(int HttpStatus, int? Code, string Message)
{
    /// <summary>
    /// The SDK's three ways of failing. <see cref="ApiException"/>: Twilio's legacy error JSON, with its code, status
    /// and message; RFC 9457 problem JSON comes as one too (SDK 8.2.0), with the code but only the SDK's own "Unable to
    /// make request" as message, so the problem's <c>detail</c> or <c>title</c> is read from the body; and any other body
    /// (a proxy's HTML page, nothing) gives code 0 and status 0, so status and body come from the handler.
    /// <see cref="ApiStandardException"/>: problem JSON, as other SDK versions report it. <see cref="ApiConnectionException"/>:
    /// no answer (refused, reset, timed out).
    /// </summary>
    public static TwilioApiError From(TwilioException exception, TwilioCall call)
    {
        switch (exception)
        {
            case ApiException { Code: > 0 } api:
                return new TwilioApiError(api.Status > 0 ? api.Status : call.HttpStatus ?? 0, api.Code, ProblemText(call.ErrorBody) ?? api.Message);

            case ApiStandardException problem:
                return new TwilioApiError(problem.Status > 0 ? problem.Status : call.HttpStatus ?? 0, problem.Code > 0 ? problem.Code : null,
                    problem.Detail ?? problem.Title ?? $"HTTP {problem.Status}");

            case ApiConnectionException connection:
                return new TwilioApiError(0, null, connection.InnerException switch
                {
                    TaskCanceledException { InnerException: TimeoutException } => "Twilio did not answer in time",
                    { } inner => $"No answer from Twilio: {inner.Message}",
                    null => "No answer from Twilio",
                });

            default:
                var status = call.HttpStatus ?? 0;
                if (status is >= 200 and < 300)
                {
                    return new TwilioApiError(status, null, $"Unreadable answer from Twilio: {exception.Message}");
                }

                var body = call.ErrorBody ?? "";
                var excerpt = body.Length > 200 ? body[..200] + "…" : body;
                return new TwilioApiError(status, null, $"HTTP {status}: {excerpt}".TrimEnd(' ', ':'));
        }
    }

    /// <summary>Twilio's words in RFC 9457 problem JSON: its detail, else its title; null for any other body.</summary>
    static string? ProblemText(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return null;
        }

        try
        {
            var problem = RestApiStandardException.FromJson(body);
            return problem?.Type is null ? null : NonEmpty(problem.Detail) ?? NonEmpty(problem.Title);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
