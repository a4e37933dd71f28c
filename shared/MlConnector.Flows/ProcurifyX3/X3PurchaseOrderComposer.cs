using System.Globalization;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;

namespace MlConnector.Flows.ProcurifyX3;

/// <summary>
/// Builds the X3 purchase order from a read Procurify order, resolving every code first. All problems are
/// reported together, so one look at the rejection tells a person everything to fix.
/// </summary>
internal sealed class X3PurchaseOrderComposer(IMappingTables mappings, IReferenceData reference, ProcurifyX3Options options)
{
    public const string DocumentKind = "x3-purchase-order";

    public async ValueTask<MapResult> ComposeAsync(ProcurifyOrder order, CancellationToken cancellationToken)
    {
        var resolver = new X3CodeResolver(mappings, reference, options);
        var problems = new List<string>();
        if (order.Lines.Count == 0)
        {
            return MapResult.Rejected($"{order.Label} has no lines");
        }

        if (order.Currency?.Code is null)
        {
            problems.Add(order.Currency is null ? $"{order.Label} has no currency" : $"{order.Label}'s currency {order.Currency.Describe()} has no ISO code");
        }

        if (order.OrderDate is null)
        {
            problems.Add($"{order.Label} has no order date");
        }

        var supplier = await resolver.SupplierAsync(order.Vendor, order.Label, cancellationToken);
        AddProblem(problems, supplier);
        var lines = new List<PurchaseOrderLine>(order.Lines.Count);
        foreach (var line in order.Lines)
        {
            if (await ComposeLineAsync(resolver, order, line, problems, cancellationToken) is { } composed)
            {
                lines.Add(composed);
            }
        }

        var withCharges = problems.Count == 0 ? ProcurifyOrderCharges.Apply(order, lines, options, problems) : lines;
        if (problems.Count > 0)
        {
            return MapResult.Rejected(string.Join("; ", problems.Distinct(StringComparer.Ordinal)));
        }

        var document = new PurchaseOrder
        {
            SourceId = order.SourceId,
            Number = order.Number,
            Supplier = new PartyReference(supplier.Code!, order.Vendor!.Name ?? supplier.Code!),
            OrderDate = order.OrderDate!.Value,
            Currency = order.Currency!.Code!,
            Site = string.IsNullOrWhiteSpace(options.Site) ? null : options.Site,
            Status = order.Status,
            ExpectedDate = order.ExpectedDate,
            BuyerReference = order.BuyerReference,
            Lines = withCharges,
        };
        return MapResult.Mapped(new TargetDocument(DocumentKind, order.Number, Summary(order, document), CanonicalJson.ToElement(document)));
    }

    private async ValueTask<PurchaseOrderLine?> ComposeLineAsync(X3CodeResolver resolver, ProcurifyOrder order, ProcurifyOrderLine line, List<string> problems, CancellationToken cancellationToken)
    {
        var where = $"Line {line.LineNumber} of {order.Label}";
        var before = problems.Count;
        if (line.Quantity is null || line.Price is null)
        {
            problems.Add($"{where} has no quantity or price");
        }

        if (line.Currency is { } lineCurrency && order.Currency is { } orderCurrency && !lineCurrency.SameAs(orderCurrency))
        {
            problems.Add($"{where} is in {lineCurrency.Describe()} but the order is in {orderCurrency.Describe()}: X3 takes one currency per purchase order");
        }

        if (line.Vendor is { } lineVendor && order.Vendor is { } orderVendor && lineVendor.Id != orderVendor.Id)
        {
            problems.Add($"{where} is for vendor {lineVendor.Describe()} but the order is for {orderVendor.Describe()}: X3 takes one supplier per purchase order");
        }

        var item = await resolver.ItemAsync(line, order.Label, cancellationToken);
        var glAccount = await resolver.GlAccountAsync(line.Account?.Code, line.LineNumber, order.Label, cancellationToken);
        var costCentre = await resolver.CostCentreAsync(line.Account, line.LineNumber, order.Label, cancellationToken);
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
            Description = line.Name,
            Quantity = line.Quantity!.Value,
            Unit = string.IsNullOrWhiteSpace(line.Unit) ? options.DefaultUnit : line.Unit,
            UnitPrice = line.Price!.Value,
            TaxAmount = line.TaxAmount,
            GlAccount = glAccount.Code,
            CostCentre = costCentre.Code,
            ExpectedDate = order.ExpectedDate,
        };
    }

    private static void AddProblem(List<string> problems, X3CodeResolver.Resolution resolution)
    {
        if (resolution.Problem is { } problem)
        {
            problems.Add(problem);
        }
    }

    private static string Summary(ProcurifyOrder order, PurchaseOrder document)
    {
        var total = (document.TotalExcludingTax + document.TotalTax).ToString("N2", CultureInfo.InvariantCulture);
        var lineCount = document.Lines.Count == 1 ? "1 line" : $"{document.Lines.Count} lines";
        var cancelled = document.Status == PurchaseOrderStatus.Cancelled ? " (cancelled)" : string.Empty;
        return $"{order.Label} for {document.Supplier.Name}, {lineCount}, {total} {document.Currency}{cancelled}";
    }
}
