using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Loom.Adapters.Tests.EndToEnd;

/// <summary>
/// A framework's Microsoft.Testing.Platform fixture, run as its own test executable and through <c>dotnet test</c>
/// in MTP mode (selected by the fixture's global.json), asserting on what they printed.
/// </summary>
public abstract partial class MtpEndToEnd(FixtureSet fixture)
{
    private const string Racy = "Fixture.Mtp.MtpTests.Racy_increments";

    [Fact]
    public void Test_executable_lists_one_case_per_schedule_and_seed()
    {
        var listed = ListedTests.FromMtp(fixture.MtpExe("--list-tests"));

        Assert.Equal(Enumerable.Range(0, 4).Select(s => fixture.CaseName("Atomic_increments_pct", $"seed {s}")), listed.For("Atomic_increments_pct"));
        Assert.Contains(fixture.CaseName("Racy_increments", "schedule 0"), listed.Names);
        Assert.True(listed.For("Racy_increments").Count >= 3, listed.Result.ToString());
    }

    [Fact]
    public void Dotnet_test_in_mtp_mode_lists_the_same_cases()
    {
        var direct = ListedTests.FromMtp(fixture.MtpExe("--list-tests"));

        var viaDotnetTest = ListedTests.FromMtp(fixture.MtpDotnetTest("--list-tests"));

        Assert.Equal(direct.Names.Order(), viaDotnetTest.Names.Order());
    }

    [Fact]
    public void Filter_runs_one_seed()
    {
        var run = fixture.MtpDotnetTest("--filter", fixture.SeedFilter(2));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(1, Count(run, "total"));
        Assert.Equal(1, Count(run, "succeeded"));
    }

    [Fact]
    public void Failing_schedule_reports_its_trace_and_reruns_alone_by_the_printed_filter()
    {
        var all = fixture.MtpExe("--filter", fixture.MethodFilter(Racy));
        Assert.NotEqual(0, all.ExitCode);
        var failures = FailedHeader().Matches(all.Output).Select(m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(failures);
        Assert.True(Count(all, "succeeded") >= 1, all.ToString());
        var schedule = failures.OrderByDescending(f => f.Length).First();
        Assert.Contains($"Interleaving (schedule {schedule};", all.Output);
        var filter = fixture.ScheduleFilter(Racy, schedule);
        Assert.Contains($"--filter \"{filter}\"", all.Output);

        var byExe = fixture.MtpExe("--filter", filter);
        Assert.Equal(1, Count(byExe, "total"));
        Assert.Equal(1, Count(byExe, "failed"));
        Assert.Contains($"Interleaving (schedule {schedule};", byExe.Output);

        var byDotnetTest = fixture.MtpDotnetTest("--filter", filter);
        Assert.Equal(1, Count(byDotnetTest, "total"));
        Assert.Equal(1, Count(byDotnetTest, "failed"));
        // The first run recorded the failure, so the case may now be the regression: compare up to the closing bracket.
        Assert.Contains($"failed {fixture.CaseName("Racy_increments", $"schedule {schedule}")[..^1]}", byDotnetTest.Output);
    }

    [Fact]
    public void Passing_theories_are_green()
    {
        var run = fixture.MtpExe("--filter", "FullyQualifiedName~Fixture.Mtp.MtpTests.Atomic_increments");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(0, Count(run, "failed"));
        Assert.True(Count(run, "succeeded") >= 6, run.ToString());
    }

    private static int Count(ProcessResult run, string what)
    {
        var match = Regex.Match(run.Output, $@"^\s+{what}: (\d+)\s*$", RegexOptions.Multiline);
        Assert.True(match.Success, $"No '{what}:' line in:\n{run}");
        return int.Parse(match.Groups[1].Value);
    }

    [GeneratedRegex(@"^failed Racy_increments[\[( ]+schedule ([^\]),]+)", RegexOptions.Multiline)]
    private static partial Regex FailedHeader();
}

[Collection(NUnitEndToEnd.Name)]
public sealed class NUnitMtpEndToEndTests(NUnitFixtures fixture) : MtpEndToEnd(fixture);

[Collection(MSTestEndToEnd.Name)]
public sealed class MSTestMtpEndToEndTests(MSTestFixtures fixture) : MtpEndToEnd(fixture);
