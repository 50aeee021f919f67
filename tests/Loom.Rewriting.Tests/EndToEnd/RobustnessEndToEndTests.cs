using System;
using System.Linq;
using Loom.Tests.EndToEnd;
using Xunit;

namespace Loom.Rewriting.Tests.EndToEnd;

/// <summary>
/// The fixture for <see cref="RobustnessEndToEndTests"/>: tests/fixtures/Robustness.Xunit built once, listed and run
/// with the real <c>dotnet test</c>.
/// </summary>
public sealed class RobustnessRuns : IDisposable
{
    private const string Project = "Robustness.Xunit";

    public RobustnessRuns()
    {
        Fixture = new RewritingFixture(Project);
        Fixture.MustBuild(Project);
        Listed = ListedTests.FromVsTest(CommandRunner.Run(Fixture.ProjectDirectory(Project), "dotnet",
            ["test", "--no-build", "-c", Fixture.Configuration, "-p:LoomRepoRoot=" + Fixture.RepositoryRoot + System.IO.Path.DirectorySeparatorChar, "--list-tests"]));
        Run = Fixture.Test(Project);
    }

    public RewritingFixture Fixture { get; }

    public ListedTests Listed { get; }

    public VsTestRun Run { get; }

    public void Dispose() => Fixture.Dispose();
}

/// <summary>
/// Theories that never end by themselves (a spin, a real wait, a livelock, an endless recursion) in an assembly with a
/// healthy theory: discovery and the run finish, each stuck theory fails with what happened, and the healthy one is
/// listed and passes. The runner's own hang guard (CommandRunner) fails the test if either hangs.
/// </summary>
public class RobustnessEndToEndTests : IClassFixture<RobustnessRuns>
{
    private const string Stuck = "Robustness.Xunit.StuckTests.";
    private const string Healthy = "Robustness.Xunit.HealthyTests.Increments_are_counted";

    private readonly RobustnessRuns _runs;

    public RobustnessEndToEndTests(RobustnessRuns runs) => _runs = runs;

    [Fact]
    public void Discovery_lists_every_theory_including_the_healthy_ones_schedules()
    {
        var names = _runs.Listed.Names;

        Assert.True(_runs.Listed.For(Healthy).Count >= 2, _runs.Listed.Result.ToString());
        foreach (var method in new[] { "Spins_without_reaching_loom", "Blocks_in_a_real_read", "Livelocks", "Recurses_forever" })
            Assert.NotEmpty(_runs.Listed.For(Stuck + method));
        // A stalled listing is one case: running it again would leave another thread behind.
        Assert.Equal([Stuck + "Spins_without_reaching_loom"], _runs.Listed.For(Stuck + "Spins_without_reaching_loom"));
        Assert.Equal([Stuck + "Blocks_in_a_real_read"], _runs.Listed.For(Stuck + "Blocks_in_a_real_read"));
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public void The_run_finishes_and_the_healthy_theory_passes()
    {
        var run = _runs.Run;

        Assert.True(run.Total > 0, run.ToString());
        Assert.Equal(run.Total, run.Cases.Count);
        var healthy = run.Cases.Where(c => c.Name.StartsWith(Healthy + " [", StringComparison.Ordinal)).ToList();
        Assert.True(healthy.Count >= 2, run.ToString());
        Assert.All(healthy, c => Assert.Equal("Passed", c.Outcome));
        Assert.All(run.Cases.Where(c => c.Name.StartsWith(Stuck, StringComparison.Ordinal)), c => Assert.Equal("Failed", c.Outcome));
        Assert.Equal(healthy.Count, run.PassedCount);
    }

    [Theory]
    [InlineData("Spins_without_reaching_loom", false, 1)]
    [InlineData("Blocks_in_a_real_read", true, 2)]
    public void A_body_that_never_reaches_loom_at_discovery_is_one_failing_case_with_the_stall_report(string method, bool sleeps, int stallSeconds)
    {
        var failed = _runs.Run.Case(Stuck + method);

        Assert.Equal("Failed", failed.Outcome);
        Assert.Contains("discovery ran the theory to list its schedules, and a thread stalled outside Loom's control", failed.Text);
        // Linux shows a thread asleep in the kernel at once; a spinning one, or any thread elsewhere, gets the whole timeout.
        Assert.Contains(
            sleeps && OperatingSystem.IsLinux()
                ? "thread 0 is blocked in a real wait: its OS thread sleeps in the kernel"
                : $"thread 0 ran for {stallSeconds} s (LoomOptions.StallTimeout) without reaching a Loom scheduling point",
            failed.Text);
        Assert.Contains("abandoned it", failed.Text);
    }

    [Fact]
    public void A_livelock_fails_at_the_step_bound_with_a_bounded_trace_and_the_whole_one_in_a_file()
    {
        var failed = _runs.Run.Failed.First(c => c.Name.StartsWith(Stuck + "Livelocks [", StringComparison.Ordinal));

        Assert.Contains("The execution took more than 5000 scheduling points (LoomOptions.MaxSteps)", failed.Text);
        Assert.Matches(@"\.\.\. 4,840 steps left out \(steps 40 to 4,879\); the whole interleaving is in \S+interleaving-\S+\.txt \.\.\.", failed.Text);
        Assert.DoesNotContain("garbage collection", failed.Text);
        Assert.InRange(failed.Details.Count, 1, 400);
    }

    [Fact]
    public void An_endless_recursion_fails_its_case_and_the_test_process_survives()
    {
        var failed = _runs.Run.Failed.First(c => c.Name.StartsWith(Stuck + "Recurses_forever", StringComparison.Ordinal));

        Assert.Contains("InsufficientExecutionStackException", failed.Text);
        Assert.Contains("Loom stopped thread 0 on entry to StuckTests.Down", failed.Text);
        Assert.DoesNotContain("Stack overflow", _runs.Run.Result.Output);
        // The guard's exception carries every frame of the recursion: hundreds of thousands, printed whole once by
        // Loom and once more by the runner (and echoed), a hundred megabytes. Loom folds them and keeps them from the runner.
        Assert.Matches(@"at Robustness\.Xunit\.StuckTests\.Down\(Int32 depth\)[^\n]*\n\s*\.\.\. the frame above repeats [\d,]+ more times \(Loom folded them\) \.\.\.", failed.Text);
        Assert.InRange(failed.Details.Count, 1, 400);
        Assert.InRange(_runs.Run.Result.Output.Length, 1, 1_000_000);
    }
}
