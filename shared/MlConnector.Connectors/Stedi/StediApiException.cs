using System.Net;

namespace MlConnector.Connectors.Stedi;

/// <summary>Stedi answered with an error. <see cref="Detail"/> is Stedi's own <c>message</c> (and validation errors), never the key.</summary>
public class StediApiException : Exception
{
    public StediApiException(string message, HttpStatusCode? statusCode, string? detail, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Detail = detail;
    }

    public HttpStatusCode? StatusCode { get; }

    public string? Detail { get; }

    /// <summary>Worth retrying: throttling, a request with the same key still in flight (409), timeouts, server errors.</summary>
    public bool IsTransient => StatusCode is null or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout or HttpStatusCode.Conflict || (int)StatusCode >= 500;
}

/// <summary>Stedi refused the API key (401 none / 403 unknown or revoked), or no key is stored.</summary>
public sealed class StediAuthenticationException : StediApiException
{
    public StediAuthenticationException(string message, HttpStatusCode? statusCode, string? detail)
        : base(message, statusCode, detail)
    {
    }
}
