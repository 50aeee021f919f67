using System.Runtime.CompilerServices;
using Loom.Simulation;
using Loom.Threading;
using Loom.Threading.Tasks;
using Xunit;
using CancellationToken = System.Threading.CancellationToken;
using CancellationTokenSource = System.Threading.CancellationTokenSource;

namespace Loom.Tests.Simulation;

public class AsyncSemaphoreTests
{
    private sealed class Account
    {
        public int Balance;
    }

    private static Func<Task> Transfers(bool guarded) => async () =>
    {
        var gate = new SemaphoreSlim(1, 1);
        var account = new Account { Balance = 100 };
        async Task Withdraw(int amount)
        {
            if (guarded)
                await gate.WaitAsync();
            try
            {
                if (account.Balance >= amount)
                {
                    await Task.Yield();
                    account.Balance -= amount;
                }
            }
            finally
            {
                if (guarded)
                    gate.Release();
            }
        }
        await Task.WhenAll(LoomTask.Run(() => Withdraw(80)), LoomTask.Run(() => Withdraw(80)));
        if (account.Balance < 0)
            throw new InvalidOperationException($"Overdrawn: {account.Balance}");
    };

    [Fact]
    public void A_check_then_act_across_an_await_overdraws_without_the_semaphore()
    {
        var result = LoomModel.Explore(Transfers(guarded: false));

        Assert.Equal(FailureKind.Exception, result.Failure?.Kind);
        Assert.Contains("Overdrawn", result.Failure!.Exception?.Message);
    }

    [Fact]
    public void Wait_async_on_a_semaphore_of_one_keeps_the_check_and_the_act_together_in_every_interleaving()
    {
        var result = LoomModel.Explore(Transfers(guarded: true), new LoomOptions { PreemptionBound = null });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
        Assert.True(result.Executions > 1);
    }

    [Fact]
    public void A_timed_wait_async_times_out_in_virtual_time_and_a_canceled_one_is_canceled()
    {
        TimeSpan timedOutAt = default;
        var result = LoomModel.Explore(async () =>
        {
            var clock = (SimClock)Sim.Clock;
            var gate = new SemaphoreSlim(0);
            Assert.False(await gate.WaitAsync(TimeSpan.FromSeconds(3)));
            timedOutAt = clock.Elapsed;

            using var cts = new CancellationTokenSource();
            var canceled = gate.WaitAsync(cts.Token);
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => canceled);

            var waiting = gate.WaitAsync(CancellationToken.None);
            gate.Release();
            await waiting;
            Assert.Equal(0, gate.CurrentCount);
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(TimeSpan.FromSeconds(3), timedOutAt);
    }

    [Fact]
    public void A_wait_async_nobody_releases_is_a_deadlock()
    {
        var result = LoomModel.Explore(async () =>
        {
            var gate = new SemaphoreSlim(0);
            await gate.WaitAsync();
        });

        Assert.Equal(FailureKind.Deadlock, result.Failure?.Kind);
    }

    private static int Line([CallerLineNumber] int line = 0) => line;

    [Fact]
    public void A_deadlock_on_wait_async_names_each_stuck_wait_with_its_line_and_the_released_program_passes()
    {
        var waitLines = new int[2];
        Func<Task> Model(bool release) => async () =>
        {
            var gate = new SemaphoreSlim(0);
            var first = LoomTask.Run(async () => { waitLines[0] = Line(); await gate.WaitAsync(); });
            var second = LoomTask.Run(async () => { waitLines[1] = Line(); await gate.WaitAsync(); });
            if (release)
                gate.Release(2);
            await Task.WhenAll(first, second);
        };

        var stuck = LoomModel.Explore(Model(release: false));
        var released = LoomModel.Explore(Model(release: true));

        var failure = Assert.IsType<LoomFailure>(stuck.Failure);
        Assert.Equal(FailureKind.Deadlock, failure.Kind);
        Assert.Contains($"SemaphoreSlim.WaitAsync at AsyncSemaphoreTests.cs:{waitLines[0]}", failure.Message);
        Assert.Contains($"SemaphoreSlim.WaitAsync at AsyncSemaphoreTests.cs:{waitLines[1]}", failure.Message);
        Assert.DoesNotContain("unknown location", failure.Message);
        Assert.True(released.Passed, released.Failure?.Report);
    }
}
