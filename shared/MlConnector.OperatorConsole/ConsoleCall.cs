using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using MlConnector.OperatorConsole.Markup;

namespace MlConnector.OperatorConsole;

/// <summary>One console request: the HTTP request, the page context (caller, zone, notice) and the answers a page gives.</summary>
public sealed class ConsoleCall(HttpRequest request, PageContext context, IFormCollection? form, CancellationToken cancellationToken)
{
    public const string NoticeCookie = "mlc-notice";

    public HttpRequest Request { get; } = request;

    public PageContext Context { get; } = context;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public IFormCollection? Form { get; } = form;

    /// <summary>A query or form value, trimmed; null when absent or blank.</summary>
    public string? Value(string name)
    {
        var value = Form is not null && Form.TryGetValue(name, out var posted) ? posted.ToString() : Request.Query[name].ToString();
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public int PageNumber => int.TryParse(Value("page"), out var page) && page > 0 ? page : 1;

    public IActionResult Page(string section, string title, Html body, int status = StatusCodes.Status200OK) =>
        new ContentResult { Content = PageLayout.Render(Context, section, title, body), ContentType = "text/html; charset=utf-8", StatusCode = status };

    /// <summary>Post/redirect/get: the next page shows <paramref name="notice"/> once.</summary>
    public IActionResult Redirect(string url, string notice)
    {
        Request.HttpContext.Response.Cookies.Append(NoticeCookie, Uri.EscapeDataString(notice), new CookieOptions { Path = ConsoleUrls.Base, HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = Request.IsHttps });
        return new RedirectResult(url, permanent: false);
    }

    public static IActionResult Download(string fileName, string contentType, string content) =>
        new FileContentResult(Encoding.UTF8.GetBytes(content), contentType) { FileDownloadName = fileName };
}
