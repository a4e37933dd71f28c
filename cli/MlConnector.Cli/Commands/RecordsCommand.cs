using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Pipeline.Flows;
using MlConnector.Pipeline.Records;
using Spectre.Console;

namespace MlConnector.Cli.Commands;

/// <summary>`mlc records migrate`: moves record rows stored by an earlier version into one partition per record.</summary>
public static class RecordsCommand
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Move record rows of an earlier version's partition layout into one partition per record (stop the app first; safe to run again)");
        migrate.SetAction((parse, ct) => CliContext.RunAsync(async () =>
        {
            await using var services = await CliContext.ServicesAsync(parse, ct);
            var migration = services.GetRequiredService<RecordPartitionMigration>();
            var moved = await migration.MigrateAsync(ct);
            await migration.EnsureCurrentAsync(services.GetRequiredService<FlowCatalog>().All.Select(flow => flow.Name), move: false, ct);
            AnsiConsole.MarkupLineInterpolated($"Moved {moved:N0} record and history rows; every record now has a partition of its own.");
            return 0;
        }));
        return new Command("records", "Maintain the records table") { migrate };
    }
}
