using System.Threading;
using Loom;
using Loom.Xunit;
using Xunit;

namespace Loom.Samples.Xunit;

public class CounterTests
{
    // Exhaustive by default (preemption bound 2): one test case per interleaving, named by its schedule.
    // Some of them fail: Loom prints the interleaving that loses an update and how to re-run it alone.
    [LoomTheory]
    public void Buggy_counter_loses_an_update()
    {
        var counter = new BuggyCounter();
        var t1 = new Thread(counter.Increment);
        var t2 = new Thread(counter.Increment);
        t1.Start();
        t2.Start();
        t1.Join();
        t2.Join();
        Assert.Equal(2, counter.Value);
    }

    [LoomTheory]
    public void Fixed_counter_keeps_every_update()
    {
        var counter = new FixedCounter();
        var t1 = new Thread(counter.Increment);
        var t2 = new Thread(counter.Increment);
        t1.Start();
        t2.Start();
        t1.Join();
        t2.Join();
        Assert.Equal(2, counter.Value);
    }

    // Random testing with PCT: 20 test cases, one per seed.
    [LoomTheory(Strategy = LoomStrategy.Pct, Seeds = 20)]
    public void Fixed_counter_keeps_every_update_under_pct()
    {
        var counter = new FixedCounter();
        var threads = new[] { new Thread(counter.Increment), new Thread(counter.Increment), new Thread(counter.Increment) };
        foreach (var thread in threads)
            thread.Start();
        foreach (var thread in threads)
            thread.Join();
        Assert.Equal(3, counter.Value);
    }
}
