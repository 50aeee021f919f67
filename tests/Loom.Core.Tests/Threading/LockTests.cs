using Loom.Threading;
using Xunit;
using SynchronizationLockException = System.Threading.SynchronizationLockException;

namespace Loom.Tests.Threading;

public class LockTests
{
    [Fact]
    public void Outside_an_execution_it_is_a_real_reentrant_lock()
    {
        var gate = new Lock();
        gate.Enter();
        gate.Enter();
        Assert.True(gate.IsHeldByCurrentThread);
        var otherGot = true;
        var other = new System.Threading.Thread(() => otherGot = gate.TryEnter());
        other.Start();
        other.Join();
        Assert.False(otherGot);
        gate.Exit();
        gate.Exit();
        Assert.False(gate.IsHeldByCurrentThread);
        using (gate.EnterScope())
            Assert.True(gate.IsHeldByCurrentThread);
        Assert.False(gate.IsHeldByCurrentThread);
    }

    [Fact]
    public void Its_argument_checks_and_misuse_throw_what_System_Threading_Lock_throws()
    {
        Assert.Equal(Run.ThrownBy(() => new System.Threading.Lock().Exit()), Run.ThrownBy(() => new Lock().Exit()));
        Assert.Equal(Run.ThrownBy(() => new System.Threading.Lock().TryEnter(-2)), Run.ThrownBy(() => new Lock().TryEnter(-2)));
        Assert.Equal(typeof(SynchronizationLockException), Run.ThrownBy(() => new Lock().Exit()));

        Assert.IsType<SynchronizationLockException>(Run.ThrownInside(() => new Lock().Exit()));
        Assert.IsType<ArgumentOutOfRangeException>(Run.ThrownInside(() => new Lock().TryEnter(-2)));
        Assert.IsType<ArgumentOutOfRangeException>(Run.ThrownInside(() => new Lock().TryEnter(TimeSpan.FromMilliseconds(-2))));
    }

    [Fact]
    public void Two_threads_are_never_inside_at_once_in_any_interleaving()
    {
        var result = LoomModel.Explore(() =>
        {
            var gate = new Lock();
            var occupancy = new Occupancy(limit: 1);
            Action critical = () =>
            {
                using (gate.EnterScope())
                {
                    occupancy.Enter();
                    occupancy.Exit();
                }
            };
            Run.All(critical, critical, critical);
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
    }

    [Fact]
    public void It_is_reentrant_inside_an_execution_too()
    {
        var result = LoomModel.Explore(() =>
        {
            var gate = new Lock();
            gate.Enter();
            gate.Enter();
            Run.Expect(gate.IsHeldByCurrentThread, "not held after two enters");
            gate.Exit();
            Run.Expect(gate.IsHeldByCurrentThread, "released after one exit of two");
            gate.Exit();
            Run.Expect(!gate.IsHeldByCurrentThread, "still held after two exits");
        });

        Assert.True(result.Passed, result.Failure?.Report);
    }

    [Fact]
    public void Taking_two_locks_in_opposite_orders_deadlocks_and_the_report_names_each_blocked_enter()
    {
        var result = LoomModel.Explore(() =>
        {
            var a = new Lock();
            var b = new Lock();
            Run.All(
                () =>
                {
                    using (a.EnterScope())
                    using (b.EnterScope())
                    {
                    }
                },
                () =>
                {
                    using (b.EnterScope())
                    using (a.EnterScope())
                    {
                    }
                });
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.Deadlock, failure.Kind);
        Assert.Matches(@"thread 1 is blocked in Lock\.Enter at LockTests\.cs:\d+: waiting for Lock#\d+, held by thread 2 \(entered at LockTests\.cs:\d+\)", failure.Message);
        Assert.Matches(@"thread 2 is blocked in Lock\.Enter at LockTests\.cs:\d+: waiting for Lock#\d+, held by thread 1 \(entered at LockTests\.cs:\d+\)", failure.Message);
    }

    [Fact]
    public void A_lock_still_held_when_the_body_returns_is_reported_with_where_it_was_taken()
    {
        var result = LoomModel.Explore(() => new Lock().Enter());

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.LockLeaked, failure.Kind);
        Assert.Matches(@"thread 0 still holds Lock#\d+ \(entered at LockTests\.cs:\d+\)", failure.Message);
    }

    [Fact]
    public void Exiting_a_lock_another_thread_holds_throws_SynchronizationLockException()
    {
        var result = LoomModel.Explore(() =>
        {
            var gate = new Lock();
            gate.Enter();
            Run.All(() => gate.Exit());
            gate.Exit();
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.IsType<SynchronizationLockException>(failure.Exception);
        Assert.Contains("thread 1 does not hold Lock#", failure.Message);
    }

    [Fact]
    public void TryEnter_explores_both_finding_the_lock_free_and_finding_it_held_and_a_retry_loop_ends()
    {
        var (seen, result) = Run.Outcomes(() =>
        {
            var gate = new Lock();
            var firstTry = true;
            Run.All(
                () =>
                {
                    using (gate.EnterScope())
                    {
                    }
                },
                () =>
                {
                    bool got;
                    var tries = 0;
                    while (!(got = gate.TryEnter()))
                        tries++;
                    firstTry = tries == 0;
                    gate.Exit();
                });
            return firstTry ? "first try" : "retried";
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(["first try", "retried"], seen);
    }

    [Fact]
    public void Monitor_Enter_on_the_lock_object_is_a_different_lock_as_in_dotnet()
    {
        var result = LoomModel.Explore(() =>
        {
            var gate = new Lock();
            gate.Enter();
            Run.All(() =>
            {
                Monitor.Enter(gate);
                Monitor.Exit(gate);
            });
            gate.Exit();
        });

        Assert.True(result.Passed, result.Failure?.Report);
    }
}
