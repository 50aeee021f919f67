using System.IO;
using System.Linq;
using Xunit;

namespace Loom.Coverage.Tests.EndToEnd;

/// <summary>
/// Runs the Microsoft.Testing.Platform fixture (MSTest 4 on the platform's runner, with coverlet.MTP) with
/// <c>--loom-coverage</c> alone and checks the report: Coverlet is turned on with the test assembly included, its
/// Cobertura report is joined with Loom's record, and every site has the status the VSTest run of the same MSTest
/// tests gives it.
/// </summary>
[Collection(CoverageRunCollection.Name)]
public class MtpCoverageEndToEndTests(CoverageRunFixture run)
{
    [Fact]
    public void The_option_alone_runs_Coverlet_and_prints_the_summary_and_the_reports()
    {
        Assert.True(run.MtpExitCode == 0, run.MtpOutput);
        Assert.Contains("atomic      4/8 (50.0%)           1          1           2        0", run.MtpOutput);
        foreach (var name in new[] { "loom-coverage.json", "loom-coverage.html", "loom-coverage.txt" })
            Assert.Contains(Path.Combine(run.MtpResults, name), run.MtpOutput);
        // coverlet.MTP's report of this run, with the test assembly instrumented (its own tests are in it).
        var cobertura = Assert.Single(Directory.EnumerateFiles(run.MtpResults, "coverage.cobertura.*.xml"));
        Assert.Matches("filename=\"[^\"]*Coverage\\.MSTest\\.Mtp/LoomTests\\.cs\"", File.ReadAllText(cobertura));
        var inputs = run.MtpJson.RootElement.GetProperty("inputs").GetProperty("coverletReports").EnumerateArray().Select(r => r.GetString());
        Assert.Equal([cobertura], inputs);
    }

    [Fact]
    public void Every_site_has_the_status_the_VSTest_run_of_the_same_tests_gives_it()
    {
        Assert.Equal(MSTestCoverageEndToEndTests.ExpectedSites, MSTestCoverageEndToEndTests.Sites(run, run.MtpJson));
        Assert.DoesNotContain(run.MtpJson.RootElement.GetProperty("problems").EnumerateArray(), p => p.GetProperty("kind").GetString() == "coverlet");
        Assert.Equal("Coverage.MSTest.Mtp.LoomTests.Increments_are_not_lost",
            run.MtpJson.RootElement.GetProperty("sites").EnumerateArray().First().GetProperty("firstTest").GetString());
        MSTestCoverageEndToEndTests.AssertGaugeNamedWithSchedule(run.MtpJson);
    }
}
