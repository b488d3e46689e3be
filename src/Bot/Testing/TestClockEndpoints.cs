using System.Security.Cryptography;
using System.Text;
using MentorBot.Bot.Hosting;
using System.Xml;
using MentorBot.Scheduler.Clock;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MentorBot.Bot.Testing;

/// <summary>
/// Reads and moves the test clock: <c>GET /testing/clock</c>, <c>POST /testing/clock</c> with
/// <c>{"advance":"PT6H"}</c> (an ISO 8601 duration of days, hours, minutes, seconds) or
/// <c>{"to":"2026-09-03T07:00:00Z"}</c>. Forward only; a move is answered once what it made due is planned and
/// sent (<see cref="ClockCatchUp"/>). Answered to the machine itself only, and only with the shared secret in
/// <c>X-Test-Clock-Secret</c> (anything else gets 403): whoever moves the clock decides what is due. The
/// loopback check alone trusted a same-host proxy that names its client in X-Real-IP only.
/// </summary>
public static class TestClockEndpoints
{
    public const string Path = "/testing/clock";

    public sealed record ClockMove(string? Advance, DateTimeOffset? To);

    public sealed record ClockReading(DateTimeOffset Now, string Offset);

    public static void MapTestClockEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).AddEndpointFilter(LoopbackOnly);
        group.MapGet("", Read);
        group.MapPost("", Move).DisableAntiforgery();
    }

    static Ok<ClockReading> Read(AdjustableClock clock) => TypedResults.Ok(Reading(clock));

    static async Task<Results<Ok<ClockReading>, BadRequest<ProblemBody>, Conflict<ProblemBody>>> Move(
        ClockMove? move, AdjustableClock clock, ClockCatchUp catchUp, ILogger<AdjustableClock> logger, CancellationToken cancellationToken)
    {
        if (move is null || (move.Advance is null) == (move.To is null))
        {
            return TypedResults.BadRequest(new ProblemBody("Send either {\"advance\":\"PT6H\"} (an ISO 8601 duration) or {\"to\":\"2026-09-03T07:00:00Z\"}."));
        }

        try
        {
            var before = clock.GetUtcNow();
            var now = move.To is { } to ? clock.MoveTo(to) : clock.Advance(ParseDuration(move.Advance!));
            logger.LogWarning("Test clock moved from {Before:O} to {Now:O}", before, now);
            await catchUp.RunAsync(cancellationToken);
            return TypedResults.Ok(Reading(clock));
        }
        catch (FormatException)
        {
            return TypedResults.BadRequest(new ProblemBody($"'{move.Advance}' is not an ISO 8601 duration such as PT6H, P3D or P1DT2H30M."));
        }
        catch (ArgumentOutOfRangeException)
        {
            return TypedResults.Conflict(new ProblemBody($"The test clock only moves forward; it is {clock.GetUtcNow():O}."));
        }
    }

    public sealed record ProblemBody(string Error);

    /// <summary>Days, hours, minutes and seconds only: months and years have no fixed length, and XmlConvert would guess one.</summary>
    static TimeSpan ParseDuration(string text)
    {
        if (text.Contains('Y', StringComparison.Ordinal) || text.IndexOf('M', StringComparison.Ordinal) is var m && m >= 0 && (text.IndexOf('T', StringComparison.Ordinal) is var t && (t < 0 || m < t)))
        {
            throw new FormatException("Months and years are not fixed durations.");
        }

        return XmlConvert.ToTimeSpan(text);
    }

    static ClockReading Reading(AdjustableClock clock) =>
        new(clock.GetUtcNow(), XmlConvert.ToString(clock.Offset));

    static async ValueTask<object?> LoopbackOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var secret = Encoding.UTF8.GetBytes(http.RequestServices.GetRequiredService<TestClockAccessOptions>().Secret.Trim());
        var sent = Encoding.UTF8.GetBytes(http.Request.Headers[TestClockAccessOptions.Header].ToString());
        var allowed = DirectLoopback.Is(http) && CryptographicOperations.FixedTimeEquals(secret, sent);
        return allowed ? await next(context) : TypedResults.Problem("The test clock answers the machine it runs on only, with its secret.", statusCode: StatusCodes.Status403Forbidden);
    }
}
