using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Connectors.Stedi.GuideJson;
using Spectre.Console;

namespace MlConnector.Cli.Commands;

/// <summary>
/// `mlc stedi guide import|list|remove`: the guide JSON Schema each partnership's transaction set is named by (Stedi:
/// the guide's page, download as JSON Schema). Stored in the configuration blob container, where the local runtime and
/// the Functions app read it (within a minute).
/// </summary>
public static class StediGuideCommand
{
    private static readonly string[] Sets = ["850", "810"];

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The guide's JSON Schema, downloaded from Stedi" };
        var partnership = new Option<string>("--partnership") { Description = "The Stedi partnership id, e.g. me_acme-parts", Required = true };
        var set = new Option<string>("--set") { Description = "The transaction set the guide is for: 850 or 810", Required = true };
        var import = new Command("import", "Name a partnership's outbound 850 or 810 with its guide's JSON Schema") { file, partnership, set };
        import.SetAction((parse, ct) => CliContext.RunAsync(async () =>
        {
            var path = parse.GetValue(file)!;
            var (partnershipId, setId) = Target(parse.GetValue(partnership)!, parse.GetValue(set)!);
            if (!path.Exists)
            {
                throw new UserErrorException($"{path.FullName} does not exist.");
            }

            var json = await File.ReadAllTextAsync(path.FullName, ct);
            var guide = SchemaGuide.Parse(json, path.Name);
            if (guide.TransactionSetId is { } declared && declared != setId)
            {
                throw new UserErrorException($"{path.Name} is a guide for {declared} (its ST01), not {setId}.");
            }

            await using var services = await CliContext.ServicesAsync(parse, ct);
            await services.GetRequiredService<IGuideSchemaStore>().SaveAsync(partnershipId, setId, json, ct);
            AnsiConsole.MarkupLineInterpolated($"{setId} documents for {partnershipId} are now named by {path.Name}. Run `mlc reprocess` to retry records rejected for this guide.");
            return 0;
        }));

        var list = new Command("list", "Which partnership and set use an imported guide (the others use the X12 release's names)");
        list.SetAction((parse, ct) => CliContext.RunAsync(async () =>
        {
            await using var services = await CliContext.ServicesAsync(parse, ct);
            var guides = await services.GetRequiredService<IGuideSchemaStore>().ListAsync(ct);
            foreach (var (partnershipId, setId) in guides)
            {
                Console.WriteLine($"{partnershipId} {setId}");
            }

            if (guides.Count == 0)
            {
                AnsiConsole.MarkupLine("No guide imported: every partnership uses the names of Stedi__X12Release.");
            }

            return 0;
        }));

        var removePartnership = new Option<string>("--partnership") { Description = "The Stedi partnership id", Required = true };
        var removeSet = new Option<string>("--set") { Description = "850 or 810", Required = true };
        var remove = new Command("remove", "Go back to the X12 release's names for a partnership's set") { removePartnership, removeSet };
        remove.SetAction((parse, ct) => CliContext.RunAsync(async () =>
        {
            var (partnershipId, setId) = Target(parse.GetValue(removePartnership)!, parse.GetValue(removeSet)!);
            await using var services = await CliContext.ServicesAsync(parse, ct);
            var removed = await services.GetRequiredService<IGuideSchemaStore>().RemoveAsync(partnershipId, setId, ct);
            AnsiConsole.MarkupLineInterpolated($"{(removed ? "Removed" : "There was no")} guide for {partnershipId} {setId}.");
            return 0;
        }));

        return new Command("stedi", "Stedi settings kept in storage") { new Command("guide", "Guide JSON Schemas per partnership and transaction set") { import, list, remove } };
    }

    private static (string Partnership, string Set) Target(string partnership, string set)
    {
        if (partnership.Length == 0 || partnership.Length > 81 || !partnership.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            throw new UserErrorException($"'{partnership}' is not a Stedi partnership id (letters, digits, '.', '_' and '-', at most 81).");
        }

        return Sets.Contains(set) ? (partnership, set) : throw new UserErrorException($"--set must be one of {string.Join(", ", Sets)}: those are the documents ml-connector sends.");
    }
}
