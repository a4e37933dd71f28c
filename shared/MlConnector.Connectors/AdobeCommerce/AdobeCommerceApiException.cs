using System.Net;

namespace MlConnector.Connectors.AdobeCommerce;

/// <summary>
/// Commerce answered with an error. <see cref="StatusCode"/> is null when no answer arrived (timeout, dropped
/// connection): the call may have been applied.
/// </summary>
public sealed class AdobeCommerceApiException : Exception
{
    public AdobeCommerceApiException(string message, HttpStatusCode? statusCode, Exception? innerException = null)
        : base(message, innerException) => StatusCode = statusCode;

    public AdobeCommerceApiException()
    {
    }

    public AdobeCommerceApiException(string message)
        : base(message)
    {
    }

    public AdobeCommerceApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HttpStatusCode? StatusCode { get; }

    public bool IsTransient => StatusCode is null or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)StatusCode >= 500;
}
