using System.Net.Http.Headers;

namespace MlConnector.Connectors.Procurify;

/// <summary>Procurify refuses API calls that do not carry <c>X-Procurify-Client: api</c>; JSON is asked for explicitly.</summary>
public sealed class ProcurifyClientHeaderHandler : DelegatingHandler
{
    public const string ClientHeader = "X-Procurify-Client";
    public const string ClientHeaderValue = "api";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove(ClientHeader);
        request.Headers.TryAddWithoutValidation(ClientHeader, ClientHeaderValue);
        if (request.Headers.Accept.Count == 0)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
