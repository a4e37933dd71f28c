using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Connectors.SageX3;
using MlConnector.Connectors.SageX3.Auth;
using Spectre.Console;

namespace MlConnector.Cli.Commands;

/// <summary>
/// `mlc x3 pair`: walks an administrator through the one-time X3 Cloud gateway pairing. It prints the URL an X3
/// user opens to approve ml-connector, then exchanges the authorization code from the callback and stores the
/// refresh token in the secret store (Key Vault in Azure). Run it again whenever a "re-pair needed" alert fires.
/// </summary>
public static class X3PairCommand
{
    public static Command Create()
    {
        var redirect = new Option<Uri>("--redirect-uri") { Description = "The callback URL registered for the app with the X3 Cloud gateway", Required = true };
        var code = new Option<string?>("--code") { Description = "The authorizationCode posted to the callback; asked for when omitted" };
        var pair = new Command("pair", "Pair ml-connector with X3 Cloud (OAuth2 authorization code) and store the refresh token") { redirect, code };
        pair.SetAction((parse, ct) => CliContext.RunAsync(async () =>
        {
            var configuration = CliConfiguration.Load(parse.GetValue(CliContext.Settings));
            if (!string.Equals(configuration["SageX3:Mode"], nameof(SageX3Mode.Cloud), StringComparison.OrdinalIgnoreCase))
            {
                throw new UserErrorException("Pairing is for X3 Cloud: set SageX3__Mode=Cloud, SageX3__CloudGatewayUrl and SageX3__ClientId first.");
            }

            await using var services = await CliHost.BuildAsync(configuration, ct);
            var pairing = services.GetRequiredService<SageX3CloudPairing>();
            var state = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var url = pairing.BuildAuthorisationUrl(new Uri(configuration["SageX3:ServerUrl"]!), parse.GetValue(redirect)!, state);
            AnsiConsole.MarkupLine("1. An X3 user opens this URL, approves ml-connector and picks its folders:");
            AnsiConsole.WriteLine(url.ToString());
            AnsiConsole.MarkupLineInterpolated($"2. The gateway posts an authorizationCode to the callback with state [bold]{state}[/]; check the state matches.");
            var authorizationCode = parse.GetValue(code);
            if (string.IsNullOrWhiteSpace(authorizationCode))
            {
                if (Console.IsInputRedirected)
                {
                    throw new UserErrorException("No --code given and no terminal to ask for it: run `mlc x3 pair --redirect-uri <uri> --code <authorizationCode>`.");
                }

                authorizationCode = AnsiConsole.Prompt(new TextPrompt<string>("3. Paste the authorizationCode:").Secret());
            }

            var expires = await pairing.CompleteAsync(authorizationCode, ct);
            AnsiConsole.MarkupLineInterpolated($"Paired. The refresh token is in the secret store as {SageX3SecretNames.CloudRefreshToken}; the first access token expires at {expires:u}.");
            return 0;
        }));
        return new Command("x3", "Sage X3 connection tasks") { pair };
    }
}
