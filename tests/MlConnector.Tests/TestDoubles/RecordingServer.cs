using System.Diagnostics;
using System.Net;

namespace MlConnector.Tests.TestDoubles;

/// <summary>
/// Stands in for the remote API: answers each request with the next scripted response and records what it
/// received (headers, body, arrival time). A request beyond the script fails the test.
/// </summary>
public sealed class RecordingServer : DelegatingHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _script;
    private readonly List<ReceivedRequest> _received = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public RecordingServer(params Func<HttpResponseMessage>[] script) => _script = new Queue<Func<HttpResponseMessage>>(script);

    public IReadOnlyList<ReceivedRequest> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public static Func<HttpResponseMessage> Status(HttpStatusCode status) => () => new HttpResponseMessage(status);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Func<HttpResponseMessage> next;
        lock (_received)
        {
            _received.Add(new ReceivedRequest(
                request.Method,
                request.Headers.Authorization?.ToString(),
                body,
                request.Content?.Headers.ContentType?.ToString(),
                request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
                _clock.Elapsed));
            if (!_script.TryDequeue(out next!))
            {
                throw new InvalidOperationException($"Unexpected request #{_received.Count}: {request.Method} {request.RequestUri}");
            }
        }

        var response = next();
        response.RequestMessage = request;
        return response;
    }
}

public sealed record ReceivedRequest(
    HttpMethod Method,
    string? Authorization,
    string? Body,
    string? ContentType,
    IReadOnlyDictionary<string, string> Headers,
    TimeSpan ArrivedAt);
