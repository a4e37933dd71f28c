using MlConnector.Connectors.Stedi;
using MlConnector.Core.Mapping;

namespace MlConnector.Flows.StediX3;

/// <summary>
/// Which X3 business partners trade by EDI through Stedi. A supplier (or customer) is an EDI trading partner when the
/// <c>trading-partner</c> mapping table maps its X3 code to a Stedi partnership id; the outbound transaction setting
/// of each set is the id Stedi generated for it, mapped in <c>stedi-transaction-setting</c> as
/// <c>{partnershipId}:{set}</c> and checked against Stedi's id rules.
/// </summary>
public sealed class StediPartners(IMappingTables mappings)
{
    public ValueTask<string?> PartnershipOfAsync(string x3PartnerCode, CancellationToken cancellationToken) =>
        mappings.LookupAsync(StediNames.PartnershipTable, x3PartnerCode, cancellationToken);

    /// <summary>The transaction setting id, or why there is none to use.</summary>
    public async ValueTask<(string? Id, string? Problem)> TransactionSettingAsync(string partnershipId, string transactionSetId, CancellationToken cancellationToken)
    {
        var source = $"{partnershipId}:{transactionSetId}";
        var id = await mappings.LookupAsync(StediNames.TransactionSettingTable, source, cancellationToken);
        if (id is null)
        {
            return (null, $"no outbound {transactionSetId} transaction setting is mapped for partnership {partnershipId}: add the row " +
                          $"'{StediNames.TransactionSettingTable},{source},<the Transaction Setting ID Stedi shows on the partnership>' with mlc mappings import");
        }

        return StediOptions.TransactionSettingIdProblem(id) is { } problem
            ? (null, $"the '{StediNames.TransactionSettingTable}' row {source} is not a Stedi transaction setting id: {problem}")
            : (id, null);
    }
}
