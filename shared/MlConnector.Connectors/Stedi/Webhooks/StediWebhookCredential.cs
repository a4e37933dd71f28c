using Microsoft.Extensions.Options;
using MlConnector.Core.Secrets;

namespace MlConnector.Connectors.Stedi.Webhooks;

/// <summary>
/// The webhook credential for the synchronous <c>Verify</c>: read from the secret store on the first delivery, kept
/// for ten minutes so a rotated credential is picked up without a restart. Null (with the reason) when it is missing.
/// </summary>
public sealed class StediWebhookCredential(ISecretStore secrets, TimeProvider time)
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(10);
    private readonly Lock _gate = new();
    private Task<string?>? _loading;
    private DateTimeOffset _loadedAt;

    public string? Current()
    {
        Task<string?> loading;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_loading is null || _loading.IsFaulted || (_loading.IsCompleted && (now - _loadedAt > RefreshInterval || _loading.Result is null)))
            {
                _loadedAt = now;
                _loading = secrets.GetSecretAsync(StediSecretNames.WebhookCredential, CancellationToken.None);
            }

            loading = _loading;
        }

        // Secret stores are async; Verify is not. The hosts have no synchronization context, so waiting is safe.
        return loading.GetAwaiter().GetResult();
    }
}
