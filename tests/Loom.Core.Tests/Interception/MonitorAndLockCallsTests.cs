using Loom.Interception;
using Xunit;
using Monitor = Loom.Threading.Monitor;
using RealLock = System.Threading.Lock;
using SynchronizationLockException = System.Threading.SynchronizationLockException;

namespace Loom.Tests.Interception;

public class MonitorAndLockCallsTests
{
    /// <summary>What <c>lock (first) { lock (second) { } }</c> compiles to, rewritten.</summary>
    private static void Nested(object first, object second, int line)
    {
        var outer = false;
        try
        {
            Monitor.Enter(first, ref outer, "Locks.cs", line);
            var inner = false;
            try
            {
                Monitor.Enter(second, ref inner, "Locks.cs", line + 1);
            }
            finally
            {
                if (inner)
                    Monitor.Exit(second, "Locks.cs", line + 2);
            }
        }
        finally
        {
            if (outer)
                Monitor.Exit(first, "Locks.cs", line + 3);
        }
    }

    [Fact]
    public void An_ABBA_deadlock_between_lock_statements_is_found_at_the_rewritten_lines()
    {
        var result = LoomModel.Explore(() =>
        {
            object a = new(), b = new();
            Rewritten.All(() => Nested(a, b, 10), () => Nested(b, a, 20));
        });

        Assert.Equal(FailureKind.Deadlock, result.Failure?.Kind);
        Assert.Contains(result.Failure!.Trace, step => step.File == "Locks.cs" && step.Line == 10);
        Assert.Contains(result.Failure.Trace, step => step.File == "Locks.cs" && step.Line == 20);
        Assert.Contains("Monitor.Enter at Locks.cs:11", result.Failure.Message);
        Assert.Contains("Monitor.Enter at Locks.cs:21", result.Failure.Message);
    }

    [Fact]
    public void The_same_locks_taken_in_one_order_pass_exhaustively()
    {
        var result = LoomModel.Explore(() =>
        {
            object a = new(), b = new();
            Rewritten.All(() => Nested(a, b, 10), () => Nested(a, b, 20));
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
    }

    [Fact]
    public void Outside_an_execution_the_monitor_stand_ins_are_the_real_monitor()
    {
        var gate = new object();
        var taken = false;
        Monitor.Enter(gate, ref taken, "Locks.cs", 1);
        Assert.True(taken);
        Assert.True(System.Threading.Monitor.IsEntered(gate));
        Monitor.Exit(gate, "Locks.cs", 2);
        Assert.False(System.Threading.Monitor.IsEntered(gate));
        Assert.Throws<SynchronizationLockException>(() => Monitor.Exit(gate, "Locks.cs", 3));
        Assert.Throws<ArgumentNullException>(() => Monitor.Enter(null!, ref taken, "Locks.cs", 4));
    }

    [Fact]
    public void A_lost_update_under_a_lock_taken_by_one_side_only_is_found_and_scopes_fix_it()
    {
        static ExplorationResult Model(bool bothLock) => LoomModel.Explore(() =>
        {
            var gate = LockCalls.New();
            var counter = new Counter();
            Action locked = () =>
            {
                var scope = LockCalls.EnterScope(gate, "Scopes.cs", 30);
                try
                {
                    counter.Increment("Scopes.cs", 31);
                }
                finally
                {
                    LockScopeCalls.Dispose(ref scope, "Scopes.cs", 32);
                }
            };
            Action unlocked = bothLock ? locked : () => counter.Increment("Scopes.cs", 40);
            Rewritten.All(locked, unlocked);
            Rewritten.Expect(counter.Value == 2, $"lost update: {counter.Value}");
        });

        var buggy = Model(bothLock: false);
        Assert.Equal(FailureKind.Exception, buggy.Failure?.Kind);
        Assert.Contains("lost update", buggy.Failure!.Message);
        Assert.Contains(buggy.Failure.Trace, step => step.File == "Scopes.cs" && step.Line == 40);

        var fixedModel = Model(bothLock: true);
        Assert.True(fixedModel.Passed, fixedModel.Failure?.Report);
        Assert.True(fixedModel.Exhausted);
    }

    [Fact]
    public void An_execution_builds_a_real_Lock_Scope_without_taking_the_real_lock_and_its_dispose_releases_the_model()
    {
        var gate = new RealLock();
        var result = LoomModel.Explore(() =>
        {
            var scope = LockCalls.EnterScope(gate, "Scopes.cs", 1);
            Rewritten.Expect(LockCalls.get_IsHeldByCurrentThread(gate), "the model holds the lock inside the scope");
            Rewritten.Expect(!gate.IsHeldByCurrentThread, "the real lock is never taken inside an execution");
            LockScopeCalls.Dispose(ref scope, "Scopes.cs", 2);
            LockScopeCalls.Dispose(ref scope, "Scopes.cs", 3);
            Rewritten.Expect(!LockCalls.get_IsHeldByCurrentThread(gate), "Dispose released it, once");
        });

        Assert.True(result.Passed, result.Failure?.Report);
    }

    [Fact]
    public void A_Lock_and_its_objects_monitor_are_different_locks_as_in_dotnet()
    {
        var result = LoomModel.Explore(() =>
        {
            var gate = new RealLock();
            LockCalls.Enter(gate, "Locks.cs", 1);
#pragma warning disable CS9216 // The point: the object's monitor, which is not the Lock.
            Rewritten.Expect(Monitor.TryEnter(gate, "Locks.cs", 2), "the monitor of a held Lock is free");
            Monitor.Exit(gate, "Locks.cs", 3);
#pragma warning restore CS9216
            LockCalls.Exit(gate, "Locks.cs", 4);
        });

        Assert.True(result.Passed, result.Failure?.Report);
    }

    [Fact]
    public void Outside_an_execution_the_Lock_stand_ins_are_the_real_lock()
    {
        var gate = LockCalls.New();
        var scope = LockCalls.EnterScope(gate, "Scopes.cs", 1);
        Assert.True(gate.IsHeldByCurrentThread);
        LockScopeCalls.Dispose(ref scope, "Scopes.cs", 2);
        Assert.False(gate.IsHeldByCurrentThread);
        Assert.True(LockCalls.TryEnter(gate, 0, "Locks.cs", 3));
        LockCalls.Exit(gate, "Locks.cs", 4);
        Assert.Throws<SynchronizationLockException>(() => LockCalls.Exit(gate, "Locks.cs", 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => LockCalls.TryEnter(gate, -2, "Locks.cs", 6));
    }
}
