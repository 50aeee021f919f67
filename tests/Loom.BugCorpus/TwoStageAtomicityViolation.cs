using System;
using System.Collections.Generic;
using Loom.Threading;

namespace Loom.BugCorpus;

/// <summary>
/// Bug: atomicity violation across two critical sections (two-stage access). Each worker checks that the queue
/// is non-empty in one critical section and dequeues in a second one; between the two, another worker takes the
/// last item, so the dequeue finds the queue empty. Every access is locked, yet the check-and-take is not atomic.
/// Fix: check and take in one critical section.
/// </summary>
public static class TwoStageAtomicityViolation
{
    /// <summary>The corpus entry.</summary>
    public static CorpusProgram Program { get; } = new(
        Name: "two-stage-atomicity-violation",
        Bug: "Workers check the queue is non-empty in one critical section and dequeue in another; another worker takes the last item in between.",
        Fix: "Check and dequeue in one critical section (TryDequeue under the lock).",
        Buggy: Buggy,
        Fixed: Fixed,
        ExpectedKind: FailureKind.Exception,
        Options: new LoomOptions())
    {
        PreemptionsNeeded = 1,
        RandomIterations = 200,
        PctIterations = 200,
    };

    /// <summary>The buggy model.</summary>
    public static void Buggy() => Run(static (gate, queue) =>
    {
        bool hasWork;
        Monitor.Enter(gate);
        try
        {
            hasWork = queue.Count > 0;
        }
        finally
        {
            Monitor.Exit(gate);
        }
        if (!hasWork)
            return null;
        Monitor.Enter(gate);
        try
        {
            // Queue<T>.Dequeue throws InvalidOperationException if another worker emptied the queue meanwhile.
            return queue.Dequeue();
        }
        finally
        {
            Monitor.Exit(gate);
        }
    });

    /// <summary>The fixed model.</summary>
    public static void Fixed() => Run(static (gate, queue) =>
    {
        Monitor.Enter(gate);
        try
        {
            return queue.TryDequeue(out var job) ? job : null;
        }
        finally
        {
            Monitor.Exit(gate);
        }
    });

    private static void Run(Func<object, Queue<string>, string?> takeJob)
    {
        var gate = new object();
        var queue = new Queue<string>();
        queue.Enqueue("only-job");
        var done = new string?[2];
        var first = new Thread(() => done[0] = takeJob(gate, queue));
        var second = new Thread(() => done[1] = takeJob(gate, queue));
        first.Start();
        second.Start();
        first.Join();
        second.Join();
        Check.That((done[0] is null) != (done[1] is null), "Exactly one worker should have taken the only job.");
    }
}
