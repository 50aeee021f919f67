using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Threading;
using Loom.Threading.Models;
using SpinWait = System.Threading.SpinWait;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="System.Threading.SpinWait"/>, a struct, so its instance stand-ins take it by reference.
/// Inside a Loom execution a spin is a yield (<see cref="SpinWaitModel"/>, shared with the Loom.Threading.SpinWait
/// mirror): the thread does not run again until another thread has taken a step, and the spin is counted in the
/// spinner itself, the calling thread's own value. Outside, each stand-in is the real member.
/// </summary>
[PassesThrough("get_Count", "the spinner's own counter, a value of the calling thread; the model counts its spins there")]
[PassesThrough("Reset", "resets the spinner's own counter, a value of the calling thread")]
[Intercepts(typeof(SpinWait))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SpinWaitCalls
{
    /// <summary>Stands in for <see cref="System.Threading.SpinWait.NextSpinWillYield"/>: inside an execution it depends on the count only, so runs are the same on every machine.</summary>
    /// <param name="spinner">The spinner, by reference.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the next spin yields the processor.</returns>
    public static bool get_NextSpinWillYield(ref SpinWait spinner, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("SpinWait.NextSpinWillYield", file, line) is { } me
            ? SpinWaitModel.NextSpinWillYield(ref spinner)
            : spinner.NextSpinWillYield;

    /// <summary>Stands in for <see cref="System.Threading.SpinWait.SpinOnce()"/>: inside an execution, a yield.</summary>
    /// <param name="spinner">The spinner, by reference.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    public static void SpinOnce(ref SpinWait spinner, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SpinWait.SpinOnce", file, line) is { } me)
            SpinWaitModel.SpinOnce(me, ref spinner, "SpinWait.SpinOnce", file, line);
        else
            spinner.SpinOnce();
    }

    /// <summary>Stands in for <see cref="System.Threading.SpinWait.SpinOnce(int)"/>: inside an execution, a yield.</summary>
    /// <param name="spinner">The spinner, by reference.</param>
    /// <param name="sleep1Threshold">The count from which a real spinner sleeps, or -1 never to sleep.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="sleep1Threshold"/> is less than -1.</exception>
    public static void SpinOnce(ref SpinWait spinner, int sleep1Threshold, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SpinWait.SpinOnce", file, line) is { } me)
            SpinOnceModel(me, ref spinner, sleep1Threshold, file, line);
        else
            spinner.SpinOnce(sleep1Threshold);
    }

    /// <summary>Stands in for <see cref="System.Threading.SpinWait.SpinUntil(Func{bool})"/>: inside an execution every failed check yields.</summary>
    /// <param name="condition">The condition to wait for.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="condition"/> is <see langword="null"/>.</exception>
    public static void SpinUntil(Func<bool> condition, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SpinWait.SpinUntil", file, line) is { } me)
            SpinWaitModel.SpinUntil(me, condition, Timeout.Infinite, file, line);
        else
            SpinWait.SpinUntil(condition);
    }

    /// <summary>Stands in for <see cref="System.Threading.SpinWait.SpinUntil(Func{bool}, int)"/>: inside an execution every failed check yields; a finite timeout lasts one scheduling point.</summary>
    /// <param name="condition">The condition to wait for.</param>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the condition held in time.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="condition"/> is <see langword="null"/>.</exception>
    public static bool SpinUntil(Func<bool> condition, int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("SpinWait.SpinUntil", file, line) is { } me
            ? SpinWaitModel.SpinUntil(me, condition, millisecondsTimeout, file, line)
            : SpinWait.SpinUntil(condition, millisecondsTimeout);

    /// <summary>Stands in for <see cref="System.Threading.SpinWait.SpinUntil(Func{bool}, TimeSpan)"/>: inside an execution every failed check yields; a finite timeout lasts one scheduling point.</summary>
    /// <param name="condition">The condition to wait for.</param>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the condition held in time.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="condition"/> is <see langword="null"/>.</exception>
    public static bool SpinUntil(Func<bool> condition, TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("SpinWait.SpinUntil", file, line) is { } me
            ? SpinWaitModel.SpinUntil(me, condition, Timeouts.ToMilliseconds(timeout, nameof(timeout)), file, line)
            : SpinWait.SpinUntil(condition, timeout);

    private static void SpinOnceModel(LogicalThread me, ref SpinWait spinner, int sleep1Threshold, string? file, int line)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sleep1Threshold, -1);
        SpinWaitModel.SpinOnce(me, ref spinner, "SpinWait.SpinOnce", file, line);
    }
}
