using Loom.Interception;
using Xunit;
using RealSemaphore = System.Threading.SemaphoreSlim;
using SemaphoreFullException = System.Threading.SemaphoreFullException;

namespace Loom.Tests.Interception;

public class SemaphoreSlimCallsTests
{
    [Fact]
    public void A_semaphore_that_admits_two_into_a_one_thread_section_is_found_and_one_fixes_it()
    {
        static ExplorationResult Model(int count) => LoomModel.Explore(() =>
        {
            var semaphore = SemaphoreSlimCalls.New(count);
            var counter = new Counter();
            Action critical = () =>
            {
                SemaphoreSlimCalls.Wait(semaphore, "Semaphore.cs", 10);
                try
                {
                    counter.Increment("Semaphore.cs", 11);
                }
                finally
                {
                    SemaphoreSlimCalls.Release(semaphore, "Semaphore.cs", 12);
                }
            };
            Rewritten.All(critical, critical);
            Rewritten.Expect(counter.Value == 2, $"lost update: {counter.Value}");
        });

        var buggy = Model(count: 2);
        Assert.Equal(FailureKind.Exception, buggy.Failure?.Kind);
        Assert.Contains(buggy.Failure!.Trace, step => step.File == "Semaphore.cs" && step.Line == 10);
        var fixedModel = Model(count: 1);
        Assert.True(fixedModel.Passed, fixedModel.Failure?.Report);
        Assert.True(fixedModel.Exhausted);
    }

    [Fact]
    public void A_WaitAsync_completes_under_Loom_when_another_thread_releases_and_a_missing_release_is_a_deadlock()
    {
        static ExplorationResult Model(bool release) => LoomModel.Explore(async () =>
        {
            var semaphore = new RealSemaphore(0);
            var worker = ThreadCalls.New(() =>
            {
                if (release)
                    SemaphoreSlimCalls.Release(semaphore, "Async.cs", 20);
            });
            ThreadCalls.Start(worker, "Async.cs", 21);
            await SemaphoreSlimCalls.WaitAsync(semaphore, "Async.cs", 22);
            ThreadCalls.Join(worker, "Async.cs", 23);
        });

        var fixedModel = Model(release: true);
        Assert.True(fixedModel.Passed, fixedModel.Failure?.Report);
        Assert.True(fixedModel.Exhausted);
        var buggy = Model(release: false);
        Assert.Equal(FailureKind.Deadlock, buggy.Failure?.Kind);
        Assert.Contains(buggy.Failure!.Trace, step => step.File == "Async.cs" && step.Line == 22);
    }

    [Fact]
    public void A_semaphore_made_outside_starts_every_execution_from_its_real_count_and_is_shared_with_unrewritten_code()
    {
        var semaphore = new RealSemaphore(1, 1);
        var outcomes = new SortedSet<bool>();

        var first = LoomModel.Explore(() =>
        {
            // Never released: if an execution changed the real semaphore, the next one would find it empty.
            outcomes.Add(SemaphoreSlimCalls.Wait(semaphore, 0, "Shared.cs", 1));
        });
        Assert.True(first.Passed, first.Failure?.Report);
        Assert.Equal([true], outcomes);
        Assert.Equal(1, semaphore.CurrentCount);

        semaphore.Wait(TestContext.Current.CancellationToken);
        outcomes.Clear();
        var second = LoomModel.Explore(() => outcomes.Add(SemaphoreSlimCalls.Wait(semaphore, 0, "Shared.cs", 2)));
        Assert.True(second.Passed, second.Failure?.Report);
        Assert.Equal([false], outcomes);
        Assert.Equal(1, SemaphoreSlimCalls.Release(semaphore, "Shared.cs", 3) + 1);
    }

    [Fact]
    public void Inside_an_execution_a_release_past_the_real_maximum_throws_SemaphoreFullException()
    {
        var semaphore = new RealSemaphore(1, 1);
        Assert.IsType<SemaphoreFullException>(Loom.Tests.Threading.Run.ThrownInside(() => SemaphoreSlimCalls.Release(semaphore, "Full.cs", 1)));
        semaphore.Dispose();
        Assert.IsType<ObjectDisposedException>(Loom.Tests.Threading.Run.ThrownInside(() => SemaphoreSlimCalls.Wait(semaphore, "Disposed.cs", 1)));
    }

    [Fact]
    public void Outside_an_execution_the_stand_ins_are_the_real_semaphore()
    {
        var semaphore = SemaphoreSlimCalls.New(1, 2);
        Assert.True(SemaphoreSlimCalls.Wait(semaphore, 0, "Real.cs", 1));
        Assert.False(SemaphoreSlimCalls.Wait(semaphore, 0, "Real.cs", 2));
        Assert.Equal(0, SemaphoreSlimCalls.get_CurrentCount(semaphore));
        Assert.Equal(0, SemaphoreSlimCalls.Release(semaphore, 2, "Real.cs", 3));
        Assert.Throws<SemaphoreFullException>(() => SemaphoreSlimCalls.Release(semaphore, "Real.cs", 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => SemaphoreSlimCalls.New(2, 1));
        SemaphoreSlimCalls.Dispose(semaphore);
        Assert.Throws<ObjectDisposedException>(() => SemaphoreSlimCalls.Wait(semaphore, "Real.cs", 5));
    }

    [Fact]
    public void A_deadlock_on_the_wait_async_stand_in_names_the_call_site_it_waits_at_and_the_released_program_passes()
    {
        static ExplorationResult Model(bool release) => LoomModel.Explore(async () =>
        {
            var gate = SemaphoreSlimCalls.New(0);
            var waiter = TaskCalls.Run(async () => await SemaphoreSlimCalls.WaitAsync(gate, "Gate.cs", 21), "Gate.cs", 20);
            if (release)
                SemaphoreSlimCalls.Release(gate, "Gate.cs", 22);
            await waiter;
        });

        var stuck = Model(release: false);
        var released = Model(release: true);

        var failure = Assert.IsType<LoomFailure>(stuck.Failure);
        Assert.Equal(FailureKind.Deadlock, failure.Kind);
        Assert.Contains("SemaphoreSlim.WaitAsync at Gate.cs:21", failure.Message);
        Assert.True(released.Passed, released.Failure?.Report);
    }
}
