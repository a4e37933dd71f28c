using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace MlConnector.IntegrationTests.Cli;

/// <summary>
/// mlc installed as a .NET tool, and `mlc run` as a systemd unit (Type=notify): started by a parent process named
/// systemd with NOTIFY_SOCKET set, as systemd starts a service, it reports READY=1 once it listens, serves, and on
/// SIGTERM reports STOPPING=1 and exits 0. (Windows services cannot be exercised on this machine; docs/on-premises.md.)
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MlcToolTests(AzuriteFixture azurite, InstalledTool tool) : IClassFixture<InstalledTool>
{
    [Fact]
    public async Task The_installed_tool_runs_and_lists_its_commands()
    {
        var help = await InstalledTool.RunAsync(tool.Mlc, ["--help"]);

        Assert.Contains("run", help, StringComparison.Ordinal);
        Assert.Contains("status", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mlc_run_under_systemd_notifies_ready_serves_admin_status_and_stops_cleanly_on_sigterm()
    {
        var settings = Path.Combine(tool.Scratch, "local.settings.json");
        await File.WriteAllTextAsync(settings, JsonSerializer.Serialize(new
        {
            IsEncrypted = false,
            Values = new Dictionary<string, string>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Pipeline__NamePrefix"] = "svc" + Guid.NewGuid().ToString("N")[..8],
                ["SecretStore__LocalPath"] = Path.Combine(tool.Scratch, "secrets"),
            },
        }));
        var notifySocket = Path.Combine(tool.Scratch, "notify.sock");
        using var notifications = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        notifications.Bind(new UnixDomainSocketEndPoint(notifySocket));
        var url = $"http://127.0.0.1:{FreePort()}";

        // systemd's stand-in: a shell copied under the name "systemd", so mlc's parent process is called systemd.
        var systemd = Path.Combine(tool.Scratch, "systemd");
        File.Copy("/bin/sh", systemd, overwrite: true);
        var start = new ProcessStartInfo(systemd) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-c", "\"$0\" run --settings \"$1\" --url \"$2\"; exit $?", tool.Mlc, settings, url })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NOTIFY_SOCKET"] = notifySocket;
        start.Environment["DOTNET_ROOT"] = InstalledTool.DotnetRoot;
        using var unit = Process.Start(start)!;
        var output = unit.StandardOutput.ReadToEndAsync();
        var errors = unit.StandardError.ReadToEndAsync();
        try
        {
            Assert.Equal("READY=1", await ReceiveAsync(notifications, TimeSpan.FromSeconds(90)));
            using var http = new HttpClient();
            using var status = await http.GetAsync(new Uri(url + "/api/admin/status"));
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);

            await InstalledTool.RunAsync("kill", ["-TERM", MainPidOf(unit).ToString(System.Globalization.CultureInfo.InvariantCulture)]);

            Assert.Equal("STOPPING=1", await ReceiveAsync(notifications, TimeSpan.FromSeconds(60)));
            using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await unit.WaitForExitAsync(exited.Token);
            Assert.True(unit.ExitCode == 0, $"mlc exited with {unit.ExitCode}:\n{await output}\n{await errors}");
        }
        finally
        {
            if (!unit.HasExited)
            {
                unit.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task<string> ReceiveAsync(Socket socket, TimeSpan timeout)
    {
        var buffer = new byte[512];
        using var cancel = new CancellationTokenSource(timeout);
        var received = await socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token);
        return Encoding.UTF8.GetString(buffer, 0, received).Trim();
    }

    /// <summary>The service's main process: the shell's child (systemd would signal it directly).</summary>
    private static int MainPidOf(Process unit) =>
        int.Parse(File.ReadAllText($"/proc/{unit.Id}/task/{unit.Id}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries).Single(), System.Globalization.CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
