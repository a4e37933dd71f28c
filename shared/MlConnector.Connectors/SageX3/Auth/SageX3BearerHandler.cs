using Microsoft.Extensions.Options;
using MlConnector.Connectors.Http;

namespace MlConnector.Connectors.SageX3.Auth;

/// <summary>Bearer token plus <c>x-xtrem-endpoint</c>, the folder every X3 GraphQL call names.</summary>
public sealed class SageX3BearerHandler(SageX3TokenProvider tokens, IOptionsMonitor<SageX3Options> options) : BearerTokenHandler(tokens)
{
    public const string EndpointHeader = "x-xtrem-endpoint";

    protected override void Authorize(HttpRequestMessage request, AccessToken token)
    {
        base.Authorize(request, token);
        request.Headers.Remove(EndpointHeader);
        request.Headers.Add(EndpointHeader, options.CurrentValue.Endpoint);
    }
}
