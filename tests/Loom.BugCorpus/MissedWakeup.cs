using Loom.Threading;

namespace Loom.BugCorpus;

/// <summary>
/// Bug: missed wake-up. The consumer calls <c>Monitor.Wait</c> unconditionally, assuming it
/// always starts waiting before the producer pulses. If the producer runs first, its
/// <c>Monitor.Pulse</c> wakes nobody and the consumer then waits forever.
/// Fix: the consumer waits only while the condition it needs is false (<c>while (!HasMail) Wait</c>).
/// </summary>
public static class MissedWakeup
{
    /// <summary>The corpus entry.</summary>
    public static CorpusProgram Program { get; } = new(
        Name: "missed-wakeup",
        Bug: "The consumer calls Monitor.Wait unconditionally; a Pulse sent before it waits is lost and it waits forever.",
        Fix: "The consumer waits only while the mail has not arrived (while (!hasMail) Monitor.Wait).",
        Buggy: Buggy,
        Fixed: Fixed,
        ExpectedKind: FailureKind.Deadlock,
        Options: new LoomOptions())
    {
        RandomIterations = 200,
        PctIterations = 200,
    };

    /// <summary>The buggy model.</summary>
    public static void Buggy() => Run(checkFirst: false);

    /// <summary>The fixed model.</summary>
    public static void Fixed() => Run(checkFirst: true);

    private static void Run(bool checkFirst)
    {
        var mailbox = new Mailbox();
        var received = 0;
        var consumer = new Thread(() =>
        {
            Monitor.Enter(mailbox.Gate);
            try
            {
                if (checkFirst)
                {
                    while (!mailbox.HasMail)
                        Monitor.Wait(mailbox.Gate);
                }
                else
                {
                    Monitor.Wait(mailbox.Gate);
                }
                received = mailbox.Mail;
            }
            finally
            {
                Monitor.Exit(mailbox.Gate);
            }
        });
        var producer = new Thread(() =>
        {
            Monitor.Enter(mailbox.Gate);
            try
            {
                mailbox.Mail = 42;
                mailbox.HasMail = true;
                Monitor.Pulse(mailbox.Gate);
            }
            finally
            {
                Monitor.Exit(mailbox.Gate);
            }
        });
        consumer.Start();
        producer.Start();
        consumer.Join();
        producer.Join();
        Check.That(received == 42, "The consumer did not receive the mail.");
    }

    private sealed class Mailbox
    {
        public readonly object Gate = new();
        public bool HasMail;
        public int Mail;
    }
}
