using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using Loom.Coverage.Catalog;

namespace Loom.Coverage.Reports;

/// <summary>
/// Writes the report as one self-contained HTML page for a person: the summary per category, the sites not
/// reached under Loom grouped by category, then each file with its sites shown in their source context (a few
/// lines around each, unreached ones highlighted), the excluded sites and what was skipped.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>Lines of source shown above and below each site.</summary>
    private const int ContextLines = 2;

    /// <summary>Writes the page to a file.</summary>
    /// <param name="report">The report.</param>
    /// <param name="path">The file to create or replace.</param>
    public static void Write(CoverageReport report, string path) => File.WriteAllText(path, Render(report), Encoding.UTF8);

    /// <summary>Renders the page.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The HTML text.</returns>
    public static string Render(CoverageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var root = CommonFolder(report.Results.Select(r => r.Site.File).Concat(report.Catalog.Excluded.Select(e => e.Site.File)).ToList());
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Loom coverage</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>Loom coverage</h1>\n");
        var files = report.Results.Select(r => r.Site.File).Distinct().Count();
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"lead\">{report.Results.Count} sites in {files} files of {report.Inputs.ScannedAssemblies.Count} assemblies ({report.Catalog.Excluded.Count} excluded). ");
        html.Append(report.Inputs.CoverletReports.Count == 0
            ? "<strong>No Coverlet line hits were available</strong>, so only sites reached under Loom are known. "
            : string.Create(CultureInfo.InvariantCulture, $"Line hits from {report.Inputs.CoverletReports.Count} Coverlet report(s); "));
        html.Append(CultureInfo.InvariantCulture, $"Loom's record from {report.Inputs.LoomRecordFiles} test process(es).</p>\n");
        if (root.Length > 0)
            html.Append("<p class=\"root\">Paths are relative to <code>").Append(Encode(root)).Append("</code></p>\n");

        WriteSummary(html, report);
        WriteLegend(html);
        WriteProblems(html, report, root);
        WriteUnreached(html, report, root);
        WriteFiles(html, report, root);
        WriteExcluded(html, report, root);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void WriteSummary(StringBuilder html, CoverageReport report)
    {
        html.Append("<h2 id=\"summary\">Summary</h2>\n<table class=\"summary\">\n<thead><tr><th>category</th><th>reached under Loom</th><th></th>");
        foreach (var status in StatusesBelowLoom)
            html.Append("<th>").Append(SiteStatusNames.Describe(status)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in report.Summary)
        {
            var name = SiteCategoryNames.Name(row.Category);
            // A category without sites has no share to show: a full green bar would read as "all covered".
            if (row.Total == 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr class=\"empty\"><th><a href=\"#cat-{name}\">{name}</a></th><td class=\"num none\">no sites</td><td></td>");
                html.Append(string.Concat(Enumerable.Repeat("<td></td>", StatusesBelowLoom.Length))).Append("</tr>\n");
                continue;
            }
            html.Append(CultureInfo.InvariantCulture, $"<tr><th><a href=\"#cat-{name}\">{name}</a></th><td class=\"num\">{row.ReachedUnderLoom}/{row.Total} ({row.Percent:0.0}%)</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td><div class=\"bar\"><div class=\"fill\" style=\"width:{row.Percent.ToString("0.0", CultureInfo.InvariantCulture)}%\"></div></div></td>");
            foreach (var count in new[] { row.ReachedOutsideLoom, row.NeverHit, row.FileNeverLoaded, row.NoData })
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"num{(count > 0 ? " warn" : "")}\">{count}</td>");
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static void WriteLegend(StringBuilder html)
    {
        html.Append("<p class=\"legend\">");
        foreach (var status in Enum.GetValues<SiteStatus>())
            html.Append("<span class=\"tag ").Append(SiteStatusNames.Name(status)).Append("\">").Append(SiteStatusNames.Describe(status)).Append("</span> ");
        html.Append("</p>\n");
        // Said on the page, not only on hover: the two counts differ on every line, and neither is the status.
        html.Append("<p class=\"note counts\"><strong>line runs (Coverlet)</strong>: ").Append(CoverletHitsMeaning)
            .Append(" <strong>scheduling points (Loom)</strong>: ").Append(LoomHitsMeaning)
            .Append(" The two measure different things; whether a site ran outside Loom's control is its status, not their difference.</p>\n");
    }

    private static void WriteProblems(StringBuilder html, CoverageReport report, string root)
    {
        if (report.Problems.Count == 0)
            return;
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"problems\">Skipped or unreadable ({report.Problems.Count})</h2>\n<ul class=\"problems\">\n");
        foreach (var problem in report.Problems)
        {
            html.Append("<li><span class=\"kind\">").Append(Encode(problem.Kind)).Append("</span> ");
            if (problem.File is not null)
                html.Append("<code>").Append(Encode(Relative(problem.File, root))).Append(problem.Line > 0 ? ":" + problem.Line.ToString(CultureInfo.InvariantCulture) : "").Append("</code> ");
            html.Append(Encode(problem.Message)).Append("</li>\n");
        }
        html.Append("</ul>\n");
    }

    private static void WriteUnreached(StringBuilder html, CoverageReport report, string root)
    {
        html.Append("<h2 id=\"categories\">By category</h2>\n");
        foreach (var category in SiteCategoryNames.All)
        {
            var name = SiteCategoryNames.Name(category);
            var results = report.Results.Where(r => r.Site.Category == category).ToList();
            var unreached = results.Where(r => r.Status != SiteStatus.ReachedUnderLoom).ToList();
            if (results.Count == 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<h3 id=\"cat-{name}\">{name}: no sites</h3>\n<p class=\"none\">No sites of this category.</p>\n");
                continue;
            }
            html.Append(CultureInfo.InvariantCulture, $"<h3 id=\"cat-{name}\">{name}: {results.Count - unreached.Count}/{results.Count} reached under Loom</h3>\n");
            if (unreached.Count == 0)
            {
                html.Append("<p class=\"none\">Every site was reached under Loom.</p>\n");
                continue;
            }
            html.Append("<table class=\"sites\">\n<thead><tr><th>site</th><th>member</th><th>what</th><th>status</th><th title=\"").Append(CoverletHitsMeaning).Append("\">line runs (Coverlet)</th></tr></thead>\n<tbody>\n");
            foreach (var result in unreached)
                WriteSiteRow(html, result, root);
            html.Append("</tbody>\n</table>\n");
        }
    }

    private static void WriteSiteRow(StringBuilder html, SiteResult result, string root)
    {
        var site = result.Site;
        var status = SiteStatusNames.Name(result.Status);
        html.Append("<tr class=\"").Append(status).Append("\"><td><a href=\"#").Append(Anchor(site.File, site.Line)).Append("\"><code>")
            .Append(Encode(Relative(site.File, root))).Append(':').Append(site.Line.ToString(CultureInfo.InvariantCulture)).Append("</code></a></td>");
        html.Append("<td>").Append(Encode(site.Member)).Append("</td><td>").Append(Encode(string.Join(", ", site.Apis))).Append("</td>");
        html.Append("<td><span class=\"tag ").Append(status).Append("\">").Append(SiteStatusNames.Describe(result.Status)).Append("</span></td>");
        html.Append("<td class=\"num\">").Append(result.Hits?.ToString(CultureInfo.InvariantCulture) ?? "-").Append("</td></tr>\n");
    }

    private static void WriteFiles(StringBuilder html, CoverageReport report, string root)
    {
        html.Append("<h2 id=\"files\">By file</h2>\n");
        foreach (var group in report.Results.GroupBy(r => r.Site.File).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var results = group.ToList();
            var reached = results.Count(r => r.Status == SiteStatus.ReachedUnderLoom);
            html.Append("<section class=\"file\">\n<h3><code>").Append(Encode(Relative(group.Key, root))).Append("</code> ");
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"count\">{reached}/{results.Count} reached under Loom</span></h3>\n");
            string[] lines;
            try
            {
                lines = File.ReadAllLines(group.Key);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                html.Append("<p class=\"none\">The source could not be read here (").Append(Encode(e.Message)).Append(").</p>\n</section>\n");
                continue;
            }
            WriteSource(html, group.Key, lines, results);
            html.Append("</section>\n");
        }
    }

    private static void WriteSource(StringBuilder html, string file, string[] lines, List<SiteResult> results)
    {
        var byLine = results.GroupBy(r => r.Site.Line).ToDictionary(g => g.Key, g => g.ToList());
        var shown = new SortedSet<int>();
        foreach (var line in byLine.Keys)
        {
            for (var i = Math.Max(1, line - ContextLines); i <= Math.Min(lines.Length, line + ContextLines); i++)
                shown.Add(i);
        }
        html.Append("<table class=\"source\">\n");
        var previous = 0;
        foreach (var number in shown)
        {
            if (previous != 0 && number > previous + 1)
                html.Append("<tr class=\"gap\"><td class=\"ln\">&#8942;</td><td></td></tr>\n");
            previous = number;
            var text = Encode(lines[number - 1]);
            if (!byLine.TryGetValue(number, out var here))
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"ln\">{number}</td><td><pre>{text}</pre></td></tr>\n");
                continue;
            }
            var worst = here.OrderByDescending(r => Severity(r.Status)).First();
            var status = SiteStatusNames.Name(worst.Status);
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"site {status}\" id=\"{Anchor(file, number)}\"><td class=\"ln\">{number}</td><td><pre>{text}</pre>");
            foreach (var result in here)
            {
                html.Append("<div class=\"note\"><span class=\"tag ").Append(SiteStatusNames.Name(result.Status)).Append("\">")
                    .Append(SiteStatusNames.Describe(result.Status)).Append("</span> <b>").Append(SiteCategoryNames.Name(result.Site.Category)).Append("</b> ")
                    .Append(Encode(string.Join(", ", result.Site.Apis)));
                if (result.Site.Reason is { } reason)
                    html.Append(" &mdash; ").Append(Encode(reason));
                html.Append(" <span class=\"hits\" title=\"").Append(CoverletHitsMeaning).Append("\">line runs (Coverlet): ")
                    .Append(result.Hits?.ToString(CultureInfo.InvariantCulture) ?? "no data").Append("</span>");
                if (result.LoomHits > 0)
                    html.Append(CultureInfo.InvariantCulture, $", <span class=\"hits\" title=\"{LoomHitsMeaning}\">scheduling points (Loom): {result.LoomHits}</span>");
                if (result.FirstTest is not null || result.FirstSchedule is not null)
                    html.Append(" <span class=\"first\">first: ").Append(Encode(FirstReached(result))).Append("</span>");
                html.Append("</div>");
            }
            html.Append("</td></tr>\n");
        }
        html.Append("</table>\n");
    }

    private static void WriteExcluded(StringBuilder html, CoverageReport report, string root)
    {
        if (report.Catalog.Excluded.Count == 0)
            return;
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"excluded\">Excluded ({report.Catalog.Excluded.Count})</h2>\n<table class=\"sites\">\n<thead><tr><th>site</th><th>category</th><th>what</th><th>why</th></tr></thead>\n<tbody>\n");
        foreach (var excluded in report.Catalog.Excluded)
        {
            var site = excluded.Site;
            html.Append("<tr><td><code>").Append(Encode(Relative(site.File, root))).Append(':').Append(site.Line.ToString(CultureInfo.InvariantCulture)).Append("</code></td>");
            html.Append("<td>").Append(SiteCategoryNames.Name(site.Category)).Append("</td><td>").Append(Encode(string.Join(", ", site.Apis))).Append("</td>");
            html.Append("<td>").Append(Encode(excluded.Reason)).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private const string CoverletHitsMeaning = "How many times Coverlet saw the line run in the test processes, every run counted: each execution of each schedule, the exploration that lists the schedules included, and any run outside Loom.";

    private const string LoomHitsMeaning = "How many scheduling points (controlled operations) on this line Loom ran, summed over the recorded executions of every exploration; listing the schedules at discovery is not recorded.";

    /// <summary>The first test and schedule, the schedule once: a test case's name often ends with it already.</summary>
    private static string FirstReached(SiteResult result)
    {
        var test = result.FirstTest ?? "";
        if (result.FirstSchedule is not { } schedule || test.Contains("schedule " + schedule, StringComparison.Ordinal))
            return test;
        return test.Length == 0 ? $"[schedule {schedule}]" : $"{test} [schedule {schedule}]";
    }

    private static readonly SiteStatus[] StatusesBelowLoom = [SiteStatus.ReachedOutsideLoom, SiteStatus.NeverHit, SiteStatus.FileNeverLoaded, SiteStatus.NoData];

    private static int Severity(SiteStatus status) => status switch
    {
        SiteStatus.ReachedUnderLoom => 0,
        SiteStatus.NoData => 1,
        SiteStatus.ReachedOutsideLoom => 2,
        SiteStatus.FileNeverLoaded => 3,
        _ => 4,
    };

    /// <summary>A stable anchor for a site's source line: the same report always renders the same page.</summary>
    private static string Anchor(string file, int line) => $"L{StableHash(file):x8}-{line}";

    // FNV-1a: string.GetHashCode is randomized per process, which would make every rendering of a report differ.
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
            hash = (hash ^ c) * 16777619u;
        return hash;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Relative(string file, string root) => root.Length > 0 && file.StartsWith(root, StringComparison.Ordinal) ? file[root.Length..] : file;

    /// <summary>The folder every file is in (with its trailing separator), so the page shows short paths.</summary>
    private static string CommonFolder(IReadOnlyList<string> files)
    {
        if (files.Count == 0)
            return "";
        var prefix = Path.GetDirectoryName(files[0]) ?? "";
        foreach (var file in files)
        {
            while (prefix.Length > 0 && !file.StartsWith(prefix + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                prefix = Path.GetDirectoryName(prefix) ?? "";
        }
        return prefix.Length == 0 ? "" : prefix + Path.DirectorySeparatorChar;
    }

    private const string Style = """
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1d2329; margin: 2rem auto; max-width: 76rem; padding: 0 1.5rem; }
        h1 { margin-bottom: .2rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .25rem; } h3 { margin: 1.4rem 0 .5rem; }
        code, pre { font: 13px/1.4 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
        .lead { color: #444; } .root { color: #666; font-size: 13px; }
        table { border-collapse: collapse; }
        table.summary th, table.summary td, table.sites th, table.sites td { padding: .3rem .7rem; border-bottom: 1px solid #e5e8eb; text-align: left; }
        table.summary thead th, table.sites thead th { font-size: 12px; text-transform: uppercase; letter-spacing: .03em; color: #57606a; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; } td.warn { color: #b35c00; font-weight: 600; }
        .bar { width: 10rem; height: .6rem; background: #eceff1; border-radius: .3rem; overflow: hidden; } .fill { height: 100%; background: #2e7d32; }
        .tag { display: inline-block; border-radius: .25rem; padding: 0 .4rem; font-size: 12px; font-weight: 600; white-space: nowrap; }
        .tag.loom { background: #e3f4e6; color: #1b5e20; } .tag.outside-loom { background: #fff1dc; color: #9a4d00; }
        .tag.never-hit { background: #fde4e6; color: #b71c1c; } .tag.file-never-loaded { background: #f1e4f5; color: #6a1b9a; } .tag.no-data { background: #eceff1; color: #455a64; }
        ul.problems { background: #fffbea; border: 1px solid #f0d98c; border-radius: .4rem; padding: .6rem 1rem .6rem 2rem; }
        ul.problems .kind { font-weight: 600; color: #8a6d00; }
        section.file { margin-bottom: 1.2rem; } .count { font-weight: normal; color: #57606a; font-size: 14px; }
        table.source { width: 100%; border: 1px solid #d0d7de; border-radius: .4rem; }
        table.source td { padding: 0 .6rem; vertical-align: top; } table.source pre { margin: 0; white-space: pre-wrap; }
        td.ln { width: 3.5rem; text-align: right; color: #8c959f; font: 12px/1.6 ui-monospace, "DejaVu Sans Mono", monospace; user-select: none; border-right: 1px solid #e5e8eb; }
        tr.gap td { color: #8c959f; background: #f6f8fa; }
        tr.site.loom { background: #f0faf2; } tr.site.outside-loom { background: #fff6e8; } tr.site.never-hit { background: #fdecee; }
        tr.site.file-never-loaded { background: #f7edf9; } tr.site.no-data { background: #f3f5f6; }
        tr.site td:first-child { box-shadow: inset 4px 0 0 #2e7d32; } tr.site.outside-loom td:first-child { box-shadow: inset 4px 0 0 #e08a00; }
        tr.site.never-hit td:first-child { box-shadow: inset 4px 0 0 #d32f2f; } tr.site.file-never-loaded td:first-child { box-shadow: inset 4px 0 0 #8e24aa; }
        tr.site.no-data td:first-child { box-shadow: inset 4px 0 0 #90a4ae; }
        .note { font-size: 12.5px; margin: .1rem 0 .35rem; color: #333; } .hits, .first { color: #57606a; }
        .none { color: #57606a; font-style: italic; } tr.empty th, tr.empty a { color: #8c959f; }

        """;
}
