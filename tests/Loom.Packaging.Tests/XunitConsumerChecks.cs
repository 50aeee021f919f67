using System.IO;
using System.Linq;
using Xunit;

namespace Loom.Packaging.Tests;

/// <summary>
/// What docs/xunit.md promises a user of Loom.Xunit, checked on one consumer under one runner
/// (<see cref="XunitConsumerRun"/>): one case per schedule and seed with the documented names, the lost update found
/// with its interleaving and the fixed counter passing, the printed re-run command running one case alone, the
/// traits, the regressions file, and the build of Loom.Xunit for the project's xUnit major version.
/// </summary>
/// <param name="packed">The packages and the consumers' runs.</param>
/// <param name="run">This consumer's runs.</param>
/// <param name="packagedAssembly">The build of Loom.Xunit in the package the consumer must get.</param>
/// <param name="morePassing">The consumer's passing cases besides those of Consumer.Xunit/CounterTests.cs.</param>
public abstract class XunitConsumerChecks(PackagedConsumers packed, XunitConsumerRun run, string packagedAssembly, params string[] morePassing)
{
    /// <summary>Where the package holds the build for xUnit 3.x.</summary>
    protected const string Xunit3Build = "lib/net10.0/Loom.Xunit.dll";

    /// <summary>Where the package holds the build for xUnit 4.x.</summary>
    protected const string Xunit4Build = "xunit4/net10.0/Loom.Xunit.dll";

    private const string Racy = XunitConsumerRun.RacyMethod;
    private const string Atomic = XunitConsumerRun.AtomicMethod;

    /// <summary>This consumer's runs.</summary>
    protected XunitConsumerRun Consumer { get; } = run;

    /// <summary>The packages and every consumer's runs.</summary>
    protected PackagedConsumers Packed => packed;

    [Fact]
    public void Each_schedule_and_seed_is_a_case_the_lost_update_fails_with_its_interleaving_and_the_fixed_counter_passes()
    {
        var full = Consumer.Full;

        Assert.True(full.Result.ExitCode != 0, full.ToString());
        var racy = full.Cases.Where(c => c.Name.StartsWith(Racy + " [schedule ", System.StringComparison.Ordinal)).ToList();
        Assert.Contains(("passed", Racy + " [schedule 0]"), racy);
        var failed = racy.Where(c => c.Outcome == "failed").Select(c => c.Name).ToList();
        Assert.NotEmpty(failed);
        Assert.All(failed, name => Assert.Contains($"Interleaving (schedule {XunitConsumerRun.ScheduleOf(name)}; ", full.Result.Output));
        Assert.Equal([Atomic + " [seed 0]", Atomic + " [seed 1]", Atomic + " [seed 2]"], full.Passed.Where(n => n.StartsWith(Atomic, System.StringComparison.Ordinal)).Order());
        Assert.Contains("Consumer.Xunit.CounterTests.Code_under_test_is_compiled_against_Loom_Threading", full.Passed);
        Assert.All(morePassing, name => Assert.Contains(name, full.Passed));
        Assert.Equal(racy.Count + 4 + morePassing.Length, full.Cases.Count);
        Assert.Equal(failed.Order(), full.Failed.Order());
    }

    [Fact]
    public void A_failure_prints_the_command_that_reruns_its_schedule_and_that_command_runs_that_case_alone()
    {
        var schedule = Consumer.RerunSchedule;
        var printed = Consumer.Runner == "VSTest"
            ? $"dotnet test --filter \"FullyQualifiedName={Racy}&LoomSchedule={schedule}\""
            : $"--filter-method \"{Racy}\" --filter-trait \"LoomSchedule={schedule}\"";

        Assert.Contains(printed, Consumer.Full.Result.Output);
        Assert.Equal([("failed", $"{Racy} [schedule {schedule}]")], Consumer.Schedule.Cases);
    }

    [Fact]
    public void A_seed_case_reruns_alone_by_its_trait()
    {
        Assert.Equal([("passed", Atomic + " [seed 1]")], Consumer.Seed.Cases);
    }

    [Fact]
    public void The_failing_schedules_are_recorded_in_the_regressions_file_and_rediscovered_as_regression_cases()
    {
        var failedSchedules = Consumer.Full.Failed.Select(XunitConsumerRun.ScheduleOf).Order(System.StringComparer.Ordinal).ToList();
        Assert.True(Consumer.RegressionsFile is not null, Consumer.Full.ToString());
        var recorded = Consumer.RegressionsFile.Split('\n')
            .Where(l => l.StartsWith(Racy + " schedule ", System.StringComparison.Ordinal))
            .Select(l => l[(Racy + " schedule ").Length..].Split(" # ")[0].Trim())
            .Order(System.StringComparer.Ordinal);

        Assert.Equal(failedSchedules, recorded);
        Assert.Empty(Consumer.Regressions.Passed);
        Assert.Equal(failedSchedules.Select(s => $"{Racy} [schedule {s}] (regression)").Order(), Consumer.Regressions.Failed.Order());
    }

    [Fact]
    public void The_project_runs_the_build_of_Loom_Xunit_for_its_xUnit_major_version()
    {
        var copied = File.ReadAllBytes(Path.Combine(Consumer.OutputFolder, "Loom.Xunit.dll"));

        Assert.Equal(packed.Package("Loom.Xunit").Read(packagedAssembly), copied);
    }
}
