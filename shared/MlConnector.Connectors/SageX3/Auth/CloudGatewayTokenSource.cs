using Microsoft.Extensions.Logging;
using MlConnector.Connectors.Http;
using MlConnector.Core.Secrets;

namespace MlConnector.Connectors.SageX3.Auth;

/// <summary>
/// X3 Cloud: trades the stored refresh token for a 5-minute access token and a new refresh token, saving the
/// new refresh token at once (the old one stops working). When another instance sharing the same refresh token
/// rotated it first, the gateway refuses ours: re-read the store and try once more with the newer token.
/// A token nobody can use any more raises <see cref="SageX3RePairRequiredException"/>, and the same dead token
/// is not sent again until an operator re-pairs.
/// </summary>
public sealed class CloudGatewayTokenSource(CloudTokenClient tokens, ISecretStore secrets, TimeProvider time, ILogger<CloudGatewayTokenSource> logger) : IAccessTokenSource, ICredentialFingerprint
{
    /// <summary>How often a refused refresh looks again for a successor another instance is storing (7.8 s in all: slow on a loaded machine).</summary>
    private const int RotationWaits = 12;

    private volatile string? _deadRefreshToken;

    public async Task<AccessToken> AcquireAsync(CancellationToken cancellationToken)
    {
        var refreshToken = await ReadRefreshTokenAsync(cancellationToken);
        var answer = await tokens.RedeemAsync("refresh_token", "refresh_token", refreshToken, cancellationToken);
        for (var wait = 1; answer.IsRefused && wait <= RotationWaits; wait++)
        {
            // Another instance may have redeemed the same token a moment ago and not stored its successor yet.
            var latest = await ReadRefreshTokenAsync(cancellationToken);
            if (latest == refreshToken)
            {
                // Wall-clock, not business time: this waits for another process's write to land.
                await Task.Delay(TimeSpan.FromMilliseconds(100 * wait), cancellationToken);
                continue;
            }

            logger.LogInformation("The X3 Cloud refresh token was rotated by another instance; retrying with the stored one.");
            refreshToken = latest;
            answer = await tokens.RedeemAsync("refresh_token", "refresh_token", refreshToken, cancellationToken);
        }

        if (answer.IsRefused)
        {
            _deadRefreshToken = refreshToken;
            logger.LogError("The X3 Cloud gateway refused the stored refresh token ({Refusal}); the app must be paired again.", answer.Refusal);
            throw RePair($"the gateway refused the stored refresh token ({answer.Refusal})");
        }

        if (answer.RefreshToken is not null)
        {
            await secrets.SetSecretAsync(SageX3SecretNames.CloudRefreshToken, answer.RefreshToken, cancellationToken);
        }

        return new AccessToken(answer.AccessToken!, time.GetUtcNow() + answer.AccessLifetime);
    }

    /// <summary>A new pairing stores a new refresh token: a refusal cached for the old one no longer holds.</summary>
    public async ValueTask<string?> FingerprintAsync(CancellationToken cancellationToken) =>
        CredentialFingerprints.Of(await secrets.GetSecretAsync(SageX3SecretNames.CloudRefreshToken, cancellationToken));

    private async Task<string> ReadRefreshTokenAsync(CancellationToken cancellationToken)
    {
        var stored = await secrets.GetSecretAsync(SageX3SecretNames.CloudRefreshToken, cancellationToken);
        if (string.IsNullOrEmpty(stored))
        {
            throw RePair($"no refresh token is stored in '{SageX3SecretNames.CloudRefreshToken}'");
        }

        return stored == _deadRefreshToken ? throw RePair("the stored refresh token was already refused by the gateway") : stored;
    }

    private static SageX3RePairRequiredException RePair(string why) => new(
        $"Sage X3 Cloud needs to be paired again: {why}. Refresh tokens last 30 days and stop working when the pairing is " +
        "deleted. Ask an X3 administrator to approve a new pairing request, then complete it with the connector's pairing command.");
}
