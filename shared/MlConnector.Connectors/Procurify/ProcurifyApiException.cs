using System.Net;

namespace MlConnector.Connectors.Procurify;

/// <summary>Procurify answered with an error; <see cref="Detail"/> is Procurify's own message (never a credential).</summary>
public class ProcurifyApiException : Exception
{
    public ProcurifyApiException(string message, HttpStatusCode? statusCode, string? detail, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Detail = detail;
    }

    public HttpStatusCode? StatusCode { get; }

    public string? Detail { get; }

    /// <summary>True for answers worth retrying on the next run (throttling, timeouts, server errors).</summary>
    public bool IsTransient => StatusCode is null or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)StatusCode >= 500;
}

/// <summary>Procurify refused the client id / secret (token endpoint) or the token (API call).</summary>
public sealed class ProcurifyAuthenticationException : ProcurifyApiException, MlConnector.Connectors.Http.ICredentialRefusal
{
    public ProcurifyAuthenticationException(string message, HttpStatusCode? statusCode, string? detail)
        : base(message, statusCode, detail)
    {
    }
}
