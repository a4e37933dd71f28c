using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.Http;
using MlConnector.Core.Secrets;

namespace MlConnector.Connectors.SageX3.Auth;

/// <summary>
/// HTTP Basic for api1. The password is read from the secret store once and kept; on a 401 it is read again
/// and, if an operator changed it meanwhile, the request is sent once more.
/// </summary>
public sealed class SageX3BasicAuthHandler(ISecretStore secrets, IOptionsMonitor<SageX3Options> options) : DelegatingHandler
{
    private volatile string? _password;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var password = _password ??= await ReadPasswordAsync(cancellationToken);
        Authorize(request, password);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        var latest = await ReadPasswordAsync(cancellationToken);
        if (latest == password)
        {
            return response;
        }

        _password = latest;
        response.Dispose();
        var retry = await RequestCloner.CloneAsync(request, cancellationToken);
        Authorize(retry, latest);
        return await base.SendAsync(retry, cancellationToken);
    }

    private async Task<string> ReadPasswordAsync(CancellationToken cancellationToken) =>
        await secrets.GetSecretAsync(SageX3SecretNames.RestPassword, cancellationToken)
        ?? throw new SageX3ConfigurationException($"The secret '{SageX3SecretNames.RestPassword}' (the X3 user's password for REST api1) is not set.");

    private void Authorize(HttpRequestMessage request, string password)
    {
        var raw = Encoding.UTF8.GetBytes($"{options.CurrentValue.User}:{password}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(raw));
    }
}
