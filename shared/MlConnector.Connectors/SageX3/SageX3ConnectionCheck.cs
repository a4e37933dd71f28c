using Microsoft.Extensions.Options;
using MlConnector.Connectors.SageX3.GraphQl;
using MlConnector.Connectors.SageX3.Reading;
using MlConnector.Connectors.SageX3.Rest;
using MlConnector.Core.Diagnostics;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace MlConnector.Connectors.SageX3;

/// <summary>
/// <c>mlc ping</c> for X3: reads one row of each configured representation (REST) or one purchase order (GraphQL)
/// and, on failure, names the part to fix: the URL, the folder (endpoint), the credential or a representation.
/// </summary>
public sealed class SageX3ConnectionCheck(SageX3RestClient rest, SageX3GraphQlClient graphQl, IOptionsMonitor<SageX3Options> options) : IConnectionCheck
{
    public string Name => options.CurrentValue.Mode switch
    {
        SageX3Mode.Rest => "Sage X3 (REST api1)",
        SageX3Mode.GraphQl => "Sage X3 (GraphQL, connected application)",
        _ => "Sage X3 (Cloud gateway)",
    };

    public async Task<ConnectionCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var where = settings.Mode == SageX3Mode.Cloud ? settings.CloudGatewayUrl : settings.ServerUrl;
        try
        {
            if (settings.Mode == SageX3Mode.Rest)
            {
                foreach (var info in X3Entities.All.Values)
                {
                    await using var pages = rest.QueryAsync(info.ClassName, info.Representation(settings), null, 1, cancellationToken).GetAsyncEnumerator(cancellationToken);
                    await pages.MoveNextAsync();
                }

                if (await CheckWritableRepresentationsAsync(settings, cancellationToken) is { } notWritable)
                {
                    return notWritable;
                }
            }
            else if (await new SageX3GraphQlSchemaCheck(graphQl).CheckAsync(settings, cancellationToken) is { } mismatch)
            {
                return mismatch;
            }

            return ConnectionCheckResult.Ok($"Connected to {settings.Scope} at {where} as {(settings.Mode == SageX3Mode.Rest ? settings.User : settings.ClientId)}.");
        }
        catch (SageX3ApiException refused) when (refused.StatusCode is 401 or 403)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Credential, $"X3 refused the credentials: {Detail(refused)}. Check SageX3__User / SageX3__ClientId and the stored secret.");
        }
        catch (SageX3ApiException refused) when (Mentions(refused, "representation") || Mentions(refused, "class"))
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Representation, $"{Detail(refused)}. Check the SageX3__…Representation settings against the representations published in X3.");
        }
        catch (SageX3ApiException refused) when (Mentions(refused, "endpoint") || Mentions(refused, "folder"))
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Folder, $"The folder (endpoint) '{settings.Endpoint}' is not served at {where}: {Detail(refused)}. Check SageX3__Endpoint.");
        }
        catch (SageX3ApiException refused) when (refused.StatusCode == 404)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Url, $"{where} answered 404: it does not look like an X3 server ({Detail(refused)}). Check SageX3__ServerUrl and SageX3__Port.");
        }
        catch (SageX3ApiException refused)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Service, $"X3 answered {refused.StatusCode}: {Detail(refused)}");
        }
        catch (SageX3RePairRequiredException rePair)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Credential, rePair.Message);
        }
        catch (SageX3ConfigurationException configuration)
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Credential, configuration.Message);
        }
        catch (Exception unreachable) when (unreachable is HttpRequestException or TimeoutRejectedException or BrokenCircuitException ||
                                            (unreachable is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return ConnectionCheckResult.Failed(ConnectionPart.Url, $"Cannot reach X3 at {where}: {unreachable.Message}. Check SageX3__ServerUrl, SageX3__Port and the network path.");
        }
    }

    /// <summary>Each written class's writable representation exists and accepts <c>$create</c> (its <c>$template</c> answers).</summary>
    private async Task<ConnectionCheckResult?> CheckWritableRepresentationsAsync(SageX3Options settings, CancellationToken cancellationToken)
    {
        foreach (var info in X3Entities.All.Values)
        {
            if (info.WriteRepresentation(settings) is not { } representation)
            {
                continue;
            }

            try
            {
                await rest.GetTemplateAsync(info.ClassName, representation, cancellationToken);
            }
            catch (SageX3ApiException refused) when (refused.StatusCode is 400 or 404 or 405)
            {
                return ConnectionCheckResult.Failed(ConnectionPart.Representation,
                    $"Representation '{representation}' of class {info.ClassName} does not accept $create ({Detail(refused)}). X3's standard representations only read: " +
                    $"build a writable representation of {info.ClassName} in X3 and set {info.WriteRepresentationSetting} to its name (docs/x3-setup.md).");
            }
        }

        return null;
    }

    private static bool Mentions(SageX3ApiException error, string word) =>
        error.Diagnoses.Any(d => d.Contains(word, StringComparison.OrdinalIgnoreCase));

    private static string Detail(SageX3ApiException error) =>
        error.Diagnoses.Count > 0 ? string.Join("; ", error.Diagnoses) : error.Message;
}
