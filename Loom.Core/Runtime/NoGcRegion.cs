using System;
using System.Runtime;

namespace Loom.Runtime;

/// <summary>
/// A stretch of time in which the garbage collector moves nothing, for an execution that collections keep
/// interrupting: memory that Loom knows only by address (a <c>ref</c> passed to the Loom.Threading mirror from code
/// that was not rewritten) stays where it is, so the execution can run to its end, or to its step bound.
/// </summary>
internal readonly struct NoGcRegion : IDisposable
{
    // Tried largest first: the runtime refuses a budget above what its ephemeral space can hold.
    private static readonly long[] Budgets = [256L << 20, 64L << 20, 16L << 20];

    private readonly bool _entered;

    private NoGcRegion(bool entered) => _entered = entered;

    /// <summary>Enters a region if the runtime grants one; the process may already be in one (another exploration's).</summary>
    public static NoGcRegion TryEnter()
    {
        foreach (var budget in Budgets)
        {
            try
            {
                if (GC.TryStartNoGCRegion(budget))
                    return new NoGcRegion(true);
            }
            catch (ArgumentOutOfRangeException)
            {
                // Above this runtime's limit: try a smaller budget.
            }
            catch (InvalidOperationException)
            {
                return default;
            }
        }
        return default;
    }

    /// <summary>Leaves the region, if one was entered and the allocations have not already ended it.</summary>
    public void Dispose()
    {
        if (_entered && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            try
            {
                GC.EndNoGCRegion();
            }
            catch (InvalidOperationException)
            {
                // The region ended by itself (the budget was spent, or a collection was induced): nothing to leave.
            }
        }
    }
}
