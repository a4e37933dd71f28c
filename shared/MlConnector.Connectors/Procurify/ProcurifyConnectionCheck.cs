using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using MlConnector.Core.Diagnostics;

namespace MlConnector.Connectors.Procurify;

/// <summary>
/// Tells a new customer which Procurify setting is wrong: the domain (nothing, or not Procurify, answers), the
/// client credentials (the token endpoint refuses them) or the API client's permissions (a read is refused).
/// </summary>
public sealed class ProcurifyConnectionCheck : IConnectionCheck
{
    private readonly ProcurifyTokenSource _tokens;
    private readonly ProcurifyClient _client;
    private readonly IOptions<ProcurifyOptions> _options;

    public ProcurifyConnectionCheck(ProcurifyTokenSource tokens, ProcurifyClient client, IOptions<ProcurifyOptions> options)
    {
        _tokens = tokens;
        _client = client;
        _options = options;
    }

    public string Name => "Procurify (API v2/v3)";

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
        catch (ProcurifyAuthenticationException exception)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Credential, exception.Message);
        }
        catch (ProcurifyApiException exception) when (exception.StatusCode is null or HttpStatusCode.NotFound or < HttpStatusCode.InternalServerError)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Url, $"{baseAddress} is not a Procurify tenant: {exception.Message}");
        }
        catch (ProcurifyApiException exception)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Service, exception.Message);
        }
        catch (HttpRequestException exception) when (exception.InnerException is SocketException || exception.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Url,
                $"Cannot reach {baseAddress} ({exception.Message}): check {ProcurifyOptions.SectionName}__Domain.");
        }

        try
        {
            await foreach (var page in _client.ListDepartmentsAsync(new ProcurifyQuery(), cancellationToken))
            {
                return ConnectionCheckResult.Ok($"Connected to {baseAddress.Host} as client '{_options.Value.ClientId}'; {page.Pagination.Count} departments readable.");
            }

            return ConnectionCheckResult.Ok($"Connected to {baseAddress.Host}.");
        }
        catch (ProcurifyApiException exception) when (exception.StatusCode is HttpStatusCode.Forbidden)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Permission, exception.Message);
        }
        catch (ProcurifyAuthenticationException exception)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Credential, exception.Message);
        }
        catch (ProcurifyApiException exception)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Service, exception.Message);
        }
    }
}
