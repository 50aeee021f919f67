using Loom.Interception;
using Xunit;
using Interlocked = Loom.Threading.Interlocked;
using RealThread = System.Threading.Thread;
using Run = Loom.Tests.Threading.Run;
using ThreadStateException = System.Threading.ThreadStateException;

namespace Loom.Tests.Interception;

public class ThreadCallsTests
{
    [Fact]
    public void A_thread_built_by_code_that_was_not_rewritten_fails_loudly_when_started_inside_an_execution()
    {
        var result = LoomModel.Explore(() =>
        {
            var unrewritten = new RealThread(() => { });
            ThreadCalls.Start(unrewritten, "Start.cs", 7);
        });

        Assert.Equal(FailureKind.UncontrolledConcurrency, result.Failure?.Kind);
        Assert.Contains("constructed by code that Loom did not rewrite", result.Failure!.Message);
        Assert.Contains("Start.cs:7", result.Failure.Message);
    }

    [Fact]
    public void A_thread_built_outside_the_execution_by_rewritten_code_runs_as_a_logical_thread_in_every_execution()
    {
        var ran = 0;
        var thread = ThreadCalls.New(() => Interlocked.Increment(ref ran));
        var result = LoomModel.Explore(() =>
        {
            ThreadCalls.Start(thread, "Start.cs", 1);
            ThreadCalls.Join(thread, "Start.cs", 2);
            Rewritten.Expect(!ThreadCalls.get_IsAlive(thread), "joined");
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(System.Threading.ThreadState.Unstarted, thread.ThreadState);
        Assert.Equal(result.Executions, ran);
    }

    [Fact]
    public void Logical_threads_have_ids_that_are_distinct_and_the_same_in_every_execution()
    {
        var seen = new SortedSet<string>();
        var result = LoomModel.Explore(() =>
        {
            int first = 0, second = 0;
            Rewritten.All(
                () => first = EnvironmentCalls.get_CurrentManagedThreadId(),
                () => second = ThreadCalls.get_ManagedThreadId(ThreadCalls.get_CurrentThread()));
            Rewritten.Expect(first != second && first != EnvironmentCalls.get_CurrentManagedThreadId(), "distinct ids");
            Interlocked.MemoryBarrier();
            seen.Add($"{EnvironmentCalls.get_CurrentManagedThreadId()} {first} {second}");
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(["1 2 3"], seen);
    }

    [Fact]
    public void CurrentThread_is_the_started_thread_object_and_stays_the_same()
    {
        var result = LoomModel.Explore(() =>
        {
            RealThread? self = null;
            RealThread? thread = null;
            thread = ThreadCalls.New(() => self = ThreadCalls.get_CurrentThread());
            ThreadCalls.set_Name(thread, "worker");
            ThreadCalls.Start(thread, "Start.cs", 1);
            ThreadCalls.Join(thread, "Start.cs", 2);
            Rewritten.Expect(ReferenceEquals(self, thread), "CurrentThread is the thread object rewritten code started");
            Rewritten.Expect(ReferenceEquals(ThreadCalls.get_CurrentThread(), ThreadCalls.get_CurrentThread()), "stable for the body's thread");
            Rewritten.Expect(ThreadCalls.get_Name(thread) == "worker" && thread.Name is null, "the name is the model's; the real object keeps its own");
        });

        Assert.True(result.Passed, result.Failure?.Report);
    }

    [Fact]
    public void A_missed_join_is_found_and_joining_fixes_it()
    {
        static ExplorationResult Model(bool join) => LoomModel.Explore(() =>
        {
            var counter = new Counter();
            var worker = ThreadCalls.New(() => counter.Increment("Join.cs", 10));
            ThreadCalls.Start(worker, "Join.cs", 11);
            if (join)
                ThreadCalls.Join(worker, "Join.cs", 12);
            else
                ThreadCalls.Join(worker, 0, "Join.cs", 12);
            Rewritten.Expect(counter.Value == 1, "the worker's increment is not visible yet");
            ThreadCalls.Join(worker, "Join.cs", 13);
        });

        var buggy = Model(join: false);
        Assert.Equal(FailureKind.Exception, buggy.Failure?.Kind);
        Assert.Contains(buggy.Failure!.Trace, step => step.File == "Join.cs" && step.Line == 12);
        var fixedModel = Model(join: true);
        Assert.True(fixedModel.Passed, fixedModel.Failure?.Report);
        Assert.True(fixedModel.Exhausted);
    }

    [Fact]
    public void Inside_an_execution_misuse_throws_what_Thread_throws()
    {
        Assert.IsType<ThreadStateException>(Run.ThrownInside(() => ThreadCalls.Join(ThreadCalls.New(() => { }), "Join.cs", 1)));
        Assert.IsType<InvalidOperationException>(Run.ThrownInside(() => ThreadCalls.Start(ThreadCalls.New(() => { }), 42, "Start.cs", 1)));
        Assert.IsType<ArgumentOutOfRangeException>(Run.ThrownInside(() => ThreadCalls.Sleep(-2, "Sleep.cs", 1)));
        Assert.IsType<NotSupportedException>(Run.ThrownInside(() => ThreadCalls.Interrupt(ThreadCalls.get_CurrentThread(), "Interrupt.cs", 1)));
    }

    [Fact]
    public void Outside_an_execution_the_thread_stand_ins_are_the_real_thread()
    {
        var ran = false;
        var thread = ThreadCalls.New(() => ran = true);
        ThreadCalls.Start(thread, "Start.cs", 1);
        ThreadCalls.Join(thread, "Start.cs", 2);
        Assert.True(ran);
        Assert.Throws<ThreadStateException>(() => ThreadCalls.Start(thread, "Start.cs", 3));
        Assert.Throws<ArgumentNullException>(() => ThreadCalls.New((System.Threading.ThreadStart)null!));
        Assert.Same(RealThread.CurrentThread, ThreadCalls.get_CurrentThread());
        Assert.Equal(Environment.CurrentManagedThreadId, EnvironmentCalls.get_CurrentManagedThreadId());
        Assert.Equal(RealThread.CurrentThread.ManagedThreadId, ThreadCalls.get_ManagedThreadId(RealThread.CurrentThread));
    }
}
