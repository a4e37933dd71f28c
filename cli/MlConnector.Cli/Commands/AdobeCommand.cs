using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Flows.AdobeCommerceX3;
using MlConnector.Runtime.Queues;
using Spectre.Console;

namespace MlConnector.Cli.Commands;

/// <summary>
/// `mlc adobe resend`: reads Adobe Commerce orders back over REST and hands them to adobe-commerce-x3, for orders
/// whose synchronous webhook was answered success without being stored (see docs/adobe-commerce.md).
/// </summary>
public static class AdobeCommand
{
    public static Command Create()
    {
        var orders = new Argument<string[]>("order") { Description = "Order numbers (increment_id, e.g. 000000123)", Arity = ArgumentArity.ZeroOrMore };
        var since = new Option<DateTimeOffset?>("--since") { Description = "Also every order created since this time (UTC)" };
        var resend = new Command("resend", "Send Adobe Commerce orders to adobe-commerce-x3 again, read from Commerce's REST API") { orders, since };
        resend.SetAction((parse, ct) => CliContext.RunAsync(async () =>
        {
            var numbers = parse.GetValue(orders) ?? [];
            var from = parse.GetValue(since);
            if (numbers.Length == 0 && from is null)
            {
                throw new UserErrorException("Name the orders to resend (their increment_id), or give --since <time>.");
            }

            await using var services = await CliContext.ServicesAsync(parse, ct);
            var resender = services.GetService<CommerceOrderResend>()
                           ?? throw new UserErrorException("adobe-commerce-x3 is not configured: it needs the AdobeCommerce and SageX3 settings.");
            var summary = await resender.ResendAsync(numbers, from, ct);
            await services.GetRequiredService<PipelineWorkers>().DrainAsync(ct);
            AnsiConsole.MarkupLineInterpolated(
                $"{summary.Admitted.Count} orders handed to adobe-commerce-x3 ({summary.Enqueued} new versions): {string.Join(", ", summary.Admitted)}; {summary.WithoutPurchaseOrder} left out without a purchase order number.");
            if (summary.NotFound.Count > 0)
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]not in Adobe Commerce:[/] {string.Join(", ", summary.NotFound)}");
            }

            await StatusCommand.PrintAsync(services, AdobeCommerceX3Flows.OrdersToInvoicesName, ct);
            return 0;
        }));
        return new Command("adobe", "Adobe Commerce tools") { resend };
    }
}
