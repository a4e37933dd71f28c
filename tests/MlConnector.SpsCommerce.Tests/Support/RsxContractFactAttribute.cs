using MlConnector.Simulators.SpsCommerce.Contracts;

namespace MlConnector.SpsCommerce.Tests.Support;

/// <summary>A test that needs SPS's RSX contract files (shared/contracts beside the repository); skipped, saying why, where they are absent.</summary>
internal sealed class RsxContractFactAttribute : FactAttribute
{
    public RsxContractFactAttribute()
    {
        if (RsxContractFiles.Directory is null)
        {
            Skip = RsxContractFiles.MissingReason;
        }
    }
}

/// <summary>SPS's contract for tests that have checked it is present.</summary>
internal static class Rsx
{
    public static RsxContract Contract => RsxContract.Default ?? throw new InvalidOperationException(RsxContractFiles.MissingReason);

    public static byte[] Sample(RsxDocumentType type) => File.ReadAllBytes(RsxContractFiles.FileFor(RsxContractFiles.Directory!, type, sample: true));

    /// <summary>Fails with every violation listed, so a broken document says what SPS would say.</summary>
    public static void AssertValid(RsxDocumentType type, System.Text.Json.JsonElement document) =>
        AssertValid(type, System.Text.Encoding.UTF8.GetBytes(document.GetRawText()));

    public static void AssertValid(RsxDocumentType type, byte[] document)
    {
        var violations = Contract.Validate(type, document);
        Assert.True(violations.Count == 0, $"SPS would refuse this {type} document:\n" + string.Join("\n", violations.Select(v => $"{v.Field}: {v.Message}")));
    }
}
