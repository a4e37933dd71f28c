using System.Net;

namespace MlConnector.Connectors.Jaggaer;

/// <summary>
/// JAGGAER answered with an error: an HTTP failure, or HTTP 200 whose J1P envelope carries a <c>returnCode</c> other
/// than 0. <see cref="Detail"/> is JAGGAER's own message (<c>returnMessage</c> or the error body), never a credential.
/// </summary>
public class JaggaerApiException : Exception
{
    public JaggaerApiException(string message, HttpStatusCode? statusCode, string? detail, int? returnCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Detail = detail;
        ReturnCode = returnCode;
    }

    public HttpStatusCode? StatusCode { get; }

    public string? Detail { get; }

    /// <summary>The envelope's <c>returnCode</c> when JAGGAER refused the request in a 200 answer.</summary>
    public int? ReturnCode { get; }

    /// <summary>True for answers worth retrying on the next run (throttling, timeouts, server errors).</summary>
    public bool IsTransient => ReturnCode is null &&
        (StatusCode is null or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)StatusCode >= 500);
}

/// <summary>Keycloak refused the client id / secret, or the API refused the token twice.</summary>
public sealed class JaggaerAuthenticationException : JaggaerApiException, MlConnector.Connectors.Http.ICredentialRefusal
{
    public JaggaerAuthenticationException(string message, HttpStatusCode? statusCode, string? detail)
        : base(message, statusCode, detail)
    {
    }
}
