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
        var root = report.RootElement;
        Assert.NotEmpty(root.GetProperty("inputs").GetProperty("coverletReports").EnumerateArray());
        Assert.DoesNotContain(root.GetProperty("problems").EnumerateArray(), p => p.GetProperty("kind").GetString() == "coverlet");
        var sites = root.GetProperty("sites").EnumerateArray().ToList();
        Assert.NotEmpty(sites);
        Assert.All(sites, s => Assert.Equal(JsonValueKind.Number, s.GetProperty("hits").ValueKind));
        Assert.DoesNotContain(sites, s => s.GetProperty("status").GetString() == "no-data");
    }

    /// <summary>Every site as "category file:line status", in order.</summary>
    public static IEnumerable<string> Sites(JsonDocument report) =>
        report.RootElement.GetProperty("sites").EnumerateArray()
            .Select(s => $"{s.GetProperty("category").GetString()} {Path.GetFileName(s.GetProperty("file").GetString())}:{s.GetProperty("line").GetInt32()} {s.GetProperty("status").GetString()}")
            .Order();
}
