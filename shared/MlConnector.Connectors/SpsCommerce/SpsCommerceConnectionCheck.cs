using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using MlConnector.Core.Diagnostics;

namespace MlConnector.Connectors.SpsCommerce;

/// <summary>
/// Tells a new customer which SPS setting is wrong: the token URL (nothing answers), the app's credentials or
/// audience (Auth0 refuses them), or the folders (the orders folder does not exist or routing is not enabled yet).
/// </summary>
public sealed class SpsCommerceConnectionCheck(SpsCommerceTokenSource tokens, SpsCommerceClient client, IOptions<SpsCommerceOptions> options) : IConnectionCheck
{
    public string Name => "SPS Commerce (Transaction API v5)";

    public async Task<ConnectionCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        try
        {
            settings.ResolveApiAddress();
            settings.ResolveTokenAddress();
        }
        catch (Exception exception) when (exception is InvalidOperationException or UriFormatException)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Url, exception.Message);
        }

        try
        {
            await tokens.AcquireAsync(cancellationToken);
        }
        catch (SpsCommerceAuthenticationException exception)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Credential, exception.Message);
        }
        catch (SpsCommerceApiException exception) when (exception.StatusCode is null or HttpStatusCode.NotFound or < HttpStatusCode.InternalServerError)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Url, $"{settings.TokenUrl} does not answer as the SPS token endpoint: {exception.Message}");
        }
        catch (SpsCommerceApiException exception)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Service, exception.Message);
        }
        catch (HttpRequestException exception) when (exception.InnerException is SocketException || exception.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Url, $"Cannot reach {settings.TokenUrl} ({exception.Message}): check {SpsCommerceOptions.SectionName}__TokenUrl.");
        }

        try
        {
            await foreach (var page in client.ListAsync(settings.OrdersFolder, cancellationToken))
            {
                var more = page.NextCursor is null ? string.Empty : " or more";
                return ConnectionCheckResult.Ok($"Connected to {settings.ResolveApiAddress().Host} as app '{settings.ClientId}'; {page.Entries.Count(e => !e.IsDirectory)}{more} files waiting in {settings.OrdersFolder}.");
            }

            return ConnectionCheckResult.Ok($"Connected to {settings.ResolveApiAddress().Host}.");
        }
        catch (SpsCommerceAuthenticationException exception)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Credential, exception.Message);
        }
        catch (SpsCommerceApiException exception) when (exception.StatusCode is HttpStatusCode.Forbidden)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Permission, exception.Message);
        }
        catch (SpsCommerceApiException exception) when (exception.StatusCode is HttpStatusCode.NotFound)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Folder, exception.Message);
        }
        catch (SpsCommerceApiException exception)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Service, exception.Message);
        }
        catch (HttpRequestException exception)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Url, $"Cannot reach {settings.ApiUrl} ({exception.Message}): check {SpsCommerceOptions.SectionName}__ApiUrl.");
        }
    }
}
