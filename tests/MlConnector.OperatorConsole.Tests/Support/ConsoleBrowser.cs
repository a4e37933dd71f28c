using System.Text;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using MlConnector.Runtime.Azurite;

namespace MlConnector.OperatorConsole.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (its own browser download is blocked on build machines, so the system
/// executable is used), headless, in a fresh profile per test. Saves a screenshot of each page it is asked to into
/// .data/test-results/console/ and checks pages with axe-core.
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowserContext _context;
    private readonly string _profile;

    private ConsoleBrowser(IPlaywright playwright, IBrowserContext context, string profile, IPage page)
    {
        _playwright = playwright;
        _context = context;
        _profile = profile;
        Page = page;
    }

    public IPage Page { get; }

    public static string ScreenshotFolder => Path.Combine(AzuriteProcess.FindRepositoryRoot() ?? Directory.GetCurrentDirectory(), ".data", "test-results", "console");

    /// <param name="principal">Who the Azure built-in authentication says is calling (null: nobody signed in, or the loopback console).</param>
    public static async Task<ConsoleBrowser> OpenAsync(Uri baseAddress, TestPrincipal? principal = null, int width = 1280, int height = 900)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: scripts/test.sh installs Debian's chromium package (apt-get install chromium).");
        }

        var playwright = await Playwright.CreateAsync();
        var profile = Directory.CreateTempSubdirectory("mlc-chromium-").FullName;
        var headers = principal is null ? new Dictionary<string, string>() : principal.Headers();
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = Arguments,
            BaseURL = baseAddress.ToString(),
            ExtraHTTPHeaders = headers,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            TimezoneId = "Europe/Paris",
            Locale = "en-GB",
        });
        var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        return new ConsoleBrowser(playwright, context, profile, page);
    }

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>Fails on any serious or critical accessibility violation axe-core finds on the current page.</summary>
    public async Task AssertAccessibleAsync()
    {
        var result = await Page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{Page.Url}: " + string.Join("\n", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")));
    }

    public async ValueTask DisposeAsync()
    {
        await _context.CloseAsync();
        _playwright.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be letting go of its profile; the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>A signed-in Entra ID user as the Functions built-in authentication hands it to the app.</summary>
public sealed record TestPrincipal(string Name, params string[] Roles)
{
    public Dictionary<string, string> Headers()
    {
        var claims = new List<object> { new { typ = "preferred_username", val = Name }, new { typ = "name", val = Name } };
        claims.AddRange(Roles.Select(role => new { typ = "roles", val = role }));
        var json = JsonSerializer.Serialize(new { auth_typ = "aad", claims, name_typ = "name", role_typ = "roles" });
        return new Dictionary<string, string>
        {
            ["X-MS-CLIENT-PRINCIPAL"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(json)),
            ["X-MS-CLIENT-PRINCIPAL-NAME"] = Name,
        };
    }
}
