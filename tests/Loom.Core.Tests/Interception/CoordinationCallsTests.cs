using Loom.Interception;
using Xunit;
using InvalidOperationException = System.InvalidOperationException;
using LockRecursionPolicy = System.Threading.LockRecursionPolicy;
using RealBarrier = System.Threading.Barrier;
using RealCountdown = System.Threading.CountdownEvent;
using SynchronizationLockException = System.Threading.SynchronizationLockException;

namespace Loom.Tests.Interception;

/// <summary>CountdownEvent, Barrier and ReaderWriterLockSlim through their stand-ins.</summary>
public class CoordinationCallsTests
{
    [Fact]
    public void A_countdown_that_expects_too_few_signals_releases_the_waiter_early_and_the_right_count_fixes_it()
    {
        static ExplorationResult Model(int expected) => LoomModel.Explore(() =>
        {
            var done = CountdownEventCalls.New(expected);
            var results = new[] { new Counter(), new Counter() };
            Action Worker(int me) => () =>
            {
                results[me].Increment("Countdown.cs", 10);
                CountdownEventCalls.Signal(done, "Countdown.cs", 11);
            };
            var threads = new[] { ThreadCalls.New(() => Worker(0)()), ThreadCalls.New(() => Worker(1)()) };
            foreach (var thread in threads)
                ThreadCalls.Start(thread, "Countdown.cs", 20);
            CountdownEventCalls.Wait(done, "Countdown.cs", 21);
            var finished = results[0].Value + results[1].Value;
            Rewritten.Expect(finished == 2, $"released after {finished} of 2 workers");
            foreach (var thread in threads)
                ThreadCalls.Join(thread, "Countdown.cs", 22);
        });

        var buggy = Model(expected: 1);
        Assert.NotNull(buggy.Failure);
        Assert.Contains(buggy.Failure!.Trace, step => step.File == "Countdown.cs" && step.Line == 21);
        var fixedModel = Model(expected: 2);
        Assert.True(fixedModel.Passed, fixedModel.Failure?.Report);
        Assert.True(fixedModel.Exhausted);
    }

    [Fact]
    public void Reading_a_partners_result_before_the_barrier_is_found_and_after_it_passes_with_the_real_post_phase_action()
    {
        static ExplorationResult Model(bool readAfterBarrier) => LoomModel.Explore(() =>
        {
            var phases = 0;
            var barrier = BarrierCalls.New(2, _ => phases++);
            var results = new[] { new Counter(), new Counter() };
            Action Participant(int me) => () =>
            {
                results[me].Increment("Barrier.cs", 10 + me);
                if (!readAfterBarrier)
                    Rewritten.Expect(results[1 - me].Value == 1, "the partner's result is not there yet");
                BarrierCalls.SignalAndWait(barrier, "Barrier.cs", 20);
                Rewritten.Expect(results[1 - me].Value == 1, "after the barrier the partner's result is there");
            };
            Rewritten.All(Participant(0), Participant(1));
            Rewritten.Expect(phases == 1 && BarrierCalls.get_CurrentPhaseNumber(barrier) == 1, "one phase, its action run once");
        });

        var buggy = Model(readAfterBarrier: false);
        Assert.Equal(FailureKind.Exception, buggy.Failure?.Kind);
        Assert.Contains("not there yet", buggy.Failure!.Message);
        var fixedModel = Model(readAfterBarrier: true);
        Assert.True(fixedModel.Passed, fixedModel.Failure?.Report);
        Assert.True(fixedModel.Exhausted);
    }

    [Fact]
    public void A_read_modify_write_under_the_read_lock_loses_updates_and_the_write_lock_fixes_it()
    {
        static ExplorationResult Model(bool write) => LoomModel.Explore(() =>
        {
            var rwLock = ReaderWriterLockSlimCalls.New();
            var counter = new Counter();
            Action update = () =>
            {
                if (write)
                    ReaderWriterLockSlimCalls.EnterWriteLock(rwLock, "Rwls.cs", 10);
                else
                    ReaderWriterLockSlimCalls.EnterReadLock(rwLock, "Rwls.cs", 10);
                counter.Increment("Rwls.cs", 11);
                if (write)
                    ReaderWriterLockSlimCalls.ExitWriteLock(rwLock, "Rwls.cs", 12);
                else
                    ReaderWriterLockSlimCalls.ExitReadLock(rwLock, "Rwls.cs", 12);
            };
            Rewritten.All(update, update);
            Rewritten.Expect(counter.Value == 2, $"lost update: {counter.Value}");
        });

        var buggy = Model(write: false);
        Assert.Equal(FailureKind.Exception, buggy.Failure?.Kind);
        Assert.Contains(buggy.Failure!.Trace, step => step.File == "Rwls.cs" && step.Line == 10);
        var fixedModel = Model(write: true);
        Assert.True(fixedModel.Passed, fixedModel.Failure?.Report);
        Assert.True(fixedModel.Exhausted);
    }

    [Fact]
    public void Objects_made_outside_start_each_execution_from_their_real_state()
    {
        var countdown = new RealCountdown(3);
        countdown.Signal();
        var barrier = new RealBarrier(2);
        barrier.AddParticipant();
        var rwLock = new System.Threading.ReaderWriterLockSlim(LockRecursionPolicy.SupportsRecursion);
        var result = LoomModel.Explore(() =>
        {
            Rewritten.Expect(CountdownEventCalls.get_CurrentCount(countdown) == 2 && CountdownEventCalls.get_InitialCount(countdown) == 3, "the countdown's real counts");
            CountdownEventCalls.Signal(countdown, 2, "Outside.cs", 1);
            Rewritten.Expect(BarrierCalls.get_ParticipantCount(barrier) == 3, "the barrier's real participants");
            ReaderWriterLockSlimCalls.EnterReadLock(rwLock, "Outside.cs", 2);
            ReaderWriterLockSlimCalls.EnterReadLock(rwLock, "Outside.cs", 3);
            Rewritten.Expect(ReaderWriterLockSlimCalls.get_RecursiveReadCount(rwLock) == 2, "the real recursion policy");
            ReaderWriterLockSlimCalls.ExitReadLock(rwLock, "Outside.cs", 4);
            ReaderWriterLockSlimCalls.ExitReadLock(rwLock, "Outside.cs", 5);
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(2, countdown.CurrentCount);
        Assert.Equal(0, rwLock.CurrentReadCount);
    }

    [Fact]
    public void Outside_an_execution_the_stand_ins_are_the_real_objects()
    {
        var countdown = CountdownEventCalls.New(1);
        Assert.True(CountdownEventCalls.Signal(countdown, "Real.cs", 1));
        Assert.Throws<InvalidOperationException>(() => CountdownEventCalls.Signal(countdown, "Real.cs", 2));
        var barrier = BarrierCalls.New(1);
        Assert.True(BarrierCalls.SignalAndWait(barrier, 0, "Real.cs", 3));
        Assert.Equal(1, BarrierCalls.get_CurrentPhaseNumber(barrier));
        var rwLock = ReaderWriterLockSlimCalls.New();
        Assert.Throws<SynchronizationLockException>(() => ReaderWriterLockSlimCalls.ExitWriteLock(rwLock, "Real.cs", 4));
        Assert.True(ReaderWriterLockSlimCalls.TryEnterWriteLock(rwLock, 0, "Real.cs", 5));
        Assert.True(rwLock.IsWriteLockHeld);
        ReaderWriterLockSlimCalls.ExitWriteLock(rwLock, "Real.cs", 6);
    }
}
