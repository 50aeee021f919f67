using Loom.Threading;

namespace Loom.BugCorpus;

/// <summary>
/// Bug: <see cref="CountdownEvent"/> misuse. Each worker signals the countdown before it publishes its result,
/// so the coordinator's <c>CountdownEvent.Wait</c> can return while a result is still missing.
/// Fix: publish the result, then signal; the signal then orders the write before the coordinator's read.
/// </summary>
public static class CountdownSignalBeforePublish
{
    private const int Workers = 2;

    /// <summary>The corpus entry.</summary>
    public static CorpusProgram Program { get; } = new(
        Name: "countdown-signal-before-publish",
        Bug: "Workers call CountdownEvent.Signal before writing their result; the coordinator's Wait returns and reads a missing result.",
        Fix: "Each worker writes its result first and signals last.",
        Buggy: Buggy,
        Fixed: Fixed,
        ExpectedKind: FailureKind.Exception,
        Options: new LoomOptions())
    {
        RandomIterations = 500,
        PctIterations = 500,
    };

    /// <summary>The buggy model.</summary>
    public static void Buggy() => Run(signalFirst: true);

    /// <summary>The fixed model.</summary>
    public static void Fixed() => Run(signalFirst: false);

    private static void Run(bool signalFirst)
    {
        var results = new int[Workers];
        using var done = new CountdownEvent(Workers);
        var threads = new Thread[Workers];
        for (var i = 0; i < Workers; i++)
        {
            var slot = i;
            threads[i] = new Thread(() =>
            {
                if (signalFirst)
                {
                    done.Signal();
                    Volatile.Write(ref results[slot], slot + 10);
                }
                else
                {
                    Volatile.Write(ref results[slot], slot + 10);
                    done.Signal();
                }
            });
        }
        foreach (var thread in threads)
            thread.Start();

        done.Wait();
        for (var i = 0; i < Workers; i++)
            Check.That(Volatile.Read(ref results[i]) == i + 10, "The coordinator read a result before its worker published it.");

        foreach (var thread in threads)
            thread.Join();
    }
}
