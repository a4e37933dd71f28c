using System.Net.Sockets;
using Microsoft.Extensions.Options;
using MlConnector.Core.Diagnostics;

namespace MlConnector.Connectors.Stedi;

/// <summary>Tells a new customer which Stedi setting is wrong: the API address, the API key, or Stedi itself.</summary>
public sealed class StediConnectionCheck(StediClient client, IOptions<StediOptions> options) : IConnectionCheck
{
    public string Name => "Stedi (Core API)";

    public async Task<ConnectionCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        Uri baseAddress;
        try
        {
            baseAddress = options.Value.ResolveBaseAddress();
        }
        catch (Exception exception) when (exception is InvalidOperationException or UriFormatException)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Url, exception.Message);
        }

        try
        {
            var seen = await client.ProbeAsync(cancellationToken);
            return ConnectionCheckResult.Ok($"Connected to {baseAddress.Host}; the API key can list transactions ({(seen == 0 ? "none yet" : "some already processed")}).");
        }
        catch (StediAuthenticationException exception)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Credential, exception.Message);
        }
        catch (StediApiException exception) when (exception.StatusCode is System.Net.HttpStatusCode.NotFound)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Url, $"{baseAddress} does not answer as the Stedi Core API (check {StediOptions.SectionName}__BaseUrl, which includes the version, e.g. /2023-08-01): {exception.Message}");
        }
        catch (StediApiException exception)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Service, exception.Message);
        }
        catch (HttpRequestException exception) when (exception.InnerException is SocketException || exception.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Url, $"Cannot reach {baseAddress} ({exception.Message}): check {StediOptions.SectionName}__BaseUrl.");
        }
    }
}
