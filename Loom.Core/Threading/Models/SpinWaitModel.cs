using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;

namespace Loom.Threading.Models;

/// <summary>
/// The model of <see cref="System.Threading.SpinWait"/>, shared by the <see cref="Loom.Threading.SpinWait"/> mirror
/// (on the real spinner it holds) and the stand-ins for the real struct (Loom.Interception.SpinWaitCalls). A spin is a
/// yield: a scheduling point after which the thread does not run again until another thread has taken a step. The
/// spinner is the calling thread's own value, not shared state, so a modelled spin counts in the real spinner's
/// private counter (as the real SpinOnce would) without spinning, and <c>NextSpinWillYield</c> depends on that count
/// only, not on the machine's processor count, so runs are the same on every machine.
/// </summary>
internal static class SpinWaitModel
{
    /// <summary>The count from which the BCL's spinner yields the processor rather than busy-waiting.</summary>
    private const int YieldThreshold = 10;

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_count")]
    private static extern ref int CountOf(ref System.Threading.SpinWait spinner);

    /// <summary>Whether the next spin yields the processor, inside an execution: from the count alone.</summary>
    public static bool NextSpinWillYield(ref System.Threading.SpinWait real) => real.Count >= YieldThreshold;

    /// <summary>Spins once: a yield, counted in the spinner (which, as in .NET, wraps to the yield threshold rather than overflowing).</summary>
    public static void SpinOnce(LogicalThread me, ref System.Threading.SpinWait real, string api, string? file, int line)
    {
        ThreadModel.Yield(me, api, file, line);
        ref var count = ref CountOf(ref real);
        count = count == int.MaxValue ? YieldThreshold : count + 1;
    }

    /// <summary>
    /// Spins until the condition holds: every failed check yields, and a condition that never becomes true is reported
    /// when the execution exceeds <see cref="LoomOptions.MaxSteps"/>. A finite timeout lasts one scheduling point: the
    /// condition is checked, and if it does not hold, checked once more when the scheduler runs the thread again.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="condition"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    public static bool SpinUntil(LogicalThread me, Func<bool> condition, int millisecondsTimeout, string? file, int line)
    {
        if (millisecondsTimeout < Timeout.Infinite)
            throw new ArgumentOutOfRangeException(nameof(millisecondsTimeout), millisecondsTimeout, "The timeout must represent a value between -1 and Int32.MaxValue, inclusive.");
        ArgumentNullException.ThrowIfNull(condition);
        if (condition())
            return true;
        if (millisecondsTimeout == 0)
            return false;
        if (millisecondsTimeout != Timeout.Infinite)
        {
            // The timeout lasts until the scheduler runs this thread again: the others may or may not have made
            // the condition true by then. A spin that timed out yields, so a retry loop lets them progress.
            me.Execution.Schedule(me, new Operation("SpinWait.SpinUntil", AccessKind.None, null, file, line));
            var held = condition();
            if (!held)
                Blocking.YieldAfter(me);
            return held;
        }
        do
            ThreadModel.Yield(me, "SpinWait.SpinUntil", file, line);
        while (!condition());
        return true;
    }
}
