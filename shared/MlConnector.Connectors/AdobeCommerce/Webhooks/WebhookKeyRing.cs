using System.Text;
using Microsoft.Extensions.Options;
using MlConnector.Core.Secrets;

namespace MlConnector.Connectors.AdobeCommerce.Webhooks;

/// <summary>
/// Supplies <see cref="WebhookKeys"/> to the synchronous <c>Verify</c>: the first delivery waits for the secret
/// store once, later ones use the cached keys, refreshed every <see cref="RefreshInterval"/> so a regenerated key
/// pair or rotated secret is picked up without a restart.
/// </summary>
public sealed class WebhookKeyRing
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(10);

    private readonly IOptions<AdobeCommerceOptions> _options;
    private readonly ISecretStore _secrets;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private Task<WebhookKeys>? _loading;
    private DateTimeOffset _loadedAt;

    public WebhookKeyRing(IOptions<AdobeCommerceOptions> options, ISecretStore secrets, TimeProvider time)
    {
        _options = options;
        _secrets = secrets;
        _time = time;
    }

    public WebhookKeys Current()
    {
        Task<WebhookKeys> loading;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_loading is null || _loading.IsFaulted || (_loading.IsCompletedSuccessfully && now - _loadedAt > RefreshInterval))
            {
                _loadedAt = now;
                _loading = LoadAsync(CancellationToken.None);
            }

            loading = _loading;
        }

        // Secret stores are async; Verify is not. There is no synchronization context in the hosts, so waiting is safe.
        return loading.GetAwaiter().GetResult();
    }

    private async Task<WebhookKeys> LoadAsync(CancellationToken cancellationToken)
    {
        var options = _options.Value;
        switch (options.WebhookScheme)
        {
            case AdobeCommerceWebhookScheme.Hmac:
                var secret = await _secrets.GetSecretAsync(AdobeCommerceSecretNames.WebhookSecret, cancellationToken);
                return string.IsNullOrEmpty(secret)
                    ? new WebhookKeys(null, null, null, null, $"secret '{AdobeCommerceSecretNames.WebhookSecret}' is not in the secret store")
                    : new WebhookKeys(Encoding.UTF8.GetBytes(secret), null, null, null);

            case AdobeCommerceWebhookScheme.CommerceRsa:
                var pem = options.WebhookPublicKeyPem ?? await _secrets.GetSecretAsync(AdobeCommerceSecretNames.WebhookPublicKey, cancellationToken);
                var key = WebhookKeys.ImportPem(pem, "the Commerce webhook public key", out var problem);
                return new WebhookKeys(null, key, null, null, problem);

            default:
                var pem1 = options.IoEventsPublicKey1Pem ?? await _secrets.GetSecretAsync(AdobeCommerceSecretNames.IoEventsPublicKey1, cancellationToken);
                var pem2 = options.IoEventsPublicKey2Pem ?? await _secrets.GetSecretAsync(AdobeCommerceSecretNames.IoEventsPublicKey2, cancellationToken);
                var key1 = WebhookKeys.ImportPem(pem1, "I/O Events public key 1", out var problem1);
                var key2 = WebhookKeys.ImportPem(pem2, "I/O Events public key 2", out var problem2);

                // One readable key is enough: Adobe signs with both so that either may rotate.
                var ioProblem = key1 is null && key2 is null ? $"{problem1}; {problem2}" : null;
                return new WebhookKeys(null, null, key1, key2, ioProblem);
        }
    }
}
