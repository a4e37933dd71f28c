using Microsoft.Extensions.Options;
using MlConnector.Connectors.Http;

namespace MlConnector.Connectors.AdobeCommerce.Auth;

/// <summary>ACCS wants the IMS bearer token plus the client id as <c>x-api-key</c> and the organisation as <c>x-gw-ims-org-id</c>.</summary>
public sealed class ImsBearerHandler : BearerTokenHandler
{
    private readonly IOptions<AdobeCommerceOptions> _options;

    public ImsBearerHandler(ITokenProvider tokens, IOptions<AdobeCommerceOptions> options)
        : base(tokens) => _options = options;

    protected override void Authorize(HttpRequestMessage request, AccessToken token)
    {
        base.Authorize(request, token);
        var options = _options.Value;
        request.Headers.Remove("x-api-key");
        request.Headers.Remove("x-gw-ims-org-id");
        request.Headers.TryAddWithoutValidation("x-api-key", options.ImsClientId);
        request.Headers.TryAddWithoutValidation("x-gw-ims-org-id", options.ImsOrgId);
    }
}
