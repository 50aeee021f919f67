using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace Loom.Packaging.Tests;

/// <summary>
/// The checks every consumer's loom-coverage report gets, under either runner: it was written, Coverlet's line hits
/// were joined (the report names a Coverlet report, has no 'coverlet' problem, and every site has Coverlet's count),
/// and its sites read as "category file:line status".
/// </summary>
internal static class CoverageReports
{
    /// <summary>The one loom-coverage.json under <paramref name="results"/> (VSTest writes it in a folder of the run), parsed.</summary>
    public static JsonDocument Read(string results, object run)
    {
        var json = Directory.Exists(results) ? Directory.EnumerateFiles(results, "loom-coverage.json", SearchOption.AllDirectories).SingleOrDefault() : null;
        Assert.True(json is not null, $"No loom-coverage.json under {results}:\n{run}");
        Assert.Single(Directory.EnumerateFiles(results, "loom-coverage.html", SearchOption.AllDirectories));
        return JsonDocument.Parse(File.ReadAllText(json));
    }

    /// <summary>Coverlet ran in the same run and its hits are in the report.</summary>
    public static void AssertCoverletJoined(JsonDocument report)
    {
        var sites = CoverletReportRead(report.RootElement);
        Assert.NotEmpty(sites);
        Assert.All(sites, s => Assert.Equal(JsonValueKind.Number, s.GetProperty("hits").ValueKind));
        Assert.DoesNotContain(sites, s => s.GetProperty("status").GetString() == "no-data");
    }

    /// <summary>
    /// The sites of <paramref name="reference"/> (a run of Consumer.Xunit's counters) have the same statuses in
    /// <paramref name="other"/>, a run of the same source with more test files beside it.
    /// </summary>
    public static void AssertSameStatuses(JsonDocument reference, JsonDocument other)
    {
        var expected = Sites(reference).ToList();
        Assert.NotEmpty(expected);
        var files = expected.Select(FileOf).ToHashSet();
        Assert.Equal(expected, Sites(other).Where(s => files.Contains(FileOf(s))));
    }

    // "category File.cs:line status": File.cs.
    private static string FileOf(string site) => site.Split(' ')[1].Split(':')[0];

    /// <summary>
    /// Under Microsoft.Testing.Platform: Coverlet's hits are joined as under VSTest, except in code compiled into the
    /// test project, which coverlet.MTP does not instrument there (docs/coverage.md): such a site has no count and must
    /// have been reached under Loom; some sites (the code under test's own project) have counts.
    /// </summary>
    public static void AssertCoverletJoinedOnPlatform(JsonDocument report)
    {
        var sites = CoverletReportRead(report.RootElement);
        Assert.Contains(sites, s => s.GetProperty("hits").ValueKind == JsonValueKind.Number);
        Assert.All(sites, s => Assert.True(s.GetProperty("hits").ValueKind == JsonValueKind.Number || s.GetProperty("status").GetString() == "loom", s.ToString()));
    }

    /// <summary>
    /// Under Microsoft.Testing.Platform, for a consumer whose code under test is all compiled into the test project:
    /// coverlet.MTP instruments nothing, so its report holds no line data (and is not among the inputs), the report
    /// says why, and the sites have their Loom status.
    /// </summary>
    public static void AssertNoCoverletCountsForTestProjectCode(JsonDocument report)
    {
        var root = report.RootElement;
        Assert.Empty(root.GetProperty("inputs").GetProperty("coverletReports").EnumerateArray());
        var coverlet = Assert.Single(root.GetProperty("problems").EnumerateArray(), p => p.GetProperty("kind").GetString() == "coverlet");
        Assert.Contains("code compiled into the test project gets no line counts", coverlet.GetProperty("message").GetString());
        Assert.All(root.GetProperty("sites").EnumerateArray(), s => Assert.Equal("loom", s.GetProperty("status").GetString()));
    }

    // A Coverlet report with line data was read and raised no problem: the report's sites.
    private static List<JsonElement> CoverletReportRead(JsonElement root)
    {
        Assert.NotEmpty(root.GetProperty("inputs").GetProperty("coverletReports").EnumerateArray());
        Assert.DoesNotContain(root.GetProperty("problems").EnumerateArray(), p => p.GetProperty("kind").GetString() == "coverlet");
        return root.GetProperty("sites").EnumerateArray().ToList();
    }

    /// <summary>Every site as "category file:line status", in order.</summary>
    public static IEnumerable<string> Sites(JsonDocument report) =>
        report.RootElement.GetProperty("sites").EnumerateArray()
            .Select(s => $"{s.GetProperty("category").GetString()} {Path.GetFileName(s.GetProperty("file").GetString())}:{s.GetProperty("line").GetInt32()} {s.GetProperty("status").GetString()}")
            .Order();
}
