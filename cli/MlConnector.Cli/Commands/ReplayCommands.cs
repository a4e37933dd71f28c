using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Pipeline.Flows;
using MlConnector.Pipeline.Replay;
using MlConnector.Pipeline.Stages;
using MlConnector.Pipeline.Storage;
using MlConnector.Runtime.Queues;
using Spectre.Console;

namespace MlConnector.Cli.Commands;

/// <summary>`mlc replay` (poison messages back onto their queue) and `mlc reprocess` (rejected records mapped again).</summary>
public static class ReplayCommands
{
    public static Command Replay()
    {
        var flow = new Option<string?>("--flow") { Description = "Only this flow's messages" };
        var record = new Option<string?>("--record") { Description = "Only this record (source key)" };
        var queue = new Option<PipelineQueue?>("--queue") { Description = "Only the map or the write poison queue" };
        var wait = new Option<bool>("--wait") { Description = "Process the replayed messages now and show the outcome" };
        var command = new Command("replay", "Requeue poison messages once the cause is fixed") { flow, record, queue, wait };
        command.SetAction((parse, ct) => CliContext.RunAsync(async () =>
        {
            await using var services = await CliContext.ServicesAsync(parse, ct);
            var name = parse.GetValue(flow);
            if (name is not null)
            {
                services.GetRequiredService<FlowCatalog>().Get(name);
            }

            var result = await services.GetRequiredService<PoisonReplayer>().ReplayAsync(new ReplayFilter(name, parse.GetValue(record), parse.GetValue(queue)), ct);
            AnsiConsole.MarkupLineInterpolated($"Requeued {result.FromMapPoison} map and {result.FromWritePoison} write messages.");
            if (parse.GetValue(wait))
            {
                await services.GetRequiredService<PipelineWorkers>().DrainAsync(ct);
                await StatusCommand.PrintAsync(services, name, ct);
            }

            return 0;
        }));
        return command;
    }

    public static Command Reprocess()
    {
        var flow = new Option<string?>("--flow") { Description = "Only this flow's rejects" };
        var record = new Option<string?>("--record") { Description = "Only this record (needs --flow)" };
        var wait = new Option<bool>("--wait") { Description = "Process them now and show the outcome" };
        var command = new Command("reprocess", "Map rejected records again (after adding the missing mapping)") { flow, record, wait };
        command.SetAction((parse, ct) => CliContext.RunAsync(async () =>
        {
            await using var services = await CliContext.ServicesAsync(parse, ct);
            var name = parse.GetValue(flow);
            var key = parse.GetValue(record);
            if (key is not null && name is null)
            {
                throw new UserErrorException("--record needs --flow: a record key is unique within its flow.");
            }

            var catalog = services.GetRequiredService<FlowCatalog>();
            var recovery = services.GetRequiredService<RecordRecovery>();
            var count = 0;
            foreach (var flowName in name is null ? catalog.All.Select(f => f.Name) : [catalog.Get(name).Name])
            {
                count += await recovery.RetryRejectedAsync(flowName, key, ct);
            }

            AnsiConsole.MarkupLineInterpolated($"Requeued {count} rejected records.");
            if (parse.GetValue(wait))
            {
                await services.GetRequiredService<PipelineWorkers>().DrainAsync(ct);
                await StatusCommand.PrintAsync(services, name, ct);
            }

            return 0;
        }));
        return command;
    }
}
