using Loom.Interception;
using Volatile = Loom.Threading.Volatile;

namespace Loom.Tests.Interception;

/// <summary>
/// What rewritten code does, written out by hand: every call goes to its stand-in with the call site's file and line,
/// as the rewriter fills them from the sequence point.
/// </summary>
internal static class Rewritten
{
    /// <summary>Starts one thread per body through the Thread stand-ins (as rewritten <c>new Thread(...).Start()</c> would) and joins them all.</summary>
    public static void All(params Action[] bodies)
    {
        var threads = bodies.Select(body => ThreadCalls.New(() => body())).ToArray();
        foreach (var thread in threads)
            ThreadCalls.Start(thread, "Threads.cs", 1);
        foreach (var thread in threads)
            ThreadCalls.Join(thread, "Threads.cs", 2);
    }

    /// <summary>Fails the execution unless the condition holds.</summary>
    public static void Expect(bool condition, string message)
    {
        if (!condition)
            throw new InvalidOperationException(message);
    }
}

/// <summary>
/// A counter whose increment is a read and a write that Loom sees (volatile accesses), so two unsynchronized
/// increments can lose one: the lost update the fixed models prevent with a lock.
/// </summary>
internal sealed class Counter
{
    private int _value;

    public int Value => Volatile.Read(ref _value, file: "Counter.cs", line: 1);

    public void Increment(string file, int line)
    {
        var seen = Volatile.Read(ref _value, file: file, line: line);
        Volatile.Write(ref _value, seen + 1, file: file, line: line);
    }
}
