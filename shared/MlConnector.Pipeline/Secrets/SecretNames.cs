namespace MlConnector.Pipeline.Secrets;

/// <summary>
/// Key Vault's naming rule for secrets (1-127 letters, digits and dashes), applied by every store so a name
/// that works locally works in Azure. Checked before any call so a bad name fails with a message that says
/// what is wrong, instead of a vault 400 or a 404 that reads as "missing".
/// </summary>
public static class SecretNames
{
    public const int MaxLength = 127;

    public static void Validate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is 0 or > MaxLength)
        {
            throw new ArgumentException(
                $"Secret name must be 1 to {MaxLength} characters long; got {name.Length}.", nameof(name));
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                throw new ArgumentException(
                    $"Secret name '{name}' is not valid: use letters, digits and dashes only (e.g. x3-cloud-refresh-token).",
                    nameof(name));
            }
        }
    }
}
