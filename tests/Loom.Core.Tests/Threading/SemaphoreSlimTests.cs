using Loom.Threading;
using Xunit;
using CancellationTokenSource = System.Threading.CancellationTokenSource;
using SemaphoreFullException = System.Threading.SemaphoreFullException;

namespace Loom.Tests.Threading;

public class SemaphoreSlimTests
{
    [Fact]
    public async Task Outside_an_execution_it_counts_like_the_real_semaphore()
    {
        using var semaphore = new SemaphoreSlim(2, 3);
        semaphore.Wait();
        Assert.Equal(1, semaphore.CurrentCount);
        Assert.True(semaphore.Wait(0));
        Assert.False(semaphore.Wait(0));
        Assert.Equal(0, semaphore.Release(2));
        Assert.Equal(2, semaphore.Release());
        Assert.Throws<SemaphoreFullException>(() => semaphore.Release());
        Assert.True(semaphore.AvailableWaitHandle.WaitOne(0));
        Assert.True(await semaphore.WaitAsync(1000, TestContext.Current.CancellationToken));
        Assert.Equal(2, semaphore.CurrentCount);
    }

    [Fact]
    public void Its_argument_checks_throw_what_the_real_semaphore_throws()
    {
        Assert.Equal(Run.ThrownBy(() => new System.Threading.SemaphoreSlim(-1)), Run.ThrownBy(() => new SemaphoreSlim(-1)));
        Assert.Equal(Run.ThrownBy(() => new System.Threading.SemaphoreSlim(2, 1)), Run.ThrownBy(() => new SemaphoreSlim(2, 1)));
        Assert.Equal(Run.ThrownBy(() => new System.Threading.SemaphoreSlim(0, 0)), Run.ThrownBy(() => new SemaphoreSlim(0, 0)));
        Assert.Equal(Run.ThrownBy(() => new System.Threading.SemaphoreSlim(1).Release(0)), Run.ThrownBy(() => new SemaphoreSlim(1).Release(0)));
        Assert.Equal(Run.ThrownBy(() => new System.Threading.SemaphoreSlim(1, 1).Release()), Run.ThrownBy(() => new SemaphoreSlim(1, 1).Release()));

        Assert.IsType<ArgumentOutOfRangeException>(Run.ThrownInside(() => new SemaphoreSlim(1).Wait(-2)));
        Assert.IsType<ArgumentOutOfRangeException>(Run.ThrownInside(() => new SemaphoreSlim(1).Wait(TimeSpan.FromMilliseconds(-2))));
        Assert.IsType<ArgumentOutOfRangeException>(Run.ThrownInside(() => new SemaphoreSlim(1).Release(0)));
        Assert.IsType<SemaphoreFullException>(Run.ThrownInside(() => new SemaphoreSlim(1, 1).Release()));
        Assert.IsType<OperationCanceledException>(Run.ThrownInside(() => new SemaphoreSlim(1).Wait(new System.Threading.CancellationToken(true))));
        Assert.IsType<ObjectDisposedException>(Run.ThrownInside(() =>
        {
            var semaphore = new SemaphoreSlim(1);
            semaphore.Dispose();
            semaphore.Wait();
        }));
    }

    [Fact]
    public void Inside_an_execution_the_wait_handle_is_refused_with_the_reason()
    {
        var handle = Assert.IsType<NotSupportedException>(Run.ThrownInside(() => _ = new SemaphoreSlim(1).AvailableWaitHandle));
        Assert.Contains("SemaphoreSlim.AvailableWaitHandle is not supported inside a Loom execution", handle.Message);
    }

    [Fact]
    public void A_semaphore_of_one_never_admits_two_threads_in_any_interleaving()
    {
        var result = LoomModel.Explore(() =>
        {
            var semaphore = new SemaphoreSlim(1);
            var occupancy = new Occupancy(limit: 1);
            Action critical = () =>
            {
                semaphore.Wait();
                try
                {
                    occupancy.Enter();
                    occupancy.Exit();
                }
                finally
                {
                    semaphore.Release();
                }
            };
            Run.All(critical, critical, critical);
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
    }

    [Fact]
    public void A_semaphore_of_two_admits_two_threads_at_once_and_Loom_finds_it()
    {
        var result = LoomModel.Explore(() =>
        {
            var semaphore = new SemaphoreSlim(2);
            var occupancy = new Occupancy(limit: 1);
            Action critical = () =>
            {
                semaphore.Wait();
                occupancy.Enter();
                occupancy.Exit();
                semaphore.Release();
            };
            Run.All(critical, critical);
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Contains("2 threads inside at once", failure.Message);
    }

    [Fact]
    public void A_wait_nothing_releases_is_a_deadlock_naming_the_wait_and_its_line()
    {
        var result = LoomModel.Explore(() =>
        {
            var semaphore = new SemaphoreSlim(0);
            Run.All(() => semaphore.Wait());
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.Deadlock, failure.Kind);
        Assert.Matches(@"thread 1 is blocked in SemaphoreSlim\.Wait at SemaphoreSlimTests\.cs:\d+: waiting for SemaphoreSlim#\d+, whose count is 0: no thread released it", failure.Message);
    }

    [Fact]
    public void A_thread_that_waits_twice_on_a_semaphore_of_one_deadlocks_on_itself_and_the_report_says_who_entered()
    {
        var result = LoomModel.Explore(() =>
        {
            var semaphore = new SemaphoreSlim(1);
            Run.All(() =>
            {
                semaphore.Wait();
                semaphore.Wait();
            });
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.Deadlock, failure.Kind);
        Assert.Matches(@"waiting for SemaphoreSlim#\d+, whose count is 0: no thread released it since thread 1 entered at SemaphoreSlimTests\.cs:\d+", failure.Message);
    }

    [Fact]
    public void A_timed_wait_explores_both_the_release_arriving_and_the_timeout()
    {
        var (seen, result) = Run.Outcomes(() =>
        {
            var semaphore = new SemaphoreSlim(0);
            var entered = false;
            Run.All(
                () => semaphore.Release(),
                () => entered = semaphore.Wait(TimeSpan.FromSeconds(1)));
            return entered ? "entered" : "timed out";
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(["entered", "timed out"], seen);
    }

    [Fact]
    public void A_blocked_wait_goes_on_when_another_thread_cancels_its_token()
    {
        var (seen, result) = Run.Outcomes(() =>
        {
            var semaphore = new SemaphoreSlim(0);
            var cancellation = new CancellationTokenSource();
            var outcome = "";
            Run.All(
                () =>
                {
                    try
                    {
                        semaphore.Wait(cancellation.Token);
                        outcome = "entered";
                    }
                    catch (OperationCanceledException)
                    {
                        outcome = "cancelled";
                    }
                },
                () =>
                {
                    cancellation.Cancel();
                    semaphore.Release();
                });
            return outcome;
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Contains("cancelled", seen);
    }

    [Fact]
    public void The_trace_shows_each_wait_and_release_with_the_count_it_left()
    {
        var result = LoomModel.Explore(() =>
        {
            var semaphore = new SemaphoreSlim(0, 1);
            Run.All(
                () => semaphore.Release(),
                () => semaphore.Release());
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.IsType<SemaphoreFullException>(failure.Exception);
        Assert.Matches(@"SemaphoreSlim\.Release\s+SemaphoreSlim#\d+\s+count 0->1\s+SemaphoreSlimTests\.cs:\d+", failure.Report);
        Assert.Matches(@"SemaphoreSlim\.Release\s+SemaphoreSlim#\d+\s+count 1 \(max 1\): full\s+SemaphoreSlimTests\.cs:\d+", failure.Report);
    }
}
