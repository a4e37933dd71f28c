using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace MlConnector.Simulators.Common;

/// <summary>Applies latency and scripted faults, and journals each request with the status it got.</summary>
internal sealed class SimulatorMiddleware(RequestDelegate next, FaultSwitches faults, RequestJournal journal, AnswerRewrites rewrites)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith("/_sim/", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        if (faults.Latency > TimeSpan.Zero)
        {
            await Task.Delay(faults.Latency, context.RequestAborted);
        }

        var fault = faults.Take(context.Request.Method, path, context.Request.QueryString.Value ?? string.Empty);
        try
        {
            if (fault is { Kind: FaultKind.Status })
            {
                context.Response.StatusCode = fault.Status;
                if (fault.RetryAfter is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                if (fault.Body is not null)
                {
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync(fault.Body, context.RequestAborted);
                }

                return;
            }

            if (fault is { Kind: FaultKind.DropAfterApply })
            {
                // Run the real handler so the write takes effect, then cut the connection instead of answering.
                var original = context.Response.Body;
                context.Response.Body = new MemoryStream();
                await next(context);
                context.Response.Body = original;
                context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
                context.Abort();
                return;
            }

            if (fault is { Kind: FaultKind.DelayAfterApply, Hold: { } hold })
            {
                // Apply the write, then keep the answer back: a caller that gives up first never learns it succeeded.
                var original = context.Response.Body;
                using var buffered = new MemoryStream();
                context.Response.Body = buffered;
                await next(context);
                context.Response.Body = original;
                try
                {
                    await Task.Delay(hold, context.RequestAborted);
                    buffered.Position = 0;
                    await buffered.CopyToAsync(original, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    context.Abort();
                }

                return;
            }

            if (!rewrites.IsEmpty)
            {
                await AnswerRewrittenAsync(context);
                return;
            }

            await next(context);
        }
        finally
        {
            journal.Add(new JournalEntry(
                DateTimeOffset.UtcNow,
                context.Request.Method,
                path,
                context.Request.QueryString.Value ?? string.Empty,
                context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
                context.Response.StatusCode));
        }
    }

    /// <summary>Runs the real handler into a buffer, then sends its answer with the test's rewrites applied.</summary>
    private async Task AnswerRewrittenAsync(HttpContext context)
    {
        var original = context.Response.Body;
        using var buffered = new MemoryStream();
        context.Response.Body = buffered;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var answer = buffered.ToArray();
        if (context.Response.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true
            && rewrites.Apply(System.Text.Encoding.UTF8.GetString(answer)) is { } rewritten)
        {
            answer = System.Text.Encoding.UTF8.GetBytes(rewritten);
        }

        context.Response.ContentLength = answer.Length;
        await original.WriteAsync(answer, context.RequestAborted);
    }
}
