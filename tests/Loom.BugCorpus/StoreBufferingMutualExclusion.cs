using Loom.Threading;

namespace Loom.BugCorpus;

/// <summary>
/// Bug: store buffering breaks a flag-based mutual exclusion. Each thread raises its own flag with
/// <c>Volatile.Write</c> and enters if the other's flag, read with
/// <c>Volatile.Read</c>, is down. Under sequential consistency at most one enters, but the .NET
/// memory model lets a release store be reordered after a later acquire load (x64 store buffers and ARM64 both
/// do it), so both threads can read the other's flag as 0 and both enter. This bug exists only under the weak
/// memory model: no interleaving of sequentially consistent steps shows it.
/// Fix: raise the flag with <c>Interlocked.Exchange</c>, a full fence, so the store is
/// visible before the load.
/// </summary>
public static class StoreBufferingMutualExclusion
{
    /// <summary>The corpus entry.</summary>
    public static CorpusProgram Program { get; } = new(
        Name: "store-buffering-mutual-exclusion",
        Bug: "Each thread raises its flag with Volatile.Write then reads the other's with Volatile.Read; the store can be reordered after the load, so both see 0 and both enter.",
        Fix: "Raise the flag with Interlocked.Exchange (a full fence).",
        Buggy: Buggy,
        Fixed: Fixed,
        ExpectedKind: FailureKind.Exception,
        Options: new LoomOptions())
    {
        RandomIterations = 500,
        PctIterations = 500,
    };

    /// <summary>The buggy model.</summary>
    public static void Buggy() => Run(fence: false);

    /// <summary>The fixed model.</summary>
    public static void Fixed() => Run(fence: true);

    private static void Run(bool fence)
    {
        var flags = new int[2];
        var entered = new bool[2];
        var first = new Thread(() => entered[0] = TryEnter(flags, 0, fence));
        var second = new Thread(() => entered[1] = TryEnter(flags, 1, fence));
        first.Start();
        second.Start();
        first.Join();
        second.Join();
        Check.That(!(entered[0] && entered[1]), "Both threads entered the critical section.");
    }

    private static bool TryEnter(int[] flags, int me, bool fence)
    {
        if (fence)
            Interlocked.Exchange(ref flags[me], 1);
        else
            Volatile.Write(ref flags[me], 1);
        return Volatile.Read(ref flags[1 - me]) == 0;
    }
}
