namespace MlConnector.Connectors.SageX3;

/// <summary>X3 answered with an error status; <see cref="Exception.Message"/> carries its <c>$diagnoses</c>.</summary>
public sealed class SageX3ApiException(int statusCode, string message, IReadOnlyList<string> diagnoses) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public IReadOnlyList<string> Diagnoses { get; } = diagnoses;

    /// <summary>Worth retrying later: 408, 429 and 5xx.</summary>
    public bool IsTransient => StatusCode is 408 or 429 or >= 500;
}

/// <summary>
/// The X3 Cloud gateway no longer accepts the stored refresh token (expired, revoked, or never paired):
/// nothing automatic can fix it, an operator must pair the app again.
/// </summary>
public sealed class SageX3RePairRequiredException(string message) : Exception(message), MlConnector.Connectors.Http.ICredentialRefusal;

/// <summary>A setting or an X3-side configuration prevents the operation; the message says what to change.</summary>
public sealed class SageX3ConfigurationException(string message, Exception? innerException = null) : Exception(message, innerException);
