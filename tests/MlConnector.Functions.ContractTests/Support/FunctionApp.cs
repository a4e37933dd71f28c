using System.Reflection;

namespace MlConnector.Functions.ContractTests.Support;

/// <summary>Where the build put functions/MlConnector.Functions (this project builds it first and records the folder).</summary>
public static class FunctionApp
{
    public static string Directory
    {
        get
        {
            var folder = typeof(FunctionApp).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(attribute => attribute.Key == "FunctionAppDirectory").Value!;
            return File.Exists(Path.Combine(folder, "worker.config.json"))
                ? folder
                : throw new InvalidOperationException($"The built Functions app is not in {folder}: build functions/MlConnector.Functions first.");
        }
    }
}
