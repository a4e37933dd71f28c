using System.Text.Json;
using static MlConnector.Connectors.Procurify.ProcurifyFields;

namespace MlConnector.Connectors.Procurify.Streams;

/// <summary>
/// Looks up, once per run, what order-item rows name only by id: the account (<c>/api/v3/accounts/?id=</c>, whose
/// department is the line's cost centre) and, for requisition lines, the vendor (<c>/api/v3/vendors/{id}/</c>, whose
/// name and external id the mapper reports and matches on). Purchase-order headers and detail lines carry these as
/// objects already and cost nothing. An id Procurify does not know is remembered as unknown, so the mapper can say so.
/// </summary>
public sealed class ProcurifyReferenceResolver(ProcurifyClient client)
{
    private readonly Dictionary<string, JsonElement?> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonElement?> _vendors = new(StringComparer.Ordinal);

    /// <summary>Distinct ids looked up so far (each one call).</summary>
    public int Lookups => _accounts.Count + _vendors.Count;

    /// <summary>The accounts (and, when <paramref name="withVendors"/>, the vendors) the lines name by bare id, keyed by id.</summary>
    public async Task<ResolvedReferences> ResolveAsync(IEnumerable<JsonElement> lines, bool withVendors, CancellationToken cancellationToken)
    {
        var accounts = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var vendors = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (BareId(line, Line.Account) is { } accountId && await LookupAsync(_accounts, accountId, AccountAsync, cancellationToken) is { } account)
            {
                accounts[accountId] = account;
            }

            if (withVendors && BareId(line, Line.Vendor) is { } vendorId && await LookupAsync(_vendors, vendorId, VendorAsync, cancellationToken) is { } vendor)
            {
                vendors[vendorId] = vendor;
            }
        }

        return new ResolvedReferences(accounts, vendors);
    }

    /// <summary>The id when the field is a bare id (a number or a string), null when absent or already an object.</summary>
    private static string? BareId(JsonElement line, string field) =>
        line.Property(field) is { ValueKind: JsonValueKind.Number or JsonValueKind.String } id ? ProcurifyJson.AsText(id) : null;

    private static async Task<JsonElement?> LookupAsync(
        Dictionary<string, JsonElement?> cache, string id, Func<string, CancellationToken, Task<JsonElement?>> fetch, CancellationToken cancellationToken)
    {
        if (!cache.TryGetValue(id, out var found))
        {
            found = await fetch(id, cancellationToken);
            cache[id] = found;
        }

        return found;
    }

    private async Task<JsonElement?> AccountAsync(string id, CancellationToken cancellationToken)
    {
        await foreach (var page in client.ListAccountsAsync(new ProcurifyQuery().Add("id", id), cancellationToken))
        {
            // The filter is exact; the check guards against a server that ignored it.
            return page.Data.FirstOrDefault(row => row.Text(Account.Id) == id) is { ValueKind: JsonValueKind.Object } account ? account : null;
        }

        return null;
    }

    private async Task<JsonElement?> VendorAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetVendorAsync(id, cancellationToken);
        }
        catch (ProcurifyApiException exception) when (exception.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}

/// <summary>Objects looked up for the bare ids of a record's lines, written beside Procurify's fields on the record.</summary>
public sealed record ResolvedReferences(IReadOnlyDictionary<string, JsonElement> Accounts, IReadOnlyDictionary<string, JsonElement> Vendors)
{
    public static ResolvedReferences None { get; } = new(new Dictionary<string, JsonElement>(), new Dictionary<string, JsonElement>());

    public bool IsEmpty => Accounts.Count == 0 && Vendors.Count == 0;
}
