using System.Net;
using MlConnector.Core.Flows;
using Polly.CircuitBreaker;

namespace MlConnector.Connectors.Http;

/// <summary>
/// The outermost handler of every connector client: a final "come back later" answer (429 or 503 carrying Retry-After)
/// and an open circuit breaker become <see cref="TargetBusyException"/>, so the pipeline defers the record until then
/// rather than spending a delivery attempt on a call that cannot succeed yet. Other answers pass through untouched.
/// </summary>
public sealed class BackPressureHandler(TimeProvider time) : DelegatingHandler
{
    /// <summary>For a breaker that does not say when it closes again; it normally does (its break duration).</summary>
    private static readonly TimeSpan UnknownBreak = TimeSpan.FromSeconds(30);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.RequestUri?.Authority ?? "the target";
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (BrokenCircuitException open)
        {
            var wait = open.RetryAfter is { } retryAfter && retryAfter > TimeSpan.Zero ? retryAfter : UnknownBreak;
            throw new TargetBusyException($"{target} failed repeatedly, so calls to it are paused for {wait.TotalSeconds:F0} s (circuit open)", wait, open);
        }

        if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable && RetryAfterOf(response) is { } later)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw new TargetBusyException($"{target} answered {status} asking to retry after {later.TotalSeconds:F0} s", later);
        }

        return response;
    }

    private TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
        { Date: { } at } => at > time.GetUtcNow() ? at - time.GetUtcNow() : TimeSpan.Zero,
        _ => null,
    };
}
