using System.Net;
using MlConnector.Functions.ContractTests.Host;
using MlConnector.Functions.ContractTests.Support;
using MlConnector.Runtime.Azurite;

namespace MlConnector.Functions.ContractTests;

/// <summary>The worker starts with the settings we ship: the sample exactly as it is, and what the Bicep deploys.</summary>
public sealed class StartupSettingsTests
{
    [Fact]
    public async Task The_worker_starts_and_loads_every_function_with_local_settings_sample_exactly_as_shipped()
    {
        await using var host = await FunctionsTestHost.StartWorkerAsync(FunctionApp.Directory, AppSettingSets.LocalSample());

        await host.StartFunctionsAsync();

        Assert.Equal(ExpectedFunctions.All.Select(f => f.Name).Order(), host.Functions.Keys.Order());
        Assert.False(host.Worker.HasExited, host.Worker.Output);
    }

    [Fact]
    public void The_bicep_leaves_only_the_known_deployment_only_settings_to_the_deployment()
    {
        // A new setting whose value only Azure knows must be given a local equivalent below before this passes.
        Assert.Equal(AppSettingSets.DeploymentOnly.Order(), AppSettingSets.Bicep().DeploymentOnlyNames.Order());
    }

    [Fact]
    public async Task The_worker_starts_with_the_app_settings_the_bicep_deploys_and_answers_admin_status()
    {
        await using var azurite = await AzuriteProcess.StartAsync(dataDirectory: null);
        var secrets = Directory.CreateTempSubdirectory("mlc-contract-bicep-");
        try
        {
            var settings = new Dictionary<string, string>(AppSettingSets.BicepOnThisMachine(azurite.ConnectionString, secrets.FullName)) { [EasyAuthFrontEnd.EnabledSetting.Key] = EasyAuthFrontEnd.EnabledSetting.Value };
            await using var host = await FunctionsTestHost.StartWorkerAsync(FunctionApp.Directory, settings);
            await host.StartFunctionsAsync();
            await host.StartFrontDoorAsync();
            using var http = new HttpClient { BaseAddress = host.FrontDoor };

            // Storage is created in the background at start (StorageProvisioner); until it exists a status read fails.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            HttpResponseMessage status;
            while (true)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "api/admin/status");
                request.Headers.Add(EasyAuthFrontEnd.PrincipalHeader, EasyAuthFrontEnd.SignedIn("reader@contoso.example", "Reader"));
                status = await http.SendAsync(request);
                if (status.StatusCode != HttpStatusCode.InternalServerError || DateTime.UtcNow > deadline)
                {
                    break;
                }

                status.Dispose();
                await Task.Delay(TimeSpan.FromSeconds(1));
            }

            using var answered = status;
            Assert.True(status.StatusCode == HttpStatusCode.OK, $"admin/status answered {status.StatusCode}: {await status.Content.ReadAsStringAsync()}\n{host.Channel.LogText()}");
            Assert.Equal(ExpectedFunctions.All.Count, host.LoadResponses.Count);
        }
        finally
        {
            secrets.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_pipeline_name_prefix_is_refused_at_start_with_a_clear_message()
    {
        var settings = new Dictionary<string, string>(AppSettingSets.LocalSample()) { ["Pipeline__NamePrefix"] = "demo" };

        var refused = await Assert.ThrowsAsync<WorkerStartException>(() => FunctionsTestHost.StartWorkerAsync(FunctionApp.Directory, settings));

        Assert.Contains("Pipeline__NamePrefix must be empty in the Functions app", refused.Output, StringComparison.Ordinal);
    }
}
