using System.Collections.Generic;
using Loom.Threading;

namespace Loom.BugCorpus;

/// <summary>
/// Bug: a Chase-Lev work-stealing deque whose owner takes the last item without a compare-and-swap. The owner
/// pops from the bottom and thieves steal from the top; when one item is left, both can reach it. The buggy
/// owner sees top == bottom, stores top + 1 with a plain write and keeps the item, while a thief that read the
/// old top in the meantime wins its CAS on top and keeps the same item: one task runs twice.
/// Fix: for the last item the owner races the thieves with <c>CompareExchange(ref top, t + 1, t)</c> and keeps
/// the item only if it wins, as in Chase and Lev's algorithm.
/// </summary>
public static class WorkStealingDeque
{
    /// <summary>The value <see cref="Deque.Pop"/> and <see cref="Deque.Steal"/> return when they get nothing.</summary>
    private const int Empty = 0;

    /// <summary>The corpus entry.</summary>
    public static CorpusProgram Program { get; } = new(
        Name: "work-stealing-deque",
        Bug: "The owner of a Chase-Lev deque takes the last item by storing top + 1 instead of CAS-ing it; a concurrent thief's CAS also succeeds and the item is taken twice.",
        Fix: "For the last item the owner CASes top like the thieves and keeps the item only if its CAS wins.",
        Buggy: Buggy,
        Fixed: Fixed,
        ExpectedKind: FailureKind.Exception,
        Options: new LoomOptions())
    {
        RandomIterations = 2000,
        PctIterations = 2000,
    };

    /// <summary>The buggy model.</summary>
    public static void Buggy() => Run(new Deque(casLastItem: false));

    /// <summary>The fixed model.</summary>
    public static void Fixed() => Run(new Deque(casLastItem: true));

    private static void Run(Deque deque)
    {
        // The owner (this thread) pushes two tasks before the thief exists, then pops until empty while the
        // thief tries one steal.
        deque.Push(1);
        deque.Push(2);
        var stolen = Empty;
        var thief = new Thread(() => stolen = deque.Steal());
        thief.Start();
        var popped = new List<int>();
        while (deque.Pop() is var task && task != Empty)
            popped.Add(task);
        thief.Join();

        if (stolen != Empty)
        {
            Check.That(!popped.Contains(stolen), "A task was taken by both the owner and the thief.");
            popped.Add(stolen);
        }
        popped.Sort();
        Check.That(popped.Count == 2 && popped[0] == 1 && popped[1] == 2, "Every task should have been taken exactly once.");
    }

    private sealed class Deque(bool casLastItem)
    {
        private readonly int[] _tasks = new int[8];
        private long _top;
        private long _bottom;

        /// <summary>Owner only.</summary>
        public void Push(int task)
        {
            var b = Volatile.Read(ref _bottom);
            _tasks[b] = task;
            Volatile.Write(ref _bottom, b + 1);
        }

        /// <summary>Owner only: takes the newest task.</summary>
        public int Pop()
        {
            var b = Volatile.Read(ref _bottom) - 1;
            // A full fence: the new bottom must be visible to thieves before top is read (store-load order).
            Interlocked.Exchange(ref _bottom, b);
            var t = Volatile.Read(ref _top);
            if (t > b)
            {
                Volatile.Write(ref _bottom, b + 1);
                return Empty;
            }
            var task = _tasks[b];
            if (t < b)
                return task;

            // The last task: thieves may be after it too.
            bool won;
            if (casLastItem)
            {
                won = Interlocked.CompareExchange(ref _top, t + 1, t) == t;
            }
            else
            {
                Volatile.Write(ref _top, t + 1);
                won = true;
            }
            Volatile.Write(ref _bottom, t + 1);
            return won ? task : Empty;
        }

        /// <summary>Any thread: takes the oldest task.</summary>
        public int Steal()
        {
            var t = Volatile.Read(ref _top);
            var b = Volatile.Read(ref _bottom);
            if (t >= b)
                return Empty;
            var task = _tasks[t];
            return Interlocked.CompareExchange(ref _top, t + 1, t) == t ? task : Empty;
        }
    }
}
