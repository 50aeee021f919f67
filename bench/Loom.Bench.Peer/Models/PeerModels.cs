// One source for both tools: the Loom bench compiles it against Loom.Threading and LoomTask, the Coyote models'
// assembly (COYOTE_TWIN) against System.Threading and Task, which `coyote rewrite` then redirects to Coyote's types.
using System;
using System.Threading.Tasks;
#if COYOTE_TWIN
using System.Threading;
using Spawn = System.Threading.Tasks.Task;

namespace Loom.Bench.Peer.CoyoteModels;
#else
using Loom.Threading;
using Spawn = Loom.Threading.Tasks.LoomTask;

namespace Loom.Bench.Peer.LoomModels;
#endif

/// <summary>The peer benchmark's own models (issue #19), the same program text for Loom and for Coyote.</summary>
public static class PeerModels
{
    /// <summary>Two threads each do two compare-exchange-loop increments; the body joins and checks 4.</summary>
    public static void CasLoopTwoThreadsTwoIncrements()
    {
        var cell = new Cell();
        var threads = new[] { new Thread(() => CasIncrement(cell, 2)), new Thread(() => CasIncrement(cell, 2)) };
        StartAndJoin(threads);
        Check(cell.Value == 4, "lost increment");
    }

    /// <summary>Three tasks each await Task.Yield twice around one Interlocked.Increment; the body awaits all three.</summary>
    public static async Task ThreeTasksTwoYields()
    {
        var cell = new Cell();
        async Task Work()
        {
            await Task.Yield();
            Interlocked.Increment(ref cell.Value);
            await Task.Yield();
        }

        // An explicit array: C# 13 would otherwise bind the params ReadOnlySpan overload, which Coyote 1.7.11 does not rewrite.
        await Task.WhenAll(new[] { Spawn.Run(Work), Spawn.Run(Work), Spawn.Run(Work) });
        Check(Volatile.Read(ref cell.Value) == 3, "lost increment");
    }

    /// <summary>Three threads increment a plain counter under one lock.</summary>
    public static void LockThreeThreads()
    {
        var gate = new object();
        var cell = new Cell();
        var threads = new Thread[3];
        for (var i = 0; i < threads.Length; i++)
        {
            threads[i] = new Thread(() =>
            {
                Monitor.Enter(gate);
                try
                {
                    cell.Value++;
                }
                finally
                {
                    Monitor.Exit(gate);
                }
            });
        }
        StartAndJoin(threads);
        Check(cell.Value == 3, "lost increment");
    }

    /// <summary>Three threads each do one compare-exchange-loop increment of one counter.</summary>
    public static void CasCounterThreeThreads()
    {
        var cell = new Cell();
        var threads = new[] { new Thread(() => CasIncrement(cell, 1)), new Thread(() => CasIncrement(cell, 1)), new Thread(() => CasIncrement(cell, 1)) };
        StartAndJoin(threads);
        Check(cell.Value == 3, "lost increment");
    }

    /// <summary>Two threads each push a fresh node on a Treiber stack and pop one; every value comes out once.</summary>
    public static void TreiberStackPushPop()
    {
        var stack = new TreiberStack();
        var popped = new int[2];
        var threads = new[]
        {
            new Thread(() => { stack.Push(1); popped[0] = stack.Pop(); }),
            new Thread(() => { stack.Push(2); popped[1] = stack.Pop(); }),
        };
        StartAndJoin(threads);
        Check(popped[0] + popped[1] == 3 && popped[0] != popped[1], "a value was popped twice or lost");
        Check(stack.Pop() == 0, "the stack should be empty");
    }

    private static void CasIncrement(Cell cell, int times)
    {
        for (var i = 0; i < times; i++)
        {
            int seen;
            do
            {
                seen = Interlocked.CompareExchange(ref cell.Value, 0, 0);
            }
            while (Interlocked.CompareExchange(ref cell.Value, seen + 1, seen) != seen);
        }
    }

    private static void StartAndJoin(Thread[] threads)
    {
        foreach (var thread in threads)
            thread.Start();
        foreach (var thread in threads)
            thread.Join();
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
            throw new InvalidOperationException(message);
    }

    private sealed class Cell
    {
        public int Value;
    }

    private sealed class Node(int value, Node? next)
    {
        public int Value { get; } = value;

        public Node? Next { get; } = next;
    }

    /// <summary>Nodes are never reused (each push allocates), so compare-exchange on the reference has no ABA.</summary>
    private sealed class TreiberStack
    {
        private Node? _head;

        public void Push(int value)
        {
            while (true)
            {
                var top = Volatile.Read(ref _head);
                if (ReferenceEquals(Interlocked.CompareExchange(ref _head, new Node(value, top), top), top))
                    return;
            }
        }

        /// <summary>The popped value, or 0 on an empty stack.</summary>
        public int Pop()
        {
            while (true)
            {
                var top = Volatile.Read(ref _head);
                if (top is null)
                    return 0;
                if (ReferenceEquals(Interlocked.CompareExchange(ref _head, top.Next, top), top))
                    return top.Value;
            }
        }
    }
}
