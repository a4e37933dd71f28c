using System.Net;
using MlConnector.Core.Secrets;

namespace MlConnector.Connectors.Stedi;

/// <summary>
/// The static API key, read from the secret store and kept for ten minutes so a rotated key is picked up without a
/// restart; a 401/403 drops it at once so the next call reads the store again.
/// </summary>
public sealed class StediApiKeySource(ISecretStore secrets, TimeProvider time)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);
    private readonly Lock _gate = new();
    private (string Key, DateTimeOffset At)? _cached;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_cached is { } cached && time.GetUtcNow() - cached.At < KeepFor)
            {
                return cached.Key;
            }
        }

        var key = (await secrets.GetSecretAsync(StediSecretNames.ApiKey, cancellationToken))?.Trim();
        if (string.IsNullOrEmpty(key))
        {
            throw new StediAuthenticationException($"No Stedi API key: store it as secret '{StediSecretNames.ApiKey}'.", null, null);
        }

        // The legacy "Key <key>" form is still accepted by Stedi; send the documented bare key.
        key = key.StartsWith("Key ", StringComparison.Ordinal) ? key[4..].Trim() : key;
        lock (_gate)
        {
            _cached = (key, time.GetUtcNow());
        }

        return key;
    }

    public void Forget()
    {
        lock (_gate)
        {
            _cached = null;
        }
    }
}

/// <summary>Sends <c>Authorization: &lt;API key&gt;</c>, with no scheme, as Stedi documents it.</summary>
public sealed class StediApiKeyHandler(StediApiKeySource keys) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", await keys.GetAsync(cancellationToken));
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            keys.Forget();
        }

        return response;
    }
}
