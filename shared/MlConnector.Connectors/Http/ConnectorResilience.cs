using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace MlConnector.Connectors.Http;

/// <summary>
/// The one resilience policy every outbound client gets: exponential backoff with jitter that honours
/// Retry-After, per-attempt and total timeouts, and a circuit breaker. A POST, PUT or PATCH is retried
/// only when the caller marked it idempotent (<see cref="MarkIdempotent"/>): a blind retry of a create
/// could write a record twice. The final "retry later" answer (429 or 503 with Retry-After) and an open breaker
/// surface as <see cref="MlConnector.Core.Flows.TargetBusyException"/> (<see cref="BackPressureHandler"/>).
/// </summary>
public static class ConnectorResilience
{
    private static readonly HttpRequestOptionsKey<bool> IdempotentKey = new("MlConnector.Idempotent");

    /// <summary>Lets the retry policy resend this request: it carries an idempotency key, or it only reads (a GraphQL query, a token request).</summary>
    public static HttpRequestMessage MarkIdempotent(this HttpRequestMessage request)
    {
        request.Options.Set(IdempotentKey, true);
        return request;
    }

    public static bool IsRetrySafe(HttpRequestMessage? request)
    {
        if (request is null)
        {
            return false;
        }

        if (request.Options.TryGetValue(IdempotentKey, out var idempotent) && idempotent)
        {
            return true;
        }

        return request.Method == HttpMethod.Get || request.Method == HttpMethod.Head ||
               request.Method == HttpMethod.Options || request.Method == HttpMethod.Delete;
    }

    /// <summary>Adds the standard policy, tuned by <paramref name="options"/> (defaults suit a nightly sync).</summary>
    public static IHttpClientBuilder AddConnectorResilience(this IHttpClientBuilder builder, ConnectorResilienceOptions? options = null)
    {
        options ??= new ConnectorResilienceOptions();

        // Added first, so it sits outside the retries and the breaker and sees their final outcome.
        builder.AddHttpMessageHandler(services => new BackPressureHandler(services.GetService<TimeProvider>() ?? TimeProvider.System));
        builder.AddStandardResilienceHandler(standard =>
        {
            standard.Retry.MaxRetryAttempts = options.MaxRetryAttempts;
            standard.Retry.Delay = options.BaseDelay;
            standard.Retry.MaxDelay = options.MaxDelay;
            standard.Retry.BackoffType = DelayBackoffType.Exponential;
            standard.Retry.UseJitter = true;
            standard.Retry.ShouldRetryAfterHeader = true;
            var transient = standard.Retry.ShouldHandle;
            standard.Retry.ShouldHandle = async args =>
                IsRetrySafe(args.Outcome.Result?.RequestMessage ?? RequestOf(args.Context)) && await transient(args);
            standard.AttemptTimeout.Timeout = options.AttemptTimeout;
            standard.TotalRequestTimeout.Timeout = options.TotalTimeout;
            standard.CircuitBreaker.SamplingDuration = options.AttemptTimeout * 2 > TimeSpan.FromSeconds(30)
                ? options.AttemptTimeout * 2
                : TimeSpan.FromSeconds(30);
            standard.CircuitBreaker.FailureRatio = 0.5;
            standard.CircuitBreaker.MinimumThroughput = options.CircuitBreakerMinimumThroughput;
            standard.CircuitBreaker.BreakDuration = options.CircuitBreakDuration;
        });
        return builder;
    }

    private static HttpRequestMessage? RequestOf(ResilienceContext context) => context.GetRequestMessage();

    internal static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}

/// <summary>Resilience knobs; the defaults are stated on each property.</summary>
public sealed class ConnectorResilienceOptions
{
    /// <summary>Retries after the first attempt. Default 4.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>First backoff delay, doubled each retry with jitter. Default 1 s.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between attempts, including a server's Retry-After. Default 60 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>One attempt's limit. Default 30 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The whole call's limit, retries included. Default 3 min.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Calls in the sampling window before the breaker may open. Default 20.</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 20;

    /// <summary>How long an open breaker refuses calls. Default 30 s.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
