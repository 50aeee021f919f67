using System.Collections.Generic;
using Loom.Threading;

namespace Loom.BugCorpus;

/// <summary>
/// Bug: ABA in a Treiber stack that reuses nodes. A popping thread reads the head A and its successor B, and is
/// preempted. Another thread pops A, pops B (B goes back to its pool), and pushes A again with a new value. The
/// head is A once more, so the first thread's <c>CompareExchange(ref head, B, A)</c> succeeds and installs
/// B, a node that is no longer on the stack: B's value is popped twice and the pushed value's successor is lost.
/// Reference comparison cannot tell "still A" from "A again" once nodes are recycled.
/// Fix: compare-and-swap an immutable (node, version) snapshot of the head instead of the node itself. Every
/// successful operation installs a fresh snapshot, and snapshots are never reused, so a changed head is always
/// a different reference (the managed equivalent of a tagged pointer).
/// </summary>
public static class TreiberStackAba
{
    /// <summary>The corpus entry.</summary>
    public static CorpusProgram Program { get; } = new(
        Name: "treiber-stack-aba",
        Bug: "A Treiber stack recycles nodes; a pop preempted between reading head A and its CAS succeeds after A was popped, B freed and A pushed again, installing the freed node B.",
        Fix: "CAS an immutable (node, version) head snapshot, never reused, instead of the node reference.",
        Buggy: Buggy,
        Fixed: Fixed,
        ExpectedKind: FailureKind.Exception,
        Options: new LoomOptions())
    {
        RandomIterations = 2000,
        PctIterations = 2000,
    };

    /// <summary>The buggy model.</summary>
    public static void Buggy() => Run(new NodeStack());

    /// <summary>The fixed model.</summary>
    public static void Fixed() => Run(new VersionedStack());

    private static void Run(IStack stack)
    {
        // The stack holds 1 (top), 2, 3 before any thread starts.
        stack.Push(new Node { Value = 3 });
        stack.Push(new Node { Value = 2 });
        stack.Push(new Node { Value = 1 });
        var victimGot = new List<int>();
        var recyclerGot = new List<int>();
        var victim = new Thread(() =>
        {
            if (stack.Pop() is { } node)
                victimGot.Add(node.Value);
        });
        var recycler = new Thread(() =>
        {
            var first = stack.Pop()!;
            var second = stack.Pop()!;
            recyclerGot.Add(first.Value);
            recyclerGot.Add(second.Value);
            // Recycle the first node from this thread's pool for a new value (the second stays in the pool).
            first.Value = 4;
            stack.Push(first);
        });
        victim.Start();
        recycler.Start();
        victim.Join();
        recycler.Join();

        var all = new List<int>(victimGot);
        all.AddRange(recyclerGot);
        while (stack.Pop() is { } rest)
        {
            all.Add(rest.Value);
            Check.That(all.Count <= 4, "The stack has more nodes than were pushed: it links a recycled node.");
        }
        all.Sort();
        Check.That(all.Count == 4 && all[0] == 1 && all[1] == 2 && all[2] == 3 && all[3] == 4, "Every pushed value should be popped exactly once: a value was duplicated or lost (ABA).");
    }

    private interface IStack
    {
        void Push(Node node);

        Node? Pop();
    }

    private sealed class Node
    {
        public int Value;
        public Node? Next;
    }

    /// <summary>The buggy stack: the head is a node reference, compared by identity.</summary>
    private sealed class NodeStack : IStack
    {
        private Node? _head;

        public void Push(Node node)
        {
            while (true)
            {
                var top = Volatile.Read(ref _head);
                node.Next = top;
                if (ReferenceEquals(Interlocked.CompareExchange(ref _head, node, top), top))
                    return;
            }
        }

        public Node? Pop()
        {
            while (true)
            {
                var top = Volatile.Read(ref _head);
                if (top is null)
                    return null;
                var next = top.Next;
                if (ReferenceEquals(Interlocked.CompareExchange(ref _head, next, top), top))
                    return top;
            }
        }
    }

    /// <summary>The fixed stack: the head is an immutable snapshot that is never reused.</summary>
    private sealed class VersionedStack : IStack
    {
        private Head _head = new(null, 0);

        public void Push(Node node)
        {
            while (true)
            {
                var top = Volatile.Read(ref _head);
                node.Next = top.Node;
                if (ReferenceEquals(Interlocked.CompareExchange(ref _head, new Head(node, top.Version + 1), top), top))
                    return;
            }
        }

        public Node? Pop()
        {
            while (true)
            {
                var top = Volatile.Read(ref _head);
                if (top.Node is null)
                    return null;
                var next = new Head(top.Node.Next, top.Version + 1);
                if (ReferenceEquals(Interlocked.CompareExchange(ref _head, next, top), top))
                    return top.Node;
            }
        }

        /// <summary>A head snapshot. A class, not a record: the CAS must compare identity, never contents.</summary>
        private sealed class Head(Node? node, long version)
        {
            public Node? Node { get; } = node;

            public long Version { get; } = version;
        }
    }
}
