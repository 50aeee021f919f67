using System;
using System.IO;
using Xunit;

namespace Loom.Coverage.Tests.EndToEnd;

/// <summary>
/// Renders the HTML report of the end-to-end run in a real headless browser (Debian's chromium, installed by
/// install-browser.sh) and checks what a person would see.
/// </summary>
[Collection(CoverageRunCollection.Name)]
public class HtmlReportBrowserTests(CoverageRunFixture run)
{
    private static string Browser()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "install-browser.sh");
        var install = CommandRunner.Run(AppContext.BaseDirectory, "bash", script);
        Assert.True(install.ExitCode == 0, $"install-browser.sh failed; the HTML report cannot be checked without a browser:\n{install.Output}");
        return "/usr/bin/chromium";
    }

    private static string[] Headless(string profile, params string[] more) =>
        ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile, .. more];

    [Fact]
    public void The_browser_renders_the_summary_and_highlights_unreached_sites_in_their_source()
    {
        var browser = Browser();
        var profile = Directory.CreateTempSubdirectory("loom-coverage-chromium-").FullName;
        try
        {
            var page = new Uri(run.HtmlReport!).AbsoluteUri;
            var dom = CommandRunner.Run(profile, browser, Headless(profile, "--dump-dom", page));
            Assert.True(dom.ExitCode == 0, dom.Output);

            // The summary table, one row per category with reached/total.
            Assert.Contains("<h1>Loom coverage</h1>", dom.Output);
            Assert.Contains("<a href=\"#cat-time\">time</a></th><td class=\"num\">1/4 (25.0%)</td>", dom.Output);
            Assert.Contains("<a href=\"#cat-atomic\">atomic</a></th><td class=\"num\">6/8 (75.0%)</td>", dom.Output);
            // Unreached sites are highlighted in their source context: Counter.Reset never ran.
            Assert.Contains("<pre>    public void Reset() =&gt; Interlocked.Exchange(ref _value, 0);</pre><div class=\"note\"><span class=\"tag never-hit\">never hit</span>", dom.Output);
            Assert.Matches("<tr class=\"site never-hit\" id=\"L[0-9a-f]{8}-14\"><td class=\"ln\">14</td>", dom.Output);
            // The determinism leak is marked as reached outside Loom's control.
            Assert.Contains("<pre>    public static long Now() =&gt; DateTime.UtcNow.Ticks;</pre><div class=\"note\"><span class=\"tag outside-loom\">reached outside Loom's control</span>", dom.Output);
            // What was skipped, said plainly.
            Assert.Contains("LOOM-RETRY gives no reason", dom.Output);

            var screenshot = Path.Combine(run.Results, "loom-coverage.png");
            var shot = CommandRunner.Run(profile, browser, Headless(profile, "--hide-scrollbars", "--window-size=1280,2400", "--screenshot=" + screenshot, page));
            Assert.True(shot.ExitCode == 0, shot.Output);
            Assert.True(new FileInfo(screenshot).Length > 10_000, "The screenshot is nearly empty: the page did not render.");
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
