using System.Globalization;
using System.Text.Json;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;

namespace MlConnector.Flows.JaggaerX3;

/// <summary>
/// A JAGGAER purchase order to an X3 purchase order. Every code (supplier, product, GL account, cost centre) is
/// resolved and checked against X3 first, and all problems are reported together, so one look at a rejection tells a
/// person everything to fix; the rejected order is retried on each sync and written once the fix exists.
/// </summary>
public sealed class JaggaerPurchaseOrderMapper(IMappingTables mappings, IReferenceData reference, JaggaerX3Options options) : IRecordMapper
{
    public const string DocumentKind = "x3-purchase-order";

    public async ValueTask<MapResult> MapAsync(SourceRecord record, CancellationToken cancellationToken)
    {
        JaggaerOrder order;
        try
        {
            order = JaggaerOrderReader.Read(record.Payload, options);
        }
        catch (JsonException exception)
        {
            return MapResult.Rejected($"JAGGAER purchase order {record.Key} could not be read: {exception.Message}");
        }

        if (order.Lines.Count == 0)
        {
            return MapResult.Rejected($"{order.Label} has no lines");
        }

        var problems = new List<string>();
        if (order.Currency is null)
        {
            problems.Add($"{order.Label} has no currency");
        }

        if (order.OrderDate is null)
        {
            problems.Add($"{order.Label} has no order date");
        }

        var resolver = new JaggaerX3CodeResolver(mappings, reference, options);
        var supplier = await resolver.SupplierAsync(order.Supplier, order.Label, cancellationToken);
        AddProblem(problems, supplier);
        var lines = new List<PurchaseOrderLine>(order.Lines.Count);
        foreach (var line in order.Lines)
        {
            if (await ComposeLineAsync(resolver, order, line, problems, cancellationToken) is { } composed)
            {
                lines.Add(composed);
            }
        }

        if (problems.Count > 0)
        {
            return MapResult.Rejected(string.Join("; ", problems.Distinct(StringComparer.Ordinal)));
        }

        var document = new PurchaseOrder
        {
            SourceId = order.SourceId,
            Number = order.Number,
            Supplier = new PartyReference(supplier.Code!, order.Supplier!.Name),
            OrderDate = order.OrderDate!.Value,
            Currency = order.Currency!,
            Site = string.IsNullOrWhiteSpace(options.Site) ? null : options.Site,
            Status = order.Status,
            BuyerReference = order.BusinessUnit,
            Lines = lines,
        };
        return MapResult.Mapped(new TargetDocument(DocumentKind, order.Number, Summary(order, document), CanonicalJson.ToElement(document)));
    }

    private async ValueTask<PurchaseOrderLine?> ComposeLineAsync(JaggaerX3CodeResolver resolver, JaggaerOrder order, JaggaerOrderLine line, List<string> problems, CancellationToken cancellationToken)
    {
        var before = problems.Count;
        if (line.Quantity is null || line.UnitPrice is null)
        {
            problems.Add($"Line {line.LineNumber} of {order.Label} has no quantity or unit price");
        }

        var item = await resolver.ItemAsync(line, order.Label, cancellationToken);
        var glAccount = await resolver.GlAccountAsync(line.Accounts, line.LineNumber, order.Label, cancellationToken);
        var costCentre = await resolver.CostCentreAsync(line.CostCentres, line.LineNumber, order.Label, cancellationToken);
        AddProblem(problems, item);
        AddProblem(problems, glAccount);
        AddProblem(problems, costCentre);
        if (problems.Count > before)
        {
            return null;
        }

        return new PurchaseOrderLine
        {
            LineNumber = line.LineNumber,
            ItemCode = item.Code!,
            Description = line.Description,
            Quantity = line.Quantity!.Value,
            Unit = string.IsNullOrWhiteSpace(line.Unit) ? options.DefaultUnit : line.Unit,
            UnitPrice = line.UnitPrice!.Value,
            GlAccount = glAccount.Code,
            CostCentre = costCentre.Code,
        };
    }

    private static void AddProblem(List<string> problems, JaggaerX3CodeResolver.Resolution resolution)
    {
        if (resolution.Problem is { } problem)
        {
            problems.Add(problem);
        }
    }

    private static string Summary(JaggaerOrder order, PurchaseOrder document)
    {
        var total = document.TotalExcludingTax.ToString("N2", CultureInfo.InvariantCulture);
        var lineCount = document.Lines.Count == 1 ? "1 line" : $"{document.Lines.Count} lines";
        var status = document.Status == PurchaseOrderStatus.Open ? string.Empty : $" ({document.Status.ToString().ToLowerInvariant()})";
        return $"{order.Label} for {document.Supplier.Name}, {lineCount}, {total} {document.Currency}{status}";
    }
}
