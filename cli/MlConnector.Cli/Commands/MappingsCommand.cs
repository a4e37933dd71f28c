using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Pipeline.Mapping;
using Spectre.Console;

namespace MlConnector.Cli.Commands;

/// <summary>`mlc mappings import|export`: the customer's lookup tables as CSV (table,source,target).</summary>
public static class MappingsCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV with the header table,source,target" };
        var import = new Command("import", "Add or replace mapping entries from a CSV file") { file };
        import.SetAction((parse, ct) => CliContext.RunAsync(async () =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new UserErrorException($"{path.FullName} does not exist.");
            }

            var entries = MappingCsv.Read(await File.ReadAllTextAsync(path.FullName, ct));
            var invalid = entries
                .Where(e => e.Table == Connectors.Stedi.StediNames.TransactionSettingTable)
                .Select(e => Connectors.Stedi.StediOptions.TransactionSettingIdProblem(e.Target) is { } problem ? $"{e.Source}: {problem}" : null)
                .OfType<string>().ToList();
            if (invalid.Count > 0)
            {
                throw new UserErrorException($"Nothing imported: {Connectors.Stedi.StediNames.TransactionSettingTable} rows must hold the Transaction Setting ID Stedi shows on the partnership (e.g. 01HGH4N7D8VGCXGVD97JTNKK1N): {string.Join("; ", invalid)}");
            }

            await using var services = await CliContext.ServicesAsync(parse, ct);
            var tables = services.GetRequiredService<TableMappingTables>();
            foreach (var entry in entries)
            {
                await tables.SetAsync(entry.Table, entry.Source, entry.Target, ct);
            }

            AnsiConsole.MarkupLineInterpolated($"Imported {entries.Count} entries into {entries.Select(e => e.Table).Distinct().Count()} tables. Run `mlc reprocess` to retry records rejected for a missing mapping.");
            return 0;
        }));

        var table = new Option<string?>("--table") { Description = "Only this table, e.g. vendor-supplier" };
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of the console" };
        var export = new Command("export", "Write the mapping tables as CSV") { table, output };
        export.SetAction((parse, ct) => CliContext.RunAsync(async () =>
        {
            await using var services = await CliContext.ServicesAsync(parse, ct);
            var csv = MappingCsv.Write(await services.GetRequiredService<TableMappingTables>().ListAsync(parse.GetValue(table), ct));
            if (parse.GetValue(output) is { } target)
            {
                await File.WriteAllTextAsync(target.FullName, csv, ct);
            }
            else
            {
                Console.Write(csv);
            }

            return 0;
        }));
        return new Command("mappings", "Import or export mapping tables (CSV)") { import, export };
    }
}
