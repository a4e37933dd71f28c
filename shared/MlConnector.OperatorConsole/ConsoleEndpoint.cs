using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using MlConnector.OperatorConsole.Data;
using MlConnector.OperatorConsole.Markup;
using MlConnector.OperatorConsole.Pages;
using MlConnector.Pipeline.Access;

namespace MlConnector.OperatorConsole;

/// <summary>
/// The console's one entry point, bound by both hosts to <c>GET|POST /api/console/{*path}</c>: establishes the caller
/// (<see cref="IOperatorAccess"/>), refuses who may not look (401/403), lets only Operators post and only from the
/// console's own pages, then hands the request to its page. Every answer carries headers that keep the page from
/// being framed, cached or fed a foreign script.
/// </summary>
public sealed class ConsoleEndpoint(
    IOperatorAccess access,
    AttentionReader attention,
    FlowsPage flows,
    AttentionPage needsAttention,
    RecordPage record,
    MappingsPage mappings,
    CursorsPage cursors,
    AuditPage audit,
    TimeProvider time,
    ILogger<ConsoleEndpoint> logger)
{
    public async Task<IActionResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var path = ConsolePath(request);
        SecurityHeaders(request.HttpContext.Response);
        if (HttpMethods.IsGet(request.Method) && path.StartsWith("assets/", StringComparison.Ordinal))
        {
            return ConsoleAssets.Serve(path["assets/".Length..]);
        }

        var principal = access.Resolve(request);
        var context = new PageContext(principal, Zone(request), TakeNotice(request), time.GetUtcNow());
        if (!principal.IsAuthenticated || !principal.CanView)
        {
            return Refusal(principal);
        }

        var isPost = HttpMethods.IsPost(request.Method);
        if (isPost && !principal.CanChange)
        {
            return new ConsoleCall(request, context, null, cancellationToken).Page("flows", "Not allowed", Html.Of($"<p class=\"error\">{principal.Name} has the {principal.Role} role, which can look but not change anything. Ask an administrator for the Operator role (docs/operations.md).</p>"), StatusCodes.Status403Forbidden);
        }

        if (isPost && !IsSameOrigin(request))
        {
            return new ContentResult { Content = "Refused: the form did not come from this console.", ContentType = "text/plain; charset=utf-8", StatusCode = StatusCodes.Status403Forbidden };
        }

        var form = isPost && request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : null;
        var call = new ConsoleCall(request, context, form, cancellationToken);
        try
        {
            context.NewReasons = (await attention.GroupsAsync(new AttentionFilter(null, null, null), context.Now, cancellationToken)).Count(g => !g.Acknowledged);
            return (isPost, path) switch
            {
                (false, "") => await flows.ShowAsync(call),
                (true, "flows/sync") => await flows.SyncAsync(call),
                (true, "flows/dry-run") => await flows.DryRunAsync(call),
                (false, "attention") => await needsAttention.ShowAsync(call),
                (false, "attention/group") => await needsAttention.GroupAsync(call),
                (true, "attention/reprocess") => await needsAttention.ReprocessAsync(call),
                (true, "attention/replay") => await needsAttention.ReplayAsync(call),
                (true, "attention/mapping") => await needsAttention.AddMappingAsync(call),
                (true, "attention/acknowledge") => await needsAttention.AcknowledgeAsync(call),
                (false, "records") => await record.SearchAsync(call),
                (false, "record") => await record.ShowAsync(call),
                (false, "record/document") => await record.DocumentAsync(call),
                (false, "mappings") => await mappings.ShowAsync(call),
                (false, "mappings/export") => await mappings.ExportAsync(call),
                (true, "mappings/set") => await mappings.SetAsync(call),
                (true, "mappings/delete") => await mappings.DeleteAsync(call),
                (true, "mappings/import") => await mappings.ImportAsync(call),
                (false, "cursors") => await cursors.ShowAsync(call),
                (false, "cursors/move") => await cursors.ConfirmAsync(call),
                (true, "cursors/move") => await cursors.MoveAsync(call),
                (false, "audit") => await audit.ShowAsync(call),
                _ => call.Page("flows", "Not found", Html.Of($"<p class=\"error\">The console has no page at {ConsoleUrls.To(path)}.</p>"), StatusCodes.Status404NotFound),
            };
        }
        catch (ConsoleInputException ex)
        {
            return call.Page("flows", "Cannot do that", Html.Of($"<p class=\"error\" role=\"alert\">{ex.Message}</p><p><a href=\"javascript:history.back()\">Back</a></p>"), StatusCodes.Status400BadRequest);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Console request {Method} {Path} failed", request.Method, path);
            return call.Page("flows", "Something failed", Html.Of($"<p class=\"error\" role=\"alert\">The request failed: {ex.Message}</p><p>Nothing was lost; try again, or look at the logs.</p>"), StatusCodes.Status500InternalServerError);
        }
    }

    /// <summary>The path below /api/console, without slashes at either end.</summary>
    private static string ConsolePath(HttpRequest request)
    {
        var path = request.Path.Value ?? string.Empty;
        var start = path.IndexOf(ConsoleUrls.Base, StringComparison.OrdinalIgnoreCase);
        return (start >= 0 ? path[(start + ConsoleUrls.Base.Length)..] : path).Trim('/');
    }

    private static IActionResult Refusal(OperatorPrincipal principal)
    {
        var status = principal.IsAuthenticated ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
        var signIn = principal.IsAuthenticated ? Html.Empty : Html.Of($"<p><a href=\"/.auth/login/aad?post_login_redirect_uri={Uri.EscapeDataString(ConsoleUrls.Base + "/")}\">Sign in with Microsoft Entra ID</a></p>");
        var body = Html.Of($"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Not signed in · ml-connector</title>
            <link rel="stylesheet" href="{ConsoleUrls.To("assets/console.css")}"></head>
            <body><main id="main"><h1>{(principal.IsAuthenticated ? "No access" : "Sign in needed")}</h1><p class="error" role="alert">{principal.Refusal}</p>{signIn}</main></body></html>
            """);
        return new ContentResult { Content = body.Value, ContentType = "text/html; charset=utf-8", StatusCode = status };
    }

    /// <summary>Forms post from the console's own pages: a browser says so in Sec-Fetch-Site or Origin.</summary>
    private static bool IsSameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is "same-origin";
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }

        var host = request.Headers["X-Forwarded-Host"].ToString() is { Length: > 0 } forwarded ? forwarded : request.Host.Value;
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, host, StringComparison.OrdinalIgnoreCase);
    }

    private static void SecurityHeaders(HttpResponse response)
    {
        response.Headers["Content-Security-Policy"] = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        response.Headers["Referrer-Policy"] = "same-origin";
        response.Headers.CacheControl = "no-store";
    }

    /// <summary>The operator's zone from the cookie the page script sets; UTC until then.</summary>
    private static TimeZoneInfo Zone(HttpRequest request) =>
        request.Cookies["mlc-tz"] is { Length: > 0 } id && TimeZoneInfo.TryFindSystemTimeZoneById(Uri.UnescapeDataString(id), out var zone) ? zone : TimeZoneInfo.Utc;

    private static string? TakeNotice(HttpRequest request)
    {
        if (request.Cookies[ConsoleCall.NoticeCookie] is not { Length: > 0 } notice)
        {
            return null;
        }

        request.HttpContext.Response.Cookies.Delete(ConsoleCall.NoticeCookie, new CookieOptions { Path = ConsoleUrls.Base });
        return Uri.UnescapeDataString(notice);
    }
}

/// <summary>A form value an operator must correct; shown to them as is.</summary>
public sealed class ConsoleInputException(string message) : Exception(message);

internal static class CultureText
{
    public static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
