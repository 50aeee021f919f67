using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Loom.Threading;
using Xunit;

namespace Loom.Tests.Engine;

/// <summary>
/// Executions that never end by themselves: a thread that never reaches Loom, a livelock, a livelock that
/// allocates. Each ends with a clear failure and the exploration returns.
/// </summary>
[Collection(ProcessWideCollection.Name)]
public class StuckExecutionTests
{
    [Fact]
    public void A_test_body_that_spins_without_reaching_loom_is_reported_as_stalled_and_the_exploration_returns()
    {
        var failure = SpinUntilStalled(TimeSpan.FromMilliseconds(300));

        Assert.Equal(FailureKind.Stalled, failure.Kind);
        Assert.Contains("thread 0 ran for 0.3 s", failure.Message);
        Assert.Contains("abandoned it", failure.Message);
    }

    [Fact]
    public void A_test_body_blocked_in_a_real_wait_is_reported_as_stalled_and_the_exploration_returns()
    {
        using var never = new System.Threading.ManualResetEventSlim();
        var result = LoomModel.Explore(() => never.Wait(), new LoomOptions { StallTimeout = TimeSpan.FromMilliseconds(300) });
        never.Set();

        Assert.Equal(FailureKind.Stalled, result.Failure?.Kind);
    }

    [Fact]
    public void On_linux_a_test_body_asleep_in_a_real_wait_is_reported_as_blocked_long_before_the_stall_timeout()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "The kernel's thread states are read from /proc on Linux only.");
        // The wait gives up long before StallTimeout: without the probe the body returns and the execution passes.
        using var never = new System.Threading.ManualResetEventSlim();
        var result = LoomModel.Explore(() => never.Wait(TimeSpan.FromSeconds(5)), new LoomOptions { StallTimeout = TimeSpan.FromSeconds(60) });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.Stalled, failure.Kind);
        Assert.Contains("thread 0 is blocked in a real wait: its OS thread sleeps in the kernel", failure.Message);
    }

    [Fact]
    public void A_test_body_that_spins_is_given_the_whole_stall_timeout_even_where_thread_states_are_read()
    {
        // Long enough for the real-wait probe to poll the spinning thread several times.
        var failure = SpinUntilStalled(TimeSpan.FromMilliseconds(1500));

        Assert.Equal(FailureKind.Stalled, failure.Kind);
        Assert.Contains("thread 0 ran for 1.5 s", failure.Message);
        Assert.DoesNotContain("real wait:", failure.Message);
    }

    [Fact]
    public void A_livelock_that_allocates_meets_the_step_bound_whatever_the_collector_does()
    {
        const int steps = 20_000;
        var result = LoomModel.Explore(
            () =>
            {
                // A reference Loom knows only by address (the mirror's Interlocked from code that was not rewritten),
                // and about 2 KB of garbage per step: tens of collections before the bound.
                var counter = new Models.Counter();
                var garbage = new List<byte[]>();
                while (true)
                {
                    garbage.Add(new byte[2048]);
                    Interlocked.Increment(ref counter.Value);
                }
            },
            new LoomOptions { MaxSteps = steps });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.StepBoundExceeded, failure.Kind);
        Assert.Equal(steps, result.LongestExecution);
    }

    [Fact]
    public void A_long_interleaving_shows_its_first_and_last_steps_and_writes_the_whole_one_to_a_file()
    {
        var result = LoomModel.Explore(
            () =>
            {
                var counter = new Models.Counter();
                while (true)
                    Interlocked.Increment(ref counter.Value);
            },
            new LoomOptions { MaxSteps = 5_000 });

        var report = result.Failure!.Report;
        var shown = Regex.Matches(report, @"^\s+(\d+)  thread 0  Interlocked\.Increment", RegexOptions.Multiline)
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Enumerable.Range(0, 40).Concat(Enumerable.Range(4_880, 120)), shown);
        var elided = Regex.Match(report, @"\.\.\. 4,840 steps left out \(steps 40 to 4,879\); the whole interleaving is in (\S+) \.\.\.");
        Assert.True(elided.Success, report);
        var whole = File.ReadAllLines(elided.Groups[1].Value);
        Assert.Equal(5_000, whole.Count(l => l.Contains("  thread 0  Interlocked.Increment", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_exploration_with_a_time_limit_stops_starting_executions_once_it_is_spent()
    {
        // Each execution sleeps for real, so the limit is spent after two of the space's executions whatever the machine.
        var result = LoomModel.Explore(
            () =>
            {
                System.Threading.Thread.Sleep(40);
                Models.CasIncrements();
            },
            new LoomOptions { MaxDuration = TimeSpan.FromMilliseconds(60) });

        Assert.False(result.Exhausted);
        Assert.InRange(result.Executions, 1, 2);
        Assert.True(result.Passed);
    }

    /// <summary>Explores a body that spins without reaching Loom and returns the failure it must end with.</summary>
    private static LoomFailure SpinUntilStalled(TimeSpan stallTimeout)
    {
        // The spin ends once the test has its result, so the abandoned OS thread does not burn a core for the rest of the run.
        var release = new System.Threading.ManualResetEventSlim();
        var result = LoomModel.Explore(
            () =>
            {
                while (!release.IsSet)
                {
                }
            },
            new LoomOptions { StallTimeout = stallTimeout });
        release.Set();
        return Assert.IsType<LoomFailure>(result.Failure);
    }
}
