using Loom.Simulation;
using Loom.Threading.Tasks;
using Xunit;
using CancellationToken = System.Threading.CancellationToken;

namespace Loom.Tests.Simulation;

/// <summary>
/// A lease keeper renews its lease with a round trip that takes as long as its timeout. When the renewal and the
/// timeout fall due at the same virtual instant, their order decides the outcome: the buggy keeper gives the
/// lease up on timeout even though the renewal went through. Only some schedules show it.
/// </summary>
public class LeaseRenewalTests
{
    private sealed class LeaseKeeper(TimeProvider clock, bool reconcile)
    {
        public bool Held { get; private set; } = true;

        public bool Renewed { get; private set; }

        // The round trip completes the renewal on the timer's own step, like an I/O completion would.
        private Task<bool> Renew() =>
            Task.Delay(TimeSpan.FromMilliseconds(100), clock).ContinueWith(
                _ =>
                {
                    Renewed = true;
                    return true;
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);

        public async Task RenewOnce()
        {
            var renewal = Renew();
            var timeout = Task.Delay(TimeSpan.FromMilliseconds(100), clock);
            if (await Task.WhenAny(renewal, timeout) == timeout)
                Held = false;
            var renewed = await renewal;
            if (reconcile)
                Held = renewed;
        }
    }

    private static Func<Task> Model(bool reconcile) => async () =>
    {
        var keeper = new LeaseKeeper(Sim.Clock, reconcile);
        await LoomTask.Run(keeper.RenewOnce);
        if (keeper.Renewed && !keeper.Held)
            throw new InvalidOperationException("The lease was given up although its renewal succeeded.");
    };

    [Fact]
    public void The_timeout_racing_the_renewal_is_found_by_pct_and_replays_by_seed()
    {
        var found = LoomModel.Explore(Model(reconcile: false), new LoomOptions { Strategy = LoomStrategy.Pct, Iterations = 200 });

        var failure = Assert.IsType<LoomFailure>(found.Failure);
        Assert.Contains("given up although its renewal succeeded", failure.Exception?.Message);
        var seed = Assert.IsType<long>(failure.Seed);

        var again = LoomModel.Explore(Model(reconcile: false), new LoomOptions { Strategy = LoomStrategy.Pct, Seed = seed, Iterations = 1 });
        Assert.Equal(failure.ScheduleId, again.Failure?.ScheduleId);
        Assert.Equal(failure.Trace.Select(s => (s.ThreadId, s.Operation, s.Time)), again.Failure!.Trace.Select(s => (s.ThreadId, s.Operation, s.Time)));
    }

    [Fact]
    public void The_race_is_also_found_exhaustively_but_not_on_the_default_schedule()
    {
        var result = LoomModel.Explore(Model(reconcile: false));
        var defaultSchedule = LoomModel.Explore(Model(reconcile: false), new LoomOptions { Schedule = "0" });

        Assert.True(defaultSchedule.Passed, defaultSchedule.Failure?.Report);
        Assert.Equal(FailureKind.Exception, result.Failure?.Kind);
        Assert.Contains("given up although its renewal succeeded", result.Failure!.Exception?.Message);
    }

    [Fact]
    public void The_keeper_that_reconciles_with_the_renewal_keeps_its_lease_on_every_schedule_and_seed()
    {
        var exhaustive = LoomModel.Explore(Model(reconcile: true), new LoomOptions { PreemptionBound = null });
        var pct = LoomModel.Explore(Model(reconcile: true), new LoomOptions { Strategy = LoomStrategy.Pct, Iterations = 200 });

        Assert.True(exhaustive.Passed, exhaustive.Failure?.Report);
        Assert.True(exhaustive.Exhausted);
        Assert.True(pct.Passed, pct.Failure?.Report);
    }
}
