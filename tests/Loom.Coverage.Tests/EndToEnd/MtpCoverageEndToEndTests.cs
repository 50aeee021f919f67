using System.IO;
using System.Linq;
using Xunit;

namespace Loom.Coverage.Tests.EndToEnd;

/// <summary>
/// Runs the Microsoft.Testing.Platform fixture (MSTest 4 on the platform's runner) with <c>--loom-coverage</c> and
/// checks the report: sites reached under Loom are known from Loom's own record, and since no Coverlet runs on this
/// platform, every other site has no coverage data, which the report says.
/// </summary>
[Collection(CoverageRunCollection.Name)]
public class MtpCoverageEndToEndTests(CoverageRunFixture run)
{
    [Fact]
    public void The_option_produces_the_reports_as_session_artifacts_and_prints_the_summary()
    {
        Assert.True(run.MtpExitCode == 0, run.MtpOutput);
        Assert.Contains("atomic      2/8 (25.0%)           0          0           0        6", run.MtpOutput);
        foreach (var name in new[] { "loom-coverage.json", "loom-coverage.html", "loom-coverage.txt" })
            Assert.Contains(Path.Combine(run.MtpResults, name), run.MtpOutput);
    }

    [Fact]
    public void Sites_reached_under_Loom_are_known_and_the_rest_have_no_data()
    {
        var sites = run.MtpJson.RootElement.GetProperty("sites").EnumerateArray().ToList();
        var reached = sites.Where(s => s.GetProperty("status").GetString() == "loom")
            .Select(s => $"{Path.GetFileName(s.GetProperty("file").GetString())}:{s.GetProperty("line").GetInt32()} {s.GetProperty("firstTest").GetString()}");

        Assert.Equal(["Counter.cs:10 Coverage.MSTest.Mtp.LoomTests.Increments_are_not_lost", "Counter.cs:12 Coverage.MSTest.Mtp.LoomTests.Increments_are_not_lost"], reached);
        Assert.Equal(20, sites.Count(s => s.GetProperty("status").GetString() == "no-data"));
        Assert.Equal(22, sites.Count);
        var coverlet = run.MtpJson.RootElement.GetProperty("problems").EnumerateArray().Where(p => p.GetProperty("kind").GetString() == "coverlet").ToList();
        Assert.Contains("no Coverlet line hits are collected", Assert.Single(coverlet).GetProperty("message").GetString());
    }
}
