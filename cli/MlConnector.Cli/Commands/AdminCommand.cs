using System.CommandLine;
using MlConnector.Pipeline.Secrets;
using MlConnector.Runtime.Admin;

namespace MlConnector.Cli.Commands;

/// <summary>`mlc admin token [--rotate]`: prints the local runtime's admin token (created at first use), for calls from other machines.</summary>
public static class AdminCommand
{
    public static Command Create()
    {
        var rotate = new Option<bool>("--rotate") { Description = "Replace the token with a new one (a running runtime picks it up when restarted)" };
        var token = new Command("token", "Print the admin token the local runtime asks of admin calls from other machines") { rotate };
        token.SetAction((parse, ct) => CliContext.RunAsync(async () =>
        {
            var secrets = SecretStoreFactory.Create(CliConfiguration.Load(parse.GetValue(CliContext.Settings)));
            Console.Out.WriteLine(await AdminAccess.LoadOrCreateTokenAsync(secrets, parse.GetValue(rotate), ct));
            return 0;
        }));
        return new Command("admin", "The local runtime's admin access") { token };
    }
}
