using Loom.Interception;
using Xunit;
using Interlocked = Loom.Threading.Interlocked;
using LockRecursionException = System.Threading.LockRecursionException;
using RealSpinLock = System.Threading.SpinLock;
using RealSpinWait = System.Threading.SpinWait;
using Volatile = Loom.Threading.Volatile;

namespace Loom.Tests.Interception;

/// <summary>Interlocked and Volatile (the mirror is the stand-in), SpinLock and SpinWait through their stand-ins.</summary>
public class MemoryAndSpinCallsTests
{
    /// <summary>A SpinLock in a field, as rewritten code passes it: by reference to the field.</summary>
    private sealed class Guarded
    {
        public RealSpinLock Lock = new(enableThreadOwnerTracking: true);
        public int Value;
    }

    [Fact]
    public void A_lost_update_of_volatile_reads_and_writes_is_found_and_Interlocked_fixes_it()
    {
        static ExplorationResult Model(bool atomic) => LoomModel.Explore(() =>
        {
            var shared = new Guarded();
            Action increment = () =>
            {
                if (atomic)
                {
                    Interlocked.Increment(ref shared.Value, "shared.Value", "Atomic.cs", 10);
                }
                else
                {
                    var seen = Volatile.Read(ref shared.Value, "shared.Value", "Atomic.cs", 10);
                    Volatile.Write(ref shared.Value, seen + 1, "shared.Value", "Atomic.cs", 11);
                }
            };
            Rewritten.All(increment, increment);
            Rewritten.Expect(Volatile.Read(ref shared.Value, "shared.Value", "Atomic.cs", 20) == 2, "lost update");
        });

        var buggy = Model(atomic: false);
        Assert.Equal(FailureKind.Exception, buggy.Failure?.Kind);
        Assert.Contains(buggy.Failure!.Trace, step => step.File == "Atomic.cs" && step.Line == 11);
        var fixedModel = Model(atomic: true);
        Assert.True(fixedModel.Passed, fixedModel.Failure?.Report);
        Assert.True(fixedModel.Exhausted);
    }

    [Fact]
    public void A_spin_lock_in_a_field_guards_its_critical_section_and_leaving_one_side_unlocked_is_found()
    {
        static ExplorationResult Model(bool bothLock) => LoomModel.Explore(() =>
        {
            var shared = new Guarded();
            var counter = new Counter();
            Action locked = () =>
            {
                var taken = false;
                try
                {
                    SpinLockCalls.Enter(ref shared.Lock, ref taken, "Spin.cs", 10);
                    counter.Increment("Spin.cs", 11);
                }
                finally
                {
                    if (taken)
                        SpinLockCalls.Exit(ref shared.Lock, "Spin.cs", 12);
                }
            };
            Rewritten.All(locked, bothLock ? locked : () => counter.Increment("Spin.cs", 20));
            Rewritten.Expect(counter.Value == 2, $"lost update: {counter.Value}");
        });

        var buggy = Model(bothLock: false);
        Assert.Equal(FailureKind.Exception, buggy.Failure?.Kind);
        Assert.Contains(buggy.Failure!.Trace, step => step.File == "Spin.cs" && step.Line == 20);
        var fixedModel = Model(bothLock: true);
        Assert.True(fixedModel.Passed, fixedModel.Failure?.Report);
        Assert.True(fixedModel.Exhausted);
    }

    [Fact]
    public void A_spin_lock_is_keyed_by_its_storage_location_so_a_copy_is_another_lock()
    {
        var result = LoomModel.Explore(() =>
        {
            var shared = new Guarded();
            var taken = false;
            SpinLockCalls.Enter(ref shared.Lock, ref taken, "Copy.cs", 1);
            var copy = shared.Lock;
            var copyTaken = false;
            SpinLockCalls.TryEnter(ref copy, ref copyTaken, "Copy.cs", 2);
            Rewritten.Expect(copyTaken, "a copy made inside the execution is a lock of its own, and free");
            Rewritten.Expect(SpinLockCalls.get_IsHeldByCurrentThread(ref shared.Lock), "the field's lock is still held");
            SpinLockCalls.Exit(ref copy, "Copy.cs", 3);
            SpinLockCalls.Exit(ref shared.Lock, "Copy.cs", 4);
        });

        Assert.True(result.Passed, result.Failure?.Report);
    }

    [Fact]
    public void Inside_an_execution_reentering_a_tracked_spin_lock_throws_as_in_dotnet()
    {
        var shared = new Guarded();
        var thrown = Loom.Tests.Threading.Run.ThrownInside(() =>
        {
            var taken = false;
            SpinLockCalls.Enter(ref shared.Lock, ref taken, "Reenter.cs", 1);
            var again = false;
            SpinLockCalls.Enter(ref shared.Lock, ref again, "Reenter.cs", 2);
        });
        Assert.IsType<LockRecursionException>(thrown);
        Assert.False(shared.Lock.IsHeld);
    }

    [Fact]
    public void A_spin_wait_for_a_flag_yields_until_it_is_set_and_one_nobody_sets_exceeds_the_step_bound()
    {
        static ExplorationResult Model(bool set) => LoomModel.Explore(() =>
        {
            var shared = new Guarded();
            Rewritten.All(
                () =>
                {
                    var spinner = new RealSpinWait();
                    while (Volatile.Read(ref shared.Value, "shared.Value", "SpinWait.cs", 10) == 0)
                        SpinWaitCalls.SpinOnce(ref spinner, "SpinWait.cs", 11);
                },
                () =>
                {
                    if (set)
                        Volatile.Write(ref shared.Value, 1, "shared.Value", "SpinWait.cs", 20);
                });
        }, new LoomOptions { MaxSteps = 200 });

        var fixedModel = Model(set: true);
        Assert.True(fixedModel.Passed, fixedModel.Failure?.Report);
        Assert.True(fixedModel.Exhausted);
        var buggy = Model(set: false);
        Assert.Equal(FailureKind.StepBoundExceeded, buggy.Failure?.Kind);
        Assert.Contains(buggy.Failure!.Trace, step => step.File == "SpinWait.cs" && step.Line == 11);
    }

    [Fact]
    public void Inside_an_execution_spins_count_in_the_spinner_and_decide_yielding_from_the_count_alone()
    {
        var result = LoomModel.Explore(() =>
        {
            var spinner = new RealSpinWait();
            for (var i = 0; i < 10; i++)
                SpinWaitCalls.SpinOnce(ref spinner, "Count.cs", 1);
            Rewritten.Expect(spinner.Count == 10 && SpinWaitCalls.get_NextSpinWillYield(ref spinner), "ten spins, and the next one yields");
        });

        Assert.True(result.Passed, result.Failure?.Report);
    }

    [Fact]
    public void Outside_an_execution_the_spin_stand_ins_are_the_real_structs()
    {
        var spinLock = SpinLockCalls.New(true);
        var taken = false;
        SpinLockCalls.TryEnter(ref spinLock, ref taken, "Real.cs", 1);
        Assert.True(taken && spinLock.IsHeldByCurrentThread);
        SpinLockCalls.Exit(ref spinLock, "Real.cs", 2);
        Assert.Throws<System.Threading.SynchronizationLockException>(() => SpinLockCalls.Exit(ref spinLock, "Real.cs", 3));
        var spinner = new RealSpinWait();
        SpinWaitCalls.SpinOnce(ref spinner, "Real.cs", 4);
        Assert.Equal(1, spinner.Count);
        Assert.True(SpinWaitCalls.SpinUntil(() => true, 0, "Real.cs", 5));
    }
}
