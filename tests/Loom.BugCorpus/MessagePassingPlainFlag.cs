using Loom.Threading;

namespace Loom.BugCorpus;

/// <summary>
/// Bug: message passing through a plain flag. The producer writes the payload and then sets a plain
/// <c>ready</c> flag; the consumer polls the flag and reads the payload. Plain accesses create no
/// happens-before edge, so the flag and the payload are data races: the compiler or an ARM64 core may reorder
/// the two stores (or the two loads) and the consumer can see the flag set and a stale payload. The fields are
/// <see cref="TrackedField{T}"/>s, so Loom reports the race.
/// Fix: publish with <c>Volatile.Write</c> (release) and poll with
/// <c>Volatile.Read</c> (acquire): the payload write then happens before the payload read.
/// </summary>
public static class MessagePassingPlainFlag
{
    /// <summary>The corpus entry.</summary>
    public static CorpusProgram Program { get; } = new(
        Name: "message-passing-plain-flag",
        Bug: "The producer sets a plain ready flag after writing the payload; the plain flag orders nothing, so the flag and the payload accesses race.",
        Fix: "Volatile.Write the flag (release) and Volatile.Read it (acquire).",
        Buggy: Buggy,
        Fixed: Fixed,
        ExpectedKind: FailureKind.DataRace,
        Options: new LoomOptions())
    {
        RandomIterations = 200,
        PctIterations = 200,
    };

    /// <summary>The buggy model.</summary>
    public static void Buggy()
    {
        var mail = new PlainMailbox();
        var received = -1;
        var producer = new Thread(() =>
        {
            mail.Payload.Write(42);
            mail.Ready.Write(true);
        });
        var consumer = new Thread(() =>
        {
            if (mail.Ready.Read())
                received = mail.Payload.Read();
        });
        producer.Start();
        consumer.Start();
        producer.Join();
        consumer.Join();
        Check.That(received is -1 or 42, "The consumer saw the ready flag but a stale payload.");
    }

    /// <summary>The fixed model.</summary>
    public static void Fixed()
    {
        var mail = new VolatileMailbox();
        var received = -1;
        var producer = new Thread(() =>
        {
            mail.Payload.Write(42);
            Volatile.Write(ref mail.Ready, true);
        });
        var consumer = new Thread(() =>
        {
            if (Volatile.Read(ref mail.Ready))
                received = mail.Payload.Read();
        });
        producer.Start();
        consumer.Start();
        producer.Join();
        consumer.Join();
        Check.That(received is -1 or 42, "The consumer saw the ready flag but a stale payload.");
    }

    private sealed class PlainMailbox
    {
        public TrackedField<int> Payload;
        public TrackedField<bool> Ready;
    }

    private sealed class VolatileMailbox
    {
        public TrackedField<int> Payload;
        public bool Ready;
    }
}
