using Loom.Cases;
using Loom.Threading;
using Loom.Threading.Tasks;
using Xunit;

namespace Loom.Tests.Engine;

/// <summary>Discovery lists an async theory's schedules with its test failures swallowed; each must fit its case.</summary>
public class AsyncListingTests
{
    private static async Task LostUpdateAcrossAwaits()
    {
        var total = 0;
        async Task Add()
        {
            var seen = total;
            await Task.Yield();
            total = seen + 1;
        }
        await Task.WhenAll(LoomTask.Run(Add), LoomTask.Run(Add));
        Assert.Equal(2, total);
    }

    [Fact]
    public void An_async_theory_that_fails_in_some_schedules_lists_schedules_that_each_replay_as_their_case()
    {
        var settings = new LoomTheorySettings();
        var listing = ScheduleLister.List(CaseBody.From(LostUpdateAcrossAwaits), settings);

        Assert.True(listing.Complete, listing.Note);
        var verdicts = listing.Schedules
            .Select(s => CaseBody.From(LostUpdateAcrossAwaits).Explore(settings.BaseOptions() with { Schedule = s }))
            .ToList();
        Assert.DoesNotContain(verdicts, r => r.Failure?.Kind == FailureKind.ScheduleDiverged);
        Assert.Contains(verdicts, r => r.Passed);
        Assert.Contains(verdicts, r => r.Failure?.Kind == FailureKind.Exception);
    }

    [Fact]
    public void A_task_returning_body_that_throws_before_returning_its_task_is_listed_as_one_schedule()
    {
        static Task Throws()
        {
            LoomModel.WaitFor(LoomTask.Run(() => { }));
            throw new InvalidOperationException("before any task");
        }

        var listing = ScheduleLister.List(CaseBody.From(Throws), new LoomTheorySettings());

        Assert.True(listing.Complete, listing.Note);
        Assert.Equal(["0"], listing.Schedules);
    }

    /// <summary>Deadlocks in the default schedule (the body publishes the flag first); passes when the task runs first.</summary>
    private static async Task DeadlocksByDefault()
    {
        var gate = new SemaphoreSlim(0);
        var flag = 0;
        var task = LoomTask.Run(() =>
        {
            if (Volatile.Read(ref flag) == 0)
                gate.Release();
        });
        Volatile.Write(ref flag, 1);
        await gate.WaitAsync();
        await task;
    }

    [Fact]
    public void A_theory_whose_default_schedule_deadlocks_still_lists_its_whole_space()
    {
        var settings = new LoomTheorySettings();
        var listing = ScheduleLister.List(CaseBody.From(DeadlocksByDefault), settings);

        Assert.True(listing.Complete, listing.Note);
        Assert.Equal("0", listing.Schedules[0]);
        var verdicts = listing.Schedules.Select(s => CaseBody.From(DeadlocksByDefault).Explore(settings.BaseOptions() with { Schedule = s })).ToList();
        Assert.Equal(FailureKind.Deadlock, verdicts[0].Failure?.Kind);
        Assert.Contains(verdicts, r => r.Passed);
    }
}
