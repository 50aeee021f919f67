using Loom.Tests.Engine;
using Loom.Threading;
using Xunit;
using LockRecursionException = System.Threading.LockRecursionException;
using SynchronizationLockException = System.Threading.SynchronizationLockException;

namespace Loom.Tests.Threading;

/// <summary>In the process-wide collection because one test forces a garbage collection mid-execution.</summary>
[Collection(ProcessWideCollection.Name)]
public class SpinLockTests
{
    private sealed class Guarded
    {
        public SpinLock Gate = new(enableThreadOwnerTracking: false);
        public SpinLock Other = new(enableThreadOwnerTracking: false);
        public SpinLock Tracked = new(enableThreadOwnerTracking: true);
    }

    private static bool s_collectOnce;

    [Fact]
    public void Outside_an_execution_it_is_the_real_spin_lock()
    {
        var guarded = new Guarded();
        var taken = false;
        guarded.Tracked.Enter(ref taken);
        Assert.True(taken);
        Assert.True(guarded.Tracked.IsHeld);
        Assert.True(guarded.Tracked.IsHeldByCurrentThread);
        var otherGot = true;
        var other = new System.Threading.Thread(() =>
        {
            var got = false;
            guarded.Tracked.TryEnter(ref got);
            otherGot = got;
        });
        other.Start();
        other.Join();
        Assert.False(otherGot);
        guarded.Tracked.Exit();
        Assert.False(guarded.Tracked.IsHeld);
        Assert.True(default(SpinLock).IsThreadOwnerTrackingEnabled);
        Assert.False(guarded.Gate.IsThreadOwnerTrackingEnabled);
    }

    public static TheoryData<string, bool> Misuses() => new()
    {
        { "taken-enter", true },
        { "taken-try", true },
        { "try-negative", true },
        { "enter enter", true },
        { "enter try", true },
        { "exit", true },
        { "exit", false },
        { "held-by-me", false },
    };

    [Theory]
    [MemberData(nameof(Misuses))]
    public void Its_argument_checks_and_misuse_throw_what_the_real_spin_lock_throws(string calls, bool tracking)
    {
        var expected = Run.ThrownBy(() => Apply(new System.Threading.SpinLock(tracking), calls));
        var outside = Run.ThrownBy(() => Apply(new SpinLock(tracking), calls));
        var inside = Run.ThrownInside(() => Apply(new SpinLock(tracking), calls));

        Assert.Equal(expected, outside);
        Assert.Equal(expected, inside?.GetType());
    }

    private static void Apply<TLock>(TLock gate, string calls)
    {
        // Boxed once, so every call works on the same lock.
        dynamic boxed = gate!;
        foreach (var call in calls.Split(' '))
        {
            var taken = call.StartsWith("taken", StringComparison.Ordinal);
            switch (call)
            {
                case "taken-enter" or "enter": boxed.Enter(ref taken); break;
                case "taken-try" or "try": boxed.TryEnter(ref taken); break;
                case "try-negative": boxed.TryEnter(-2, ref taken); break;
                case "exit": boxed.Exit(); break;
                case "held-by-me": _ = boxed.IsHeldByCurrentThread; break;
            }
        }
    }

    [Fact]
    public void Two_threads_are_never_inside_at_once_in_any_interleaving()
    {
        var result = LoomModel.Explore(() =>
        {
            var guarded = new Guarded();
            var occupancy = new Occupancy(limit: 1);
            Action critical = () =>
            {
                var taken = false;
                try
                {
                    guarded.Gate.Enter(ref taken);
                    occupancy.Enter();
                    occupancy.Exit();
                }
                finally
                {
                    if (taken)
                        guarded.Gate.Exit();
                }
            };
            Run.All(critical, critical, critical);
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
    }

    [Fact]
    public void Taking_two_spin_locks_in_opposite_orders_deadlocks()
    {
        var result = LoomModel.Explore(() =>
        {
            var guarded = new Guarded();
            Run.All(
                () =>
                {
                    bool a = false, b = false;
                    guarded.Gate.Enter(ref a);
                    guarded.Other.Enter(ref b);
                    guarded.Other.Exit();
                    guarded.Gate.Exit();
                },
                () =>
                {
                    bool a = false, b = false;
                    guarded.Other.Enter(ref b);
                    guarded.Gate.Enter(ref a);
                    guarded.Gate.Exit();
                    guarded.Other.Exit();
                });
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.Deadlock, failure.Kind);
        Assert.Matches(@"thread 1 is blocked in SpinLock\.Enter at SpinLockTests\.cs:\d+: waiting for SpinLock#\d+, held by thread 2 \(entered at SpinLockTests\.cs:\d+\)", failure.Message);
    }

    [Fact]
    public void Entering_twice_without_owner_tracking_deadlocks_on_itself()
    {
        var result = LoomModel.Explore(() =>
        {
            var guarded = new Guarded();
            Run.All(() =>
            {
                bool first = false, second = false;
                guarded.Gate.Enter(ref first);
                guarded.Gate.Enter(ref second);
            });
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.Deadlock, failure.Kind);
        Assert.Matches(@"thread 1 is blocked in SpinLock\.Enter at SpinLockTests\.cs:\d+: waiting for SpinLock#\d+, which it holds itself \(entered at SpinLockTests\.cs:\d+\); a SpinLock is not reentrant", failure.Message);
    }

    [Fact]
    public void Entering_twice_with_owner_tracking_throws_LockRecursionException()
    {
        var result = LoomModel.Explore(() =>
        {
            var guarded = new Guarded();
            bool first = false, second = false;
            guarded.Tracked.Enter(ref first);
            guarded.Tracked.Enter(ref second);
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.IsType<LockRecursionException>(failure.Exception);
    }

    [Fact]
    public void Exiting_a_tracked_lock_another_thread_holds_throws_SynchronizationLockException()
    {
        var result = LoomModel.Explore(() =>
        {
            var guarded = new Guarded();
            var taken = false;
            guarded.Tracked.Enter(ref taken);
            Run.All(() => guarded.Tracked.Exit());
            guarded.Tracked.Exit();
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.IsType<SynchronizationLockException>(failure.Exception);
    }

    [Fact]
    public void A_lock_still_held_when_the_body_returns_is_reported()
    {
        var result = LoomModel.Explore(() =>
        {
            var guarded = new Guarded();
            var taken = false;
            guarded.Gate.Enter(ref taken);
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.LockLeaked, failure.Kind);
        Assert.Matches(@"thread 0 still holds SpinLock#\d+ \(entered at SpinLockTests\.cs:\d+\)", failure.Message);
    }

    [Fact]
    public void Each_storage_location_is_its_own_lock_so_a_copy_is_a_different_lock()
    {
        var result = LoomModel.Explore(() =>
        {
            var guarded = new Guarded();
            var copy = guarded.Gate;
            bool original = false, copied = false;
            guarded.Gate.Enter(ref original);
            copy.TryEnter(ref copied);
            Run.Expect(copied, "the copy was held by the original's Enter");
            copy.Exit();
            guarded.Gate.Exit();
        });

        Assert.True(result.Passed, result.Failure?.Report);
    }

    [Fact]
    public void A_collection_that_moves_the_lock_mid_execution_restarts_it_and_changes_nothing()
    {
        s_collectOnce = true;
        var result = LoomModel.Explore(() =>
        {
            var guarded = new Guarded();
            var occupancy = new Occupancy(limit: 1);
            Action critical = () =>
            {
                var taken = false;
                guarded.Gate.Enter(ref taken);
                occupancy.Enter();
                if (s_collectOnce)
                {
                    s_collectOnce = false;
                    GC.Collect(0, GCCollectionMode.Forced, blocking: true, compacting: true);
                }
                occupancy.Exit();
                guarded.Gate.Exit();
            };
            Run.All(critical, critical);
        });

        Assert.False(s_collectOnce);
        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
    }

    [Fact]
    public void TryEnter_explores_both_finding_the_lock_free_and_finding_it_held()
    {
        var (seen, result) = Run.Outcomes(() =>
        {
            var guarded = new Guarded();
            var got = false;
            Run.All(
                () =>
                {
                    var taken = false;
                    guarded.Gate.Enter(ref taken);
                    guarded.Gate.Exit();
                },
                () =>
                {
                    guarded.Gate.TryEnter(10, ref got);
                    if (got)
                        guarded.Gate.Exit();
                });
            return got ? "entered" : "timed out";
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(["entered", "timed out"], seen);
    }
}
