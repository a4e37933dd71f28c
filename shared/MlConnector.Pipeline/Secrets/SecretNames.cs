namespace MlConnector.Pipeline.Secrets;

/// <summary>Key Vault's naming rule, applied to every store so a name that works locally works in Azure.</summary>
public static class SecretNames
{
    public static void Validate(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 127 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException($"'{name}' is not a valid secret name: use 1-127 letters, digits and dashes.", nameof(name));
        }
    }
}
