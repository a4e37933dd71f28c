using System.Collections.Concurrent;

namespace MlConnector.Simulators.Common;

/// <summary>
/// Misbehaviour a test or the demo switches on: latency, scripted error answers (429 / 503 with Retry-After,
/// 500), and failures after a write was applied: a dropped connection, or an answer held back past the caller's timeout. Each scripted fault matches requests by method,
/// a path fragment and a query fragment (one page of a list) and fires a set number of times.
/// </summary>
public sealed class FaultSwitches
{
    private readonly ConcurrentQueue<ScriptedFault> _scripted = new();
    private readonly Lock _gate = new();

    /// <summary>Added before every answer.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Answer the next <paramref name="times"/> matching requests with <paramref name="status"/>.</summary>
    public void FailNext(int status, int times = 1, string? pathContains = null, string? method = null, TimeSpan? retryAfter = null, string? body = null, string? queryContains = null) =>
        _scripted.Enqueue(new ScriptedFault(FaultKind.Status, status, times, pathContains, method, retryAfter, body, queryContains));

    /// <summary>Let the next matching request take effect, then cut the connection before the answer is sent.</summary>
    public void DropConnectionAfterNext(string? pathContains = null, string? method = "POST", int times = 1) =>
        _scripted.Enqueue(new ScriptedFault(FaultKind.DropAfterApply, 0, times, pathContains, method, null, null, null));

    /// <summary>Let the next matching request take effect, then hold its answer back for <paramref name="delay"/> (the caller times out).</summary>
    public void DelayAnswerAfterApply(TimeSpan delay, string? pathContains = null, string? method = "POST", int times = 1) =>
        _scripted.Enqueue(new ScriptedFault(FaultKind.DelayAfterApply, 0, times, pathContains, method, null, null, null) { Hold = delay });

    public void Clear()
    {
        _scripted.Clear();
        Latency = TimeSpan.Zero;
    }

    /// <summary>Takes one firing of the first scripted fault that matches, if any.</summary>
    internal ScriptedFault? Take(string method, string path, string query)
    {
        lock (_gate)
        {
            foreach (var fault in _scripted)
            {
                if (fault.Remaining > 0 && fault.Matches(method, path, query))
                {
                    fault.Remaining--;
                    return fault;
                }
            }

            return null;
        }
    }
}

internal enum FaultKind
{
    Status,
    DropAfterApply,
    DelayAfterApply,
}

internal sealed class ScriptedFault(FaultKind kind, int status, int times, string? pathContains, string? method, TimeSpan? retryAfter, string? body, string? queryContains)
{
    public FaultKind Kind { get; } = kind;
    public int Status { get; } = status;
    public int Remaining { get; set; } = times;
    public TimeSpan? RetryAfter { get; } = retryAfter;
    public string? Body { get; } = body;

    /// <summary>How long an applied write's answer is held back (<see cref="FaultKind.DelayAfterApply"/>).</summary>
    public TimeSpan? Hold { get; init; }

    public bool Matches(string requestMethod, string path, string query) =>
        (method is null || string.Equals(method, requestMethod, StringComparison.OrdinalIgnoreCase)) &&
        (pathContains is null || path.Contains(pathContains, StringComparison.OrdinalIgnoreCase)) &&
        (queryContains is null || query.Contains(queryContains, StringComparison.OrdinalIgnoreCase));
}
