using Loom.Threading;

namespace Loom.BugCorpus;

/// <summary>
/// Bug: a lock leaked on an early-return path. A worker takes a monitor, and if it sees a cancellation request
/// it returns without exiting the monitor. Whether it does depends on whether the request arrives before its
/// check, so most runs pass; when it does, the monitor is still held when the test body ends, and every later
/// caller would block forever.
/// Fix: exit the monitor in a <c>finally</c> block.
/// </summary>
public static class EarlyReturnLockLeak
{
    /// <summary>The corpus entry.</summary>
    public static CorpusProgram Program { get; } = new(
        Name: "early-return-lock-leak",
        Bug: "A worker returns early on cancellation while holding a Monitor; the lock is still held when the body ends.",
        Fix: "Exit the monitor in a finally block.",
        Buggy: Buggy,
        Fixed: Fixed,
        ExpectedKind: FailureKind.LockLeaked,
        Options: new LoomOptions())
    {
        RandomIterations = 200,
        PctIterations = 200,
    };

    /// <summary>The buggy model.</summary>
    public static void Buggy() => Run(exitInFinally: false);

    /// <summary>The fixed model.</summary>
    public static void Fixed() => Run(exitInFinally: true);

    private static void Run(bool exitInFinally)
    {
        var job = new Job();
        var worker = new Thread(() =>
        {
            if (exitInFinally)
                WorkExitingInFinally(job);
            else
                WorkLeakingOnCancel(job);
        });
        worker.Start();
        Volatile.Write(ref job.CancelRequested, true);
        worker.Join();
    }

    private static void WorkLeakingOnCancel(Job job)
    {
        Monitor.Enter(job.Gate);
        if (Volatile.Read(ref job.CancelRequested))
            return;
        job.Steps++;
        Monitor.Exit(job.Gate);
    }

    private static void WorkExitingInFinally(Job job)
    {
        Monitor.Enter(job.Gate);
        try
        {
            if (Volatile.Read(ref job.CancelRequested))
                return;
            job.Steps++;
        }
        finally
        {
            Monitor.Exit(job.Gate);
        }
    }

    private sealed class Job
    {
        public readonly object Gate = new();
        public bool CancelRequested;
        public int Steps;
    }
}
