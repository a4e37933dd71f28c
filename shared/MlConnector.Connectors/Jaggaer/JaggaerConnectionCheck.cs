using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using MlConnector.Core.Diagnostics;

namespace MlConnector.Connectors.Jaggaer;

/// <summary>
/// Tells a new customer which JAGGAER setting is wrong: the instance URL (nothing, or not Keycloak, answers), the
/// client credentials (Keycloak refuses them) or the client's rights (a supplier read is refused).
/// </summary>
public sealed class JaggaerConnectionCheck : IConnectionCheck
{
    private readonly JaggaerTokenSource _tokens;
    private readonly JaggaerClient _client;
    private readonly IOptions<JaggaerOptions> _options;

    public JaggaerConnectionCheck(JaggaerTokenSource tokens, JaggaerClient client, IOptions<JaggaerOptions> options)
    {
        _tokens = tokens;
        _client = client;
        _options = options;
    }

    public string Name => "JAGGAER (J1P public API)";

    public async Task<ConnectionCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        Uri baseAddress;
        try
        {
            baseAddress = _options.Value.ResolveBaseAddress();
        }
        catch (Exception exception) when (exception is InvalidOperationException or UriFormatException)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Url, exception.Message);
        }

        try
        {
            await _tokens.AcquireAsync(cancellationToken);
        }
        catch (JaggaerAuthenticationException exception)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Credential, exception.Message);
        }
        catch (JaggaerApiException exception) when (exception.StatusCode is null or HttpStatusCode.NotFound or < HttpStatusCode.InternalServerError)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Url, $"{baseAddress} does not answer as a JAGGAER instance: {exception.Message}");
        }
        catch (JaggaerApiException exception)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Service, exception.Message);
        }
        catch (HttpRequestException exception) when (exception.InnerException is SocketException || exception.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Url, $"Cannot reach {baseAddress} ({exception.Message}): check {JaggaerOptions.SectionName}__BaseUrl.");
        }

        try
        {
            await foreach (var page in _client.ListSuppliersAsync(JaggaerFilter.None.And(_options.Value.SupplierFilter), cancellationToken))
            {
                return ConnectionCheckResult.Ok($"Connected to {baseAddress.Host} as client '{_options.Value.ClientId}'; {page.Envelope.TotRecords} supplier profiles readable.");
            }

            return ConnectionCheckResult.Ok($"Connected to {baseAddress.Host}.");
        }
        catch (JaggaerAuthenticationException exception)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Credential, exception.Message);
        }
        catch (JaggaerApiException exception) when (exception.StatusCode is HttpStatusCode.Forbidden)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Permission, exception.Message);
        }
        catch (JaggaerApiException exception) when (exception.StatusCode is HttpStatusCode.NotFound)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Url, exception.Message);
        }
        catch (JaggaerApiException exception)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Service, exception.Message);
        }
    }
}
