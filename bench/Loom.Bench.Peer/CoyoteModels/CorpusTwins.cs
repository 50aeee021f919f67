using System;
using System.Collections.Generic;
using System.Threading;

namespace Loom.Bench.Peer.CoyoteModels;

/// <summary>
/// Coyote twins of the bug corpus's fixed programs (tests/Loom.BugCorpus): the same bodies with System.Threading in
/// place of Loom.Threading, for the programs whose primitives Coyote 1.7.11 controls (threads, Monitor, Volatile,
/// Interlocked, AutoResetEvent, SemaphoreSlim). Each method is named after the corpus program it mirrors.
/// </summary>
public static partial class CorpusTwins
{
    /// <summary>The twins by corpus name, in the corpus's order.</summary>
    public static IReadOnlyList<KeyValuePair<string, Action>> Fixed { get; } =
    [
        new("lost-update", LostUpdate),
        new("lazy-initialization", LazyInitialization),
        new("abba-deadlock", AbbaDeadlock),
        new("missed-wakeup", MissedWakeup),
        new("bounded-buffer-stolen-wakeup", BoundedBufferStolenWakeup),
        new("auto-reset-event-lost-signal", AutoResetEventLostSignal),
        new("two-stage-atomicity-violation", TwoStageAtomicityViolation),
        new("account-transfer", AccountTransfer),
        new("treiber-stack-aba", TreiberStackAba),
        new("semaphore-permit-leak", SemaphorePermitLeak),
    ];

    /// <summary>lost-update, buggy: a Volatile read then write; Coyote must find the lost increment (sanity check).</summary>
    public static void LostUpdateBuggy() => TwoIncrements(static counter =>
    {
        var seen = Volatile.Read(ref counter[0]);
        Volatile.Write(ref counter[0], seen + 1);
    });

    /// <summary>lost-update, fixed: Interlocked.Increment.</summary>
    public static void LostUpdate() => TwoIncrements(static counter => Interlocked.Increment(ref counter[0]));

    /// <summary>lazy-initialization, fixed: double-checked locking.</summary>
    public static void LazyInitialization()
    {
        var gate = new object();
        var instance = new object?[1];
        var constructed = new int[1];
        object GetInstance()
        {
            var current = Volatile.Read(ref instance[0]);
            if (current is not null)
                return current;
            Monitor.Enter(gate);
            try
            {
                current = Volatile.Read(ref instance[0]);
                if (current is null)
                {
                    current = new Connection(Interlocked.Increment(ref constructed[0]));
                    Volatile.Write(ref instance[0], current);
                }
                return current;
            }
            finally
            {
                Monitor.Exit(gate);
            }
        }

        var seen = new object?[2];
        var first = new Thread(() => seen[0] = GetInstance());
        var second = new Thread(() => seen[1] = GetInstance());
        first.Start();
        second.Start();
        first.Join();
        second.Join();
        Check(ReferenceEquals(seen[0], seen[1]), "The two callers got different instances of the lazily created connection.");
        Check(Volatile.Read(ref constructed[0]) == 1, "The connection was constructed more than once.");
    }

    /// <summary>abba-deadlock, fixed: both threads lock A before B.</summary>
    public static void AbbaDeadlock()
    {
        var a = new object();
        var b = new object();
        var moved = new int[1];
        var first = new Thread(() => Move(a, b, moved));
        var second = new Thread(() => Move(a, b, moved));
        first.Start();
        second.Start();
        first.Join();
        second.Join();
        Check(moved[0] == 2, "Both moves should have completed.");
    }

    /// <summary>missed-wakeup, fixed: the consumer waits only while the mail has not arrived.</summary>
    public static void MissedWakeup()
    {
        var gate = new object();
        var hasMail = false;
        var mail = 0;
        var received = 0;
        var consumer = new Thread(() =>
        {
            Monitor.Enter(gate);
            try
            {
                while (!hasMail)
                    Monitor.Wait(gate);
                received = mail;
            }
            finally
            {
                Monitor.Exit(gate);
            }
        });
        var producer = new Thread(() =>
        {
            Monitor.Enter(gate);
            try
            {
                mail = 42;
                hasMail = true;
                Monitor.Pulse(gate);
            }
            finally
            {
                Monitor.Exit(gate);
            }
        });
        consumer.Start();
        producer.Start();
        consumer.Join();
        producer.Join();
        Check(received == 42, "The consumer did not receive the mail.");
    }

    /// <summary>auto-reset-event-lost-signal, fixed: the consumer drains every available item after each wake-up.</summary>
    public static void AutoResetEventLostSignal()
    {
        const int items = 2;
        var available = new int[1];
        var consumed = 0;
        using var itemReady = new AutoResetEvent(false);
        var consumer = new Thread(() =>
        {
            while (consumed < items)
            {
                itemReady.WaitOne();
                consumed += Interlocked.Exchange(ref available[0], 0);
            }
        });
        var producer = new Thread(() =>
        {
            for (var i = 0; i < items; i++)
            {
                Interlocked.Increment(ref available[0]);
                itemReady.Set();
            }
        });
        consumer.Start();
        producer.Start();
        consumer.Join();
        producer.Join();
        Check(consumed == items, "The consumer should have consumed every item.");
    }

    /// <summary>two-stage-atomicity-violation, fixed: check and dequeue in one critical section.</summary>
    public static void TwoStageAtomicityViolation()
    {
        var gate = new object();
        var queue = new Queue<string>();
        queue.Enqueue("only-job");
        string? TakeJob()
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
        }

        var done = new string?[2];
        var first = new Thread(() => done[0] = TakeJob());
        var second = new Thread(() => done[1] = TakeJob());
        first.Start();
        second.Start();
        first.Join();
        second.Join();
        Check((done[0] is null) != (done[1] is null), "Exactly one worker should have taken the only job.");
    }

    /// <summary>semaphore-permit-leak, fixed: both paths release the permit in a finally block.</summary>
    public static void SemaphorePermitLeak()
    {
        const int callsPerWorker = 2;
        using var pool = new SemaphoreSlim(1, 1);
        var uses = new int[1];
        void Work()
        {
            for (var call = 0; call < callsPerWorker; call++)
            {
                if (pool.Wait(0))
                {
                    try
                    {
                        Interlocked.Increment(ref uses[0]);
                    }
                    finally
                    {
                        pool.Release();
                    }
                    continue;
                }
                pool.Wait();
                try
                {
                    Interlocked.Increment(ref uses[0]);
                }
                finally
                {
                    pool.Release();
                }
            }
        }

        var first = new Thread(Work);
        var second = new Thread(Work);
        first.Start();
        second.Start();
        first.Join();
        second.Join();
        Check(uses[0] == 2 * callsPerWorker, "Every call should have used the connection.");
        Check(pool.CurrentCount == 1, "The pool's permit leaked.");
    }

    private static void TwoIncrements(Action<int[]> increment)
    {
        var counter = new int[1];
        var first = new Thread(() => increment(counter));
        var second = new Thread(() => increment(counter));
        first.Start();
        second.Start();
        first.Join();
        second.Join();
        Check(Volatile.Read(ref counter[0]) == 2, "An increment was lost: the counter is not 2 after two increments.");
    }

    private static void Move(object outer, object inner, int[] moved)
    {
        Monitor.Enter(outer);
        try
        {
            Monitor.Enter(inner);
            try
            {
                moved[0]++;
            }
            finally
            {
                Monitor.Exit(inner);
            }
        }
        finally
        {
            Monitor.Exit(outer);
        }
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
            throw new InvalidOperationException(message);
    }

    private sealed record Connection(int Serial);
}
