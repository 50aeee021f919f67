using Loom.Threading;
using Xunit;

namespace Loom.Tests.Engine;

public class SmokeTests
{
    private sealed class Box
    {
        public int Value;
        public int Other;
    }

    [Fact]
    public void Lost_update_is_found()
    {
        var result = LoomModel.Explore(() =>
        {
            var box = new Box();
            var t1 = new Thread(() => { var v = Volatile_Read(ref box.Value); Interlocked.Exchange(ref box.Value, v + 1); });
            var t2 = new Thread(() => { var v = Volatile_Read(ref box.Value); Interlocked.Exchange(ref box.Value, v + 1); });
            t1.Start();
            t2.Start();
            t1.Join();
            t2.Join();
            if (box.Value != 2)
                throw new System.InvalidOperationException($"expected 2, got {box.Value}");
        });
        Assert.NotNull(result.Failure);
        Assert.Equal(FailureKind.Exception, result.Failure!.Kind);
        System.Console.WriteLine(result.Failure.Report);
        System.Console.WriteLine(result.Summary);
    }

    private static int Volatile_Read(ref int x) => Interlocked.CompareExchange(ref x, 0, 0);

    [Fact]
    public void Cas_loop_passes_exhaustively()
    {
        var result = LoomModel.Explore(() =>
        {
            var box = new Box();
            System.Threading.ThreadStart inc = () => { int v; do { v = Volatile_Read(ref box.Value); } while (Interlocked.CompareExchange(ref box.Value, v + 1, v) != v); };
            var t1 = new Thread(inc);
            var t2 = new Thread(inc);
            t1.Start();
            t2.Start();
            t1.Join();
            t2.Join();
            if (box.Value != 2)
                throw new System.InvalidOperationException($"expected 2, got {box.Value}");
        });
        System.Console.WriteLine(result.Summary);
        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
    }

    [Fact]
    public void Store_buffering_with_interlocked_takes_three_executions()
    {
        var result = LoomModel.Explore(() =>
        {
            var box = new Box();
            var t1 = new Thread(() => { Interlocked.Exchange(ref box.Value, 1); Volatile_Read(ref box.Other); });
            var t2 = new Thread(() => { Interlocked.Exchange(ref box.Other, 1); Volatile_Read(ref box.Value); });
            t1.Start();
            t2.Start();
            t1.Join();
            t2.Join();
        });
        System.Console.WriteLine(result.Summary + " " + string.Join(" | ", result.Schedules));
        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(3, result.Executions);
    }

    [Fact]
    public void Deadlock_is_found()
    {
        var result = LoomModel.Explore(() =>
        {
            object a = new(), b = new();
            var t1 = new Thread(() => { Monitor.Enter(a); Monitor.Enter(b); Monitor.Exit(b); Monitor.Exit(a); });
            var t2 = new Thread(() => { Monitor.Enter(b); Monitor.Enter(a); Monitor.Exit(a); Monitor.Exit(b); });
            t1.Start();
            t2.Start();
            t1.Join();
            t2.Join();
        });
        Assert.Equal(FailureKind.Deadlock, result.Failure?.Kind);
        System.Console.WriteLine(result.Failure!.Report);
    }
}
