using Loom.Threading;
using Xunit;

namespace Loom.Tests.Engine;

public class ReplayTests
{
    [Fact]
    public void Replaying_the_default_schedule_runs_one_execution_without_preemptions()
    {
        var result = LoomModel.Explore(Models.ThreeThreadsOnALock, new LoomOptions { Schedule = "0" });

        Assert.True(result.Passed);
        Assert.Equal(1, result.Executions);
        Assert.Equal("0", result.Schedules[0]);
        Assert.Contains("replay of schedule 0", result.Summary);
    }

    [Fact]
    public void A_schedule_naming_a_thread_that_cannot_run_there_is_reported_as_diverged_at_that_step()
    {
        // At step 0 only thread 0 exists.
        var result = LoomModel.Explore(Models.LostUpdate, new LoomOptions { Schedule = "1@0" });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.ScheduleDiverged, failure.Kind);
        Assert.Contains("runs thread 1 at step 0", failure.Message);
        Assert.Contains("no longer fits the code", failure.Message);
    }

    [Fact]
    public void A_schedule_with_decisions_past_the_end_of_the_execution_is_reported_as_diverged()
    {
        var result = LoomModel.Explore(Models.CasIncrements, new LoomOptions { Schedule = "1@500" });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.ScheduleDiverged, failure.Kind);
        Assert.Contains("has a decision (1@500) at step 500", failure.Message);
    }

    [Fact]
    public void A_schedule_recorded_on_other_code_reports_where_the_new_code_diverged()
    {
        var found = LoomModel.Explore(Models.LostUpdate).Failure!;

        // The "changed code": the first thread now does its work without a preemptible step before the write.
        var result = LoomModel.Explore(
            () =>
            {
                var c = new Models.Counter();
                var t1 = new Thread(() => Interlocked.Increment(ref c.Value));
                t1.Start();
                t1.Join();
            },
            new LoomOptions { Schedule = found.ScheduleId });

        Assert.Equal(FailureKind.ScheduleDiverged, result.Failure?.Kind);
        Assert.Contains($"Schedule {found.ScheduleId} no longer fits the code", result.Failure!.Message);
    }
}
