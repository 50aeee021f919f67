using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Xunit;

namespace Loom.Coverage.Tests.EndToEnd;

/// <summary>
/// Runs the Microsoft.Testing.Platform fixture (MSTest 4 on the platform's runner, with coverlet.MTP) with
/// <c>--loom-coverage</c> alone and checks the report: Coverlet is turned on for the code under test, its
/// Cobertura report is joined with Loom's record, and every site has the status the VSTest run of the same MSTest
/// tests gives it. Built without coverlet.MTP (and with the rewriter on), the same fixture's report says why it has
/// no line hits and still tells the sites reached outside Loom from the rest, by Loom's own record.
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
        // coverlet.MTP's report of this run: the code under test instrumented, the test assembly not (it is the
        // running controller's own program; docs/coverage.md).
        var cobertura = Assert.Single(Directory.EnumerateFiles(run.MtpResults, "coverage.cobertura.*.xml"));
        var lines = File.ReadAllText(cobertura);
        Assert.Matches("filename=\"[^\"]*Counter\\.cs\"", lines);
        Assert.DoesNotMatch("filename=\"[^\"]*Coverage\\.MSTest\\.Mtp/LoomTests\\.cs\"", lines);
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

    /// <summary>
    /// The merge gate under the platform: the fixture reaches 4 of its 8 atomic sites under Loom (50%), so a gate of
    /// 100% fails the otherwise passing run with the platform's coverage-threshold exit code (14) and says which
    /// category fell short, and a gate of 50% passes. A malformed gate is refused before anything runs.
    /// </summary>
    [Fact]
    public void A_coverage_threshold_fails_the_run_below_its_minimum_and_passes_it_at_the_minimum()
    {
        var application = run.Executable("Coverage.MSTest.Mtp");
        var project = Path.Combine(run.Root, "Coverage.MSTest.Mtp");

        var below = CommandRunner.Run(project, application, "--loom-coverage", "--loom-coverage-threshold", "atomic=100;sync=0", "--results-directory", Path.Combine(run.Root, "mtp-threshold-below"));
        var at = CommandRunner.Run(project, application, "--loom-coverage", "--loom-coverage-threshold", "atomic=50", "--results-directory", Path.Combine(run.Root, "mtp-threshold-at"));
        var malformed = CommandRunner.Run(project, application, "--loom-coverage", "--loom-coverage-threshold", "atomc=50");

        Assert.True(below.ExitCode == 14, below.Output);
        Assert.Contains("loom-coverage: 50.0% of the atomic sites were reached under Loom, below the threshold of 100% (--loom-coverage-threshold).", below.Output);
        Assert.Contains("loom-atomic: 50.0% < 100.0% threshold", below.Output);
        Assert.DoesNotContain("of the sync sites were reached under Loom, below", below.Output);
        Assert.True(at.ExitCode == 0, at.Output);
        Assert.Contains("loom-atomic: 50.0% >= 50.0% threshold", at.Output);
        Assert.True(malformed.ExitCode == 5, malformed.Output);
        Assert.Contains("'atomc=50' is not 'category=percent'", malformed.Output);
    }

    /// <summary>
    /// Built without coverlet.MTP and with the rewriter on (as a package reference turns it on): no line data at all,
    /// as for code compiled into the test project under the platform. Sites reached under Loom are <c>loom</c>, the
    /// calls that ran outside any execution are <c>outside-loom</c> from Loom's own record (the statuses the VSTest
    /// run gives them), and the rest have no data.
    /// </summary>
    [Fact]
    public void Without_coverlet_MTP_the_report_says_so_and_gives_the_sites_reached_outside_Loom_from_Loom_s_own_record()
    {
        var root = Directory.CreateTempSubdirectory("loom-coverage-no-coverlet-").FullName;
        try
        {
            var fixtures = Path.Combine(run.RepositoryRoot, "tests", "fixtures");
            File.Copy(Path.Combine(fixtures, "Directory.Build.props"), Path.Combine(root, "Directory.Build.props"));
            foreach (var name in new[] { "Coverage.Library", "Coverage.MSTest", "Coverage.MSTest.Mtp" })
                FixtureFiles.Copy(Path.Combine(fixtures, name), Path.Combine(root, name));
            var configuration = typeof(MtpCoverageEndToEndTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var repo = "-p:LoomRepoRoot=" + run.RepositoryRoot + Path.DirectorySeparatorChar;
            var library = CommandRunner.Run(Path.Combine(root, "Coverage.Library"), "dotnet", "build", "-c", configuration, "--no-dependencies", repo, "-nologo", "-v:q");
            Assert.True(library.ExitCode == 0, library.Output);
            var project = Path.Combine(root, "Coverage.MSTest.Mtp");
            var build = CommandRunner.Run(project, "dotnet", "build", "-c", configuration, "--no-dependencies", repo, "-p:LoomFixtureCoverlet=false", "-p:LoomFixtureRewrite=true", "-nologo", "-v:n", "-tl:off");
            Assert.True(build.ExitCode == 0, build.Output);
            Assert.Matches(@"Loom\.Rewriting: Coverage\.Library\.dll: \d+ call sites rewritten", build.Output);
            Assert.False(File.Exists(Path.Combine(project, "bin", configuration, "net10.0", "coverlet.MTP.dll")));

            var results = Path.Combine(root, "results");
            var test = CommandRunner.Run(project, Path.Combine(project, "bin", configuration, "net10.0", "Coverage.MSTest.Mtp"), "--loom-coverage", "--results-directory", results);
            Assert.True(test.ExitCode == 0, test.Output);

            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(results, "loom-coverage.json")));
            // Coverlet's part of the VSTest statuses (never-hit, file-never-loaded) is what no-data stands for here.
            var expected = MSTestCoverageEndToEndTests.ExpectedSites.Select(e => e.EndsWith(" never-hit", StringComparison.Ordinal) || e.EndsWith(" file-never-loaded", StringComparison.Ordinal)
                ? e[..e.LastIndexOf(' ')] + " no-data"
                : e);
            Assert.Equal(expected, MSTestCoverageEndToEndTests.Sites(root, json));
            Assert.Contains("Ledger.cs:13 sync outside-loom", expected);
            var coverlet = json.RootElement.GetProperty("problems").EnumerateArray().Where(p => p.GetProperty("kind").GetString() == "coverlet").ToList();
            Assert.Contains("does not reference coverlet.MTP", Assert.Single(coverlet).GetProperty("message").GetString());
            Assert.Empty(Directory.EnumerateFiles(results, "coverage.cobertura.*.xml"));
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("LOOM_KEEP_E2E") is null)
                Directory.Delete(root, recursive: true);
        }
    }
}
