using Loom.Cases;
using Loom.Interception;
using Loom.Simulation;
using Loom.Threading.Tasks;
using Xunit;

namespace Loom.Tests.Simulation;

/// <summary>
/// Timers that fall due at the same virtual time, armed from different threads and tasks: every schedule an
/// exhaustive exploration lists must replay as its own case, on the same path and to the same verdict.
/// </summary>
public class TimersDueTogetherReplayTests
{
    /// <summary>A delay inside a task and a TimeProvider delay in a WhenAny, both due at one second.</summary>
    private static async Task DelayInTaskRacesDelayInWhenAny()
    {
        var worker = LoomTask.Run(async () => await LoomTask.Delay(TimeSpan.FromSeconds(1)));
        var timeout = Task.Delay(TimeSpan.FromSeconds(1), Sim.Clock);
        await Task.WhenAny(worker, timeout);
        await worker;
    }

    /// <summary>The same as rewritten code runs it: through the stand-ins, and the verdict depends on which won.</summary>
    private static async Task RewrittenDelayRace()
    {
        var worker = TaskCalls.Run(async () => await TaskCalls.Delay(TimeSpan.FromSeconds(1), "Race.cs", 1), "Race.cs", 2);
        var timeout = TaskCalls.Delay(TimeSpan.FromSeconds(1), TimeProvider.System, "Race.cs", 3);
        var won = await Task.WhenAny(worker, timeout);
        if (won != worker)
            throw new TimeoutException("the worker lost");
    }

    /// <summary>Three delays due at one second, armed by two tasks and the test body.</summary>
    private static async Task ThreeDelaysFromThreeThreads()
    {
        var first = LoomTask.Run(async () => await LoomTask.Delay(TimeSpan.FromSeconds(1)));
        var second = LoomTask.Run(async () => await Task.Delay(TimeSpan.FromSeconds(1), Sim.Clock));
        var third = LoomTask.Delay(TimeSpan.FromSeconds(1));
        var won = await Task.WhenAny(first, second, third);
        await Task.WhenAll(first, second, third);
        if (won == third)
            throw new InvalidOperationException("the body's own delay won");
    }

    [Fact]
    public void A_delay_in_a_task_and_a_delay_in_a_when_any_due_together_replay_every_listed_schedule() =>
        EveryListedScheduleReplays(DelayInTaskRacesDelayInWhenAny);

    [Fact]
    public void Rewritten_delays_due_together_replay_every_listed_schedule_to_its_verdict() =>
        EveryListedScheduleReplays(RewrittenDelayRace);

    [Fact]
    public void Three_timers_due_together_from_different_threads_replay_every_listed_schedule() =>
        EveryListedScheduleReplays(ThreeDelaysFromThreeThreads);

    private static void EveryListedScheduleReplays(Func<Task> body)
    {
        var explored = LoomModel.Explore(body, new LoomOptions { StopAtFirstFailure = false, PreemptionBound = null });
        Assert.True(explored.Exhausted);
        Assert.True(explored.Schedules.Count > 1, $"only {explored.Schedules.Count} schedule explored");
        Assert.DoesNotContain(explored.Failures, f => f.Kind == FailureKind.ScheduleDiverged);
        var failing = explored.Failures.Select(f => f.ScheduleId).ToHashSet();

        foreach (var schedule in explored.Schedules)
        {
            var replay = LoomModel.Explore(body, new LoomOptions { Schedule = schedule });
            Assert.True(replay.Failure?.Kind != FailureKind.ScheduleDiverged, replay.Failure?.Report);
            Assert.Equal(failing.Contains(schedule), !replay.Passed);
            Assert.Equal(1, replay.Executions);
        }

        // Discovery lists the same schedules through the adapters' lister, and each runs as its own case.
        var settings = new LoomTheorySettings { PreemptionBound = LoomTheorySettings.UnboundedPreemptions };
        var listing = ScheduleLister.List(CaseBody.From(body), settings);
        Assert.True(listing.Complete, listing.Note);
        if (failing.Count == 0)
            Assert.Equal(explored.Schedules.Distinct(), listing.Schedules);
        else
            Assert.Subset(listing.Schedules.ToHashSet(), explored.Schedules.ToHashSet());
        foreach (var schedule in listing.Schedules)
        {
            var replay = CaseBody.From(body).Explore(settings.BaseOptions() with { Schedule = schedule });
            Assert.True(replay.Failure?.Kind != FailureKind.ScheduleDiverged, replay.Failure?.Report);
            if (explored.Schedules.Contains(schedule))
                Assert.Equal(failing.Contains(schedule), !replay.Passed);
        }
    }
}
