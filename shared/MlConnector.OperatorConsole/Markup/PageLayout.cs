namespace MlConnector.OperatorConsole.Markup;

/// <summary>
/// The frame around every page: skip link, navigation with the Needs attention badge, who is signed in and in which
/// time zone times are shown, then the page. Plain HTML and one stylesheet: readable on a laptop and on a phone.
/// </summary>
public static class PageLayout
{
    public static readonly (string Key, string Label, string Path)[] Sections =
    [
        ("flows", "Flows", "/"),
        ("attention", "Needs attention", "attention"),
        ("records", "Records", "records"),
        ("mappings", "Mappings", "mappings"),
        ("cursors", "Cursors", "cursors"),
        ("audit", "Audit", "audit"),
    ];

    public static string Render(PageContext context, string section, string title, Html body)
    {
        var nav = Html.Join(Sections.Select(s =>
        {
            var current = s.Key == section ? Html.Raw(" aria-current=\"page\"") : Html.Empty;
            var badge = s.Key == "attention" && context.NewReasons > 0
                ? Html.Of($" <span class=\"badge\" data-testid=\"new-reasons\">{context.NewReasons} new</span>")
                : Html.Empty;
            return Html.Of($"<li><a href=\"{ConsoleUrls.To(s.Path)}\"{current}>{s.Label}{badge}</a></li>");
        }));
        var notice = context.Notice is { Length: > 0 } text
            ? Html.Of($"<p class=\"notice\" role=\"status\">{text}</p>")
            : Html.Empty;
        var role = context.Principal.Role.ToString();
        var page = Html.Of($"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} · ml-connector</title>
            <link rel="stylesheet" href="{ConsoleUrls.To("assets/console.css")}">
            <script src="{ConsoleUrls.To("assets/console.js")}" defer></script>
            </head>
            <body>
            <a class="skip" href="#main">Skip to the page</a>
            <header class="top">
            <a class="brand" href="{ConsoleUrls.To("/")}">ml-connector</a>
            <nav aria-label="Sections"><ul>{nav}</ul></nav>
            <p class="who">{context.Principal.Name} · <span data-testid="role">{role}</span> · times in <span data-zone>{context.ZoneName}</span></p>
            </header>
            <main id="main">
            <h1>{title}</h1>
            {notice}
            {body}
            </main>
            </body>
            </html>
            """);
        return page.Value;
    }

    /// <summary>A page of a long list: previous / next links that keep the other query values.</summary>
    public static Html Pager(string path, int page, bool hasNext, params (string Name, string? Value)[] query)
    {
        if (page <= 1 && !hasNext)
        {
            return Html.Empty;
        }

        Html Link(int target, string label, string rel) =>
            Html.Of($"<a rel=\"{rel}\" href=\"{ConsoleUrls.To(path, [.. query, ("page", target.ToString(System.Globalization.CultureInfo.InvariantCulture))])}\">{label}</a>");
        var previous = page > 1 ? Link(page - 1, "← Previous", "prev") : Html.Empty;
        var next = hasNext ? Link(page + 1, "Next →", "next") : Html.Empty;
        return Html.Of($"<nav class=\"pager\" aria-label=\"Pages\">{previous}<span>Page {page}</span>{next}</nav>");
    }

    /// <summary>A form that posts one action; only drawn for callers who may change things.</summary>
    public static Html ActionForm(PageContext context, string path, string label, IEnumerable<(string Name, string Value)> fields, string? confirm = null, string style = "button")
    {
        if (!context.CanChange)
        {
            return Html.Empty;
        }

        var hidden = Html.Join(fields.Select(f => Html.Of($"<input type=\"hidden\" name=\"{f.Name}\" value=\"{f.Value}\">")));
        var confirmAttribute = confirm is null ? Html.Empty : Html.Of($" data-confirm=\"{confirm}\"");
        return Html.Of($"<form method=\"post\" action=\"{ConsoleUrls.To(path)}\" class=\"inline\"{confirmAttribute}>{hidden}<button type=\"submit\" class=\"{style}\">{label}</button></form>");
    }
}
