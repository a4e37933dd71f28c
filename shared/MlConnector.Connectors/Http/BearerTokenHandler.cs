using System.Net;
using System.Net.Http.Headers;

namespace MlConnector.Connectors.Http;

/// <summary>
/// Puts a bearer token on each request. On a 401 it drops that token, refreshes once and sends the request
/// once more; a second 401 is returned to the caller (a wrong credential, not an expired token).
/// </summary>
public class BearerTokenHandler : DelegatingHandler
{
    private readonly ITokenProvider _tokens;

    public BearerTokenHandler(ITokenProvider tokens) => _tokens = tokens;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await _tokens.GetTokenAsync(cancellationToken);
        Authorize(request, token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        _tokens.Invalidate(token);
        response.Dispose();
        var retry = await RequestCloner.CloneAsync(request, cancellationToken);
        Authorize(retry, await _tokens.GetTokenAsync(cancellationToken));
        return await base.SendAsync(retry, cancellationToken);
    }

    /// <summary>Sets the credential headers; schemes other than plain bearer override this.</summary>
    protected virtual void Authorize(HttpRequestMessage request, AccessToken token) =>
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
}
