using Microsoft.Extensions.Options;
using MlConnector.Connectors.Stedi;
using MlConnector.Core.Mapping;

namespace MlConnector.Flows.StediX3;

/// <summary>
/// Which X3 business partners trade by EDI through Stedi. A supplier (or customer) is an EDI trading partner when the
/// <c>trading-partner</c> mapping table maps its X3 code to a Stedi partnership id; the transaction setting per set
/// comes from <c>stedi-transaction-setting</c> (<c>{partnershipId}:{set}</c>) or the configured pattern.
/// </summary>
public sealed class StediPartners(IMappingTables mappings, IOptions<StediOptions> options)
{
    public ValueTask<string?> PartnershipOfAsync(string x3PartnerCode, CancellationToken cancellationToken) =>
        mappings.LookupAsync(StediNames.PartnershipTable, x3PartnerCode, cancellationToken);

    public async ValueTask<string> TransactionSettingAsync(string partnershipId, string transactionSetId, CancellationToken cancellationToken) =>
        await mappings.LookupAsync(StediNames.TransactionSettingTable, $"{partnershipId}:{transactionSetId}", cancellationToken)
        ?? options.Value.TransactionSettingFor(partnershipId, transactionSetId);
}
