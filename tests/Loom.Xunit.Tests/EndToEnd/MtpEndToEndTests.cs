using System;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Loom.Xunit.Tests.EndToEnd;

/// <summary>
/// The Microsoft.Testing.Platform fixture, run as its own test executable and through <c>dotnet test</c> in MTP
/// mode (selected by the fixture's global.json), asserting on what they printed.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class MtpEndToEndTests(FixtureBuild fixture)
{
    private const string Racy = "Fixture.Mtp.MtpTests.Racy_increments";

    [Fact]
    public void Test_executable_lists_one_case_per_schedule_and_seed()
    {
        var listed = ListedTests.FromMtp(fixture.MtpExe("--list-tests"));

        Assert.Equal(
            ["Fixture.Mtp.MtpTests.Atomic_increments_pct [seed 0]", "Fixture.Mtp.MtpTests.Atomic_increments_pct [seed 1]",
             "Fixture.Mtp.MtpTests.Atomic_increments_pct [seed 2]", "Fixture.Mtp.MtpTests.Atomic_increments_pct [seed 3]"],
            listed.For("Fixture.Mtp.MtpTests.Atomic_increments_pct"));
        Assert.Contains($"{Racy} [schedule 0]", listed.Names);
        Assert.True(listed.For(Racy).Count >= 3, listed.Result.ToString());
    }

    [Fact]
    public void Dotnet_test_in_mtp_mode_lists_the_same_cases()
    {
        var direct = ListedTests.FromMtp(fixture.MtpExe("--list-tests"));

        var viaDotnetTest = ListedTests.FromMtp(fixture.MtpDotnetTest("--list-tests"));

        Assert.Equal(direct.Names.Order(), viaDotnetTest.Names.Order());
    }

    [Fact]
    public void Filter_trait_runs_one_seed()
    {
        var run = fixture.MtpDotnetTest("--filter-trait", "LoomSeed=2");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(1, Count(run, "total"));
        Assert.Equal(1, Count(run, "succeeded"));
    }

    [Fact]
    public void Failing_schedule_reports_its_trace_and_reruns_alone_by_trait_and_by_uid()
    {
        var all = fixture.MtpExe("--filter-method", Racy);
        Assert.NotEqual(0, all.ExitCode);
        var failures = FailedHeader().Matches(all.Output).Select(m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(failures);
        Assert.True(Count(all, "succeeded") >= 1, all.ToString());
        var schedule = failures[0];
        Assert.Contains($"Interleaving (schedule {schedule};", all.Output);

        var byTrait = fixture.MtpExe("--filter-method", Racy, "--filter-trait", $"LoomSchedule={schedule}");
        Assert.Equal(1, Count(byTrait, "total"));
        Assert.Equal(1, Count(byTrait, "failed"));
        Assert.Contains($"Interleaving (schedule {schedule};", byTrait.Output);

        var uid = UidLine().Match(byTrait.Output);
        Assert.True(uid.Success, byTrait.ToString());
        var byUid = fixture.MtpDotnetTest("--filter-uid", uid.Groups[1].Value);
        Assert.Equal(1, Count(byUid, "total"));
        Assert.Equal(1, Count(byUid, "failed"));
        Assert.Contains($"failed {Racy} [schedule {schedule}]", byUid.Output);
    }

    [Fact]
    public void Passing_theories_are_green()
    {
        var run = fixture.MtpExe("--filter-method", "Fixture.Mtp.MtpTests.Atomic_increments*");

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

    [GeneratedRegex(@"^failed Fixture\.Mtp\.MtpTests\.Racy_increments \[schedule ([^\]]+)\]", RegexOptions.Multiline)]
    private static partial Regex FailedHeader();

    [GeneratedRegex(@"--filter-uid (\S+)")]
    private static partial Regex UidLine();
}
