using System.CommandLine;
using MlConnector.Cli;
using MlConnector.Cli.Commands;
using MlConnector.Cli.Demo;

var root = new RootCommand("mlc: ml-connector, keeping Sage X3 in sync with Procurify, JAGGAER, SPS Commerce, Stedi and Adobe Commerce")
{
    CliContext.Settings,
    RunCommand.Create(),
    SyncCommand.Create(),
    CursorCommand.Create(),
    RecordsCommand.Create(),
    StatusCommand.Create(),
    RejectsCommand.Create(),
    HistoryCommand.Create(),
    ReplayCommands.Replay(),
    ReplayCommands.Reprocess(),
    MappingsCommand.Create(),
    AdminCommand.Create(),
    PingCommand.Create(),
    StediGuideCommand.Create(),
    X3PairCommand.Create(),
    AdobeCommand.Create(),
    DemoCommand.Create(),
    MlConnector.Cli.Bench.BenchCommand.Create(),
};
// A stop signal cancels the command; `mlc run` then needs its stop grace (30 s by default) before the process may end.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromMinutes(2) });
