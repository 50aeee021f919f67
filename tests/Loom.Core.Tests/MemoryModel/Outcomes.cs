using Loom.Threading;

namespace Loom.Tests.MemoryModel;

/// <summary>Runs a litmus test exhaustively and collects the outcomes every execution observed.</summary>
internal static class Outcomes
{
    public static (SortedSet<string> Seen, ExplorationResult Result) Of(Func<string> litmus, LoomOptions? options = null)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var result = LoomModel.Explore(() =>
        {
            var outcome = litmus();
            // Only the body's own thread writes here, after joining: it does not affect what the model does.
            lock (seen)
                seen.Add(outcome);
        }, options ?? new LoomOptions { PreemptionBound = null });
        return (seen, result);
    }

    public static void Run(params Thread[] threads)
    {
        foreach (var t in threads)
            t.Start();
        foreach (var t in threads)
            t.Join();
    }
}
