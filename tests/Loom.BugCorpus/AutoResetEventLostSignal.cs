using Loom.Threading;

namespace Loom.BugCorpus;

/// <summary>
/// Bug: lost signal. The producer sets an <see cref="AutoResetEvent"/> once per item and the consumer waits once
/// per item, as if the event counted. An event is only on or off: two sets before the consumer's first wait
/// leave one signal, and the consumer's second wait blocks forever.
/// Fix: the event only says "something may have arrived"; after each wake-up the consumer takes every item
/// available (an atomic exchange of the count), and waits again only while it still needs items.
/// </summary>
public static class AutoResetEventLostSignal
{
    private const int Items = 2;

    /// <summary>The corpus entry.</summary>
    public static CorpusProgram Program { get; } = new(
        Name: "auto-reset-event-lost-signal",
        Bug: "The consumer waits on an AutoResetEvent once per item; two Sets before its first wait collapse into one and its second wait never returns.",
        Fix: "After each wake-up the consumer takes every available item (Interlocked.Exchange of the count) and waits only while it still needs more.",
        Buggy: Buggy,
        Fixed: Fixed,
        ExpectedKind: FailureKind.Deadlock,
        Options: new LoomOptions())
    {
        RandomIterations = 500,
        PctIterations = 500,
    };

    /// <summary>The buggy model.</summary>
    public static void Buggy() => Run(drain: false);

    /// <summary>The fixed model.</summary>
    public static void Fixed() => Run(drain: true);

    private static void Run(bool drain)
    {
        var available = new int[1];
        var consumed = 0;
        using var itemReady = new AutoResetEvent(false);
        var consumer = new Thread(() =>
        {
            if (drain)
            {
                while (consumed < Items)
                {
                    itemReady.WaitOne();
                    consumed += Interlocked.Exchange(ref available[0], 0);
                }
            }
            else
            {
                for (var i = 0; i < Items; i++)
                {
                    itemReady.WaitOne();
                    Interlocked.Decrement(ref available[0]);
                    consumed++;
                }
            }
        });
        var producer = new Thread(() =>
        {
            for (var i = 0; i < Items; i++)
            {
                Interlocked.Increment(ref available[0]);
                itemReady.Set();
            }
        });
        consumer.Start();
        producer.Start();
        consumer.Join();
        producer.Join();
        Check.That(consumed == Items, "The consumer should have consumed every item.");
    }
}
