using System.Collections.Generic;
using Loom.Threading;

namespace Loom.BugCorpus;

/// <summary>
/// Bug: stolen wake-up. A bounded buffer guards <c>Monitor.Wait</c> with <c>if</c> instead of
/// <c>while</c>. A consumer woken by the producer's pulse must re-acquire the monitor, and another consumer can
/// take the item first; the woken consumer does not re-check and dequeues from an empty queue.
/// Fix: every wait sits in a <c>while</c> loop that re-checks the condition after waking.
/// </summary>
public static class BoundedBufferStolenWakeup
{
    private const int Capacity = 1;

    /// <summary>The corpus entry.</summary>
    public static CorpusProgram Program { get; } = new(
        Name: "bounded-buffer-stolen-wakeup",
        Bug: "A bounded buffer waits with 'if' instead of 'while'; a second consumer takes the item between the pulse and the woken consumer's return, which then dequeues from an empty queue.",
        Fix: "Each Monitor.Wait sits in a while loop that re-checks the condition after waking.",
        Buggy: Buggy,
        Fixed: Fixed,
        ExpectedKind: FailureKind.Exception,
        Options: new LoomOptions())
    {
        RandomIterations = 500,
        PctIterations = 500,
    };

    /// <summary>The buggy model.</summary>
    public static void Buggy() => Run(recheck: false);

    /// <summary>The fixed model.</summary>
    public static void Fixed() => Run(recheck: true);

    private static void Run(bool recheck)
    {
        var buffer = new Buffer(recheck);
        var taken = new int[2];
        var producer = new Thread(() =>
        {
            buffer.Put(1);
            buffer.Put(2);
        });
        var firstConsumer = new Thread(() => taken[0] = buffer.Take());
        var secondConsumer = new Thread(() => taken[1] = buffer.Take());
        firstConsumer.Start();
        secondConsumer.Start();
        producer.Start();
        firstConsumer.Join();
        secondConsumer.Join();
        producer.Join();
        Check.That(taken[0] + taken[1] == 3 && taken[0] != taken[1], "Each consumer should have taken one of the two items.");
    }

    private sealed class Buffer(bool recheck)
    {
        private readonly object _gate = new();
        private readonly Queue<int> _items = new();

        public void Put(int item)
        {
            Monitor.Enter(_gate);
            try
            {
                if (recheck)
                {
                    while (_items.Count == Capacity)
                        Monitor.Wait(_gate);
                }
                else if (_items.Count == Capacity)
                {
                    Monitor.Wait(_gate);
                }
                _items.Enqueue(item);
                Monitor.PulseAll(_gate);
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
                if (recheck)
                {
                    while (_items.Count == 0)
                        Monitor.Wait(_gate);
                }
                else if (_items.Count == 0)
                {
                    Monitor.Wait(_gate);
                }
                // Queue<T>.Dequeue throws InvalidOperationException on an empty queue: the stolen wake-up.
                var item = _items.Dequeue();
                Monitor.PulseAll(_gate);
                return item;
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }
    }
}
