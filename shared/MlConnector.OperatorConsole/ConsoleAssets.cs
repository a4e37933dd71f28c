using Microsoft.AspNetCore.Mvc;

namespace MlConnector.OperatorConsole;

/// <summary>The stylesheet and script, embedded in this assembly (no front-end build, nothing to deploy beside the app).</summary>
internal static class ConsoleAssets
{
    public static IActionResult Serve(string name)
    {
        var contentType = Path.GetExtension(name) switch
        {
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            _ => null,
        };
        using var stream = contentType is null ? null : typeof(ConsoleAssets).Assembly.GetManifestResourceStream("console-assets/" + name);
        if (stream is null)
        {
            return new NotFoundResult();
        }

        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return new FileContentResult(memory.ToArray(), contentType!);
    }
}
