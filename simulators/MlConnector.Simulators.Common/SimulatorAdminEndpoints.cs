using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MlConnector.Simulators.Common;

/// <summary>
/// Inspection and fault endpoints every simulator shares, under <c>/_sim/</c>, for tests in another process
/// and for poking the demo by hand.
/// </summary>
internal static class SimulatorAdminEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/_sim/requests", (RequestJournal journal) => Results.Ok(journal.Entries));
        app.MapDelete("/_sim/requests", (RequestJournal journal) =>
        {
            journal.Clear();
            return Results.NoContent();
        });
        app.MapPost("/_sim/faults", (FaultRequest request, FaultSwitches faults) =>
        {
            if (request.LatencyMs is { } latency)
            {
                faults.Latency = TimeSpan.FromMilliseconds(latency);
            }

            if (request.Status is { } status)
            {
                faults.FailNext(status, request.Times ?? 1, request.PathContains, request.Method,
                    request.RetryAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null);
            }

            if (request.DelayAnswerAfterApplyMs is { } hold)
            {
                faults.DelayAnswerAfterApply(TimeSpan.FromMilliseconds(hold), request.PathContains, request.Method ?? "POST", request.Times ?? 1);
            }

            if (request.DropConnectionAfterApply == true)
            {
                faults.DropConnectionAfterNext(request.PathContains, request.Method ?? "POST", request.Times ?? 1);
            }

            return Results.NoContent();
        });
        app.MapDelete("/_sim/faults", (FaultSwitches faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
    }

    private sealed record FaultRequest(
        int? LatencyMs,
        int? Status,
        int? Times,
        string? PathContains,
        string? Method,
        int? RetryAfterSeconds,
        bool? DropConnectionAfterApply,
        int? DelayAnswerAfterApplyMs = null);
}
