using System.Collections.Generic;
using Loom.Threading;

namespace Loom.BugCorpus;

/// <summary>
/// Bug: wrong waiter woken. Producers and consumers of a bounded buffer wait on the same monitor, and each side
/// wakes one waiter with <c>Monitor.Pulse</c>. A consumer that takes the last item can wake the
/// other consumer instead of the waiting producer; that consumer finds the buffer empty and waits again, and
/// now everyone waits.
/// Fix: <c>Monitor.PulseAll</c>, so the waiter whose condition changed is always among those woken
/// (every wait re-checks its condition in a <c>while</c> loop in both versions).
/// </summary>
public static class BoundedBufferPulseWrongWaiter
{
    private const int Capacity = 1;

    /// <summary>The corpus entry.</summary>
    public static CorpusProgram Program { get; } = new(
        Name: "bounded-buffer-pulse-wrong-waiter",
        Bug: "Producer and consumers share one monitor and wake one waiter with Pulse; a consumer wakes the other consumer instead of the waiting producer and all threads end up waiting.",
        Fix: "PulseAll wakes every waiter; each re-checks its condition in a while loop.",
        Buggy: Buggy,
        Fixed: Fixed,
        ExpectedKind: FailureKind.Deadlock,
        Options: new LoomOptions())
    {
        RandomIterations = 500,
        PctIterations = 500,
    };

    /// <summary>The buggy model.</summary>
    public static void Buggy() => Run(wakeAll: false);

    /// <summary>The fixed model.</summary>
    public static void Fixed() => Run(wakeAll: true);

    private static void Run(bool wakeAll)
    {
        var buffer = new Buffer(wakeAll);
        var taken = new int[2];
        var firstConsumer = new Thread(() => taken[0] = buffer.Take());
        var secondConsumer = new Thread(() => taken[1] = buffer.Take());
        var producer = new Thread(() =>
        {
            buffer.Put(1);
            buffer.Put(2);
        });
        firstConsumer.Start();
        secondConsumer.Start();
        producer.Start();
        firstConsumer.Join();
        secondConsumer.Join();
        producer.Join();
        Check.That(taken[0] + taken[1] == 3, "Each consumer should have taken one of the two items.");
    }

    private sealed class Buffer(bool wakeAll)
    {
        private readonly object _gate = new();
        private readonly Queue<int> _items = new();

        public void Put(int item)
        {
            Monitor.Enter(_gate);
            try
            {
                while (_items.Count == Capacity)
                    Monitor.Wait(_gate);
                _items.Enqueue(item);
                Wake();
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }

        public int Take()
        {
            Monitor.Enter(_gate);
            try
            {
                while (_items.Count == 0)
                    Monitor.Wait(_gate);
                var item = _items.Dequeue();
                Wake();
                return item;
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }

        private void Wake()
        {
            if (wakeAll)
                Monitor.PulseAll(_gate);
            else
                Monitor.Pulse(_gate);
        }
    }
}
