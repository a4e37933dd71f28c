using System.Net;
using Microsoft.Extensions.Options;
using MlConnector.Core.Diagnostics;

namespace MlConnector.Connectors.AdobeCommerce;

/// <summary>
/// Reads one order to prove the URL, the store code and the credential, then one catalog product (shipments read a
/// bundle's "Ship Bundle Items" from the catalog); the failure names which one is wrong.
/// </summary>
public sealed class AdobeCommerceConnectionCheck : IConnectionCheck
{
    private readonly AdobeCommerceClient _client;
    private readonly IOptions<AdobeCommerceOptions> _options;

    public AdobeCommerceConnectionCheck(AdobeCommerceClient client, IOptions<AdobeCommerceOptions> options)
    {
        _client = client;
        _options = options;
    }

    public string Name => $"Adobe Commerce ({_options.Value.AuthMode})";

    public async Task<ConnectionCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        var baseUrl = _options.Value.BaseUrl;
        try
        {
            var count = await _client.CountOrdersAsync(cancellationToken);
            try
            {
                await _client.CountProductsAsync(cancellationToken);
            }
            catch (AdobeCommerceApiException exception) when (exception.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                return ConnectionCheckResult.Failed(ConnectionPart.Permission,
                    $"the integration may read orders but not the catalog (grant Catalog > Inventory > Products: bundle shipments need each bundle's shipment type): {exception.Message}");
            }

            return ConnectionCheckResult.Ok($"{baseUrl}: {count} orders visible, catalog readable");
        }
        catch (InvalidOperationException exception)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Credential, exception.Message);
        }
        catch (AdobeCommerceApiException exception)
        {
            return exception.StatusCode switch
            {
                null => ConnectionCheckResult.Failed(ConnectionPart.Url, $"{baseUrl} cannot be reached: {exception.Message}"),
                HttpStatusCode.Unauthorized => ConnectionCheckResult.Failed(ConnectionPart.Credential,
                    $"{baseUrl} refused the {_options.Value.AuthMode} credential: {exception.Message}"),
                HttpStatusCode.Forbidden => ConnectionCheckResult.Failed(ConnectionPart.Permission,
                    $"the integration may not read orders (grant Sales > Operations > Orders): {exception.Message}"),
                HttpStatusCode.NotFound => ConnectionCheckResult.Failed(ConnectionPart.Url,
                    $"{baseUrl} has no REST API there (check the /rest/<store code>/ part): {exception.Message}"),
                _ => ConnectionCheckResult.Failed(ConnectionPart.Service, exception.Message),
            };
        }
    }
}
