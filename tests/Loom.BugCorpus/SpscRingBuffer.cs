using Loom.Threading;

namespace Loom.BugCorpus;

/// <summary>
/// Bug: a lock-free single-producer single-consumer ring buffer that publishes its indices with plain writes.
/// The producer fills a slot and then advances <c>tail</c>; the consumer reads <c>tail</c>, then the slot, then
/// advances <c>head</c>. With plain index accesses nothing orders the slot write before the consumer's slot read
/// (an ARM64 core may make the new tail visible first), so the consumer can take a slot that is not filled yet;
/// the slots are <see cref="TrackedField{T}"/>s, so Loom reports the race. The indices themselves race by design
/// (each has one writer), so they are <see cref="RacyField{T}"/>s.
/// Fix: publish each index with <c>Volatile.Write</c> (release) and read the other side's with
/// <c>Volatile.Read</c> (acquire): a slot's write then happens before its read, and its read before its reuse.
/// </summary>
public static class SpscRingBuffer
{
    private const int Capacity = 2;
    private const int Items = 3;

    /// <summary>The corpus entry.</summary>
    public static CorpusProgram Program { get; } = new(
        Name: "spsc-ring-buffer",
        Bug: "A single-producer single-consumer ring buffer publishes tail and head with plain writes, so a slot's write and its read are not ordered.",
        Fix: "Publish the indices with Volatile.Write and read them with Volatile.Read.",
        Buggy: () => Run(new PlainIndices()),
        Fixed: () => Run(new VolatileIndices()),
        ExpectedKind: FailureKind.DataRace,
        Options: new LoomOptions())
    {
        RandomIterations = 500,
        PctIterations = 500,
    };

    private static void Run(Ring ring)
    {
        var received = new int[Items];
        var producer = new Thread(() =>
        {
            for (var item = 1; item <= Items; item++)
            {
                while (!ring.TryPush(item))
                    Thread.Yield();
            }
        });
        var consumer = new Thread(() =>
        {
            for (var i = 0; i < Items; i++)
            {
                int item;
                while (!ring.TryPop(out item))
                    Thread.Yield();
                received[i] = item;
            }
        });
        producer.Start();
        consumer.Start();
        producer.Join();
        consumer.Join();
        Check.That(received[0] == 1 && received[1] == 2 && received[2] == 3, $"The consumer received {string.Join(", ", received)} instead of 1, 2, 3.");
    }

    /// <summary>The ring itself; only how the indices are published differs between the two versions.</summary>
    private abstract class Ring
    {
        private readonly TrackedField<int>[] _slots = new TrackedField<int>[Capacity];

        protected abstract int ReadHead();

        protected abstract int ReadTail();

        protected abstract void PublishHead(int head);

        protected abstract void PublishTail(int tail);

        // The producer owns tail and the consumer owns head: each reads its own index without ordering.
        protected int OwnHead { get; set; }

        protected int OwnTail { get; set; }

        public bool TryPush(int item)
        {
            if (OwnTail - ReadHead() == Capacity)
                return false;
            _slots[OwnTail % Capacity].Write(item);
            OwnTail++;
            PublishTail(OwnTail);
            return true;
        }

        public bool TryPop(out int item)
        {
            item = 0;
            if (ReadTail() == OwnHead)
                return false;
            item = _slots[OwnHead % Capacity].Read();
            OwnHead++;
            PublishHead(OwnHead);
            return true;
        }
    }

    private sealed class PlainIndices : Ring
    {
        private RacyField<int> _head;
        private RacyField<int> _tail;

        protected override int ReadHead() => _head.Read();

        protected override int ReadTail() => _tail.Read();

        protected override void PublishHead(int head) => _head.Write(head);

        protected override void PublishTail(int tail) => _tail.Write(tail);
    }

    private sealed class VolatileIndices : Ring
    {
        private int _head;
        private int _tail;

        protected override int ReadHead() => Volatile.Read(ref _head);

        protected override int ReadTail() => Volatile.Read(ref _tail);

        protected override void PublishHead(int head) => Volatile.Write(ref _head, head);

        protected override void PublishTail(int tail) => Volatile.Write(ref _tail, tail);
    }
}
