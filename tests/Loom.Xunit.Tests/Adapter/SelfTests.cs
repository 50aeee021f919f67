using System;
using System.Threading.Tasks;
using Loom.Threading;
using Xunit;

namespace Loom.Xunit.Tests.Adapter;

// [LoomTheory] used in this suite itself: these cases are discovered, serialized and run by the same runner
// that runs the rest of the tests, so a broken adapter breaks the build here too.
public sealed class SelfTests : IDisposable
{
    private static int s_live;
    private readonly int _value;

    public SelfTests()
    {
        s_live++;
        _value = 0;
    }

    public void Dispose() => s_live--;

    [LoomTheory]
    public void Atomic_increments_are_never_lost()
    {
        // Each execution has its own instance, and the previous one is already disposed.
        Assert.Equal(1, s_live);
        var value = _value;
        var t1 = new Thread(() => Interlocked.Increment(ref value));
        t1.Start();
        Interlocked.Increment(ref value);
        t1.Join();
        Assert.Equal(2, Interlocked.CompareExchange(ref value, 0, 0));
    }

    [LoomTheory(Strategy = LoomStrategy.Pct, Seeds = 5)]
    public async Task Async_theories_run_too()
    {
        await Task.CompletedTask;
        var value = 0;
        var t1 = new Thread(() => Interlocked.Increment(ref value));
        t1.Start();
        t1.Join();
        Assert.Equal(1, Interlocked.CompareExchange(ref value, 0, 0));
    }
}
