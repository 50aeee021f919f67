using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Threading.Models;

namespace Loom.Threading;

/// <summary>
/// Mirrors <see cref="System.Threading.SpinWait"/>. Inside a Loom execution a spin is a yield: a scheduling point
/// after which the thread does not run again until another thread has taken a step, so a spin loop waits for the
/// others instead of burning steps, and the stores made so far become visible to it. A loop that spins forever is
/// reported when the execution exceeds <see cref="LoomOptions.MaxSteps"/>. Elsewhere it is the real spinner.
/// </summary>
public struct SpinWait
{
    /// <summary>The real spinner: it spins outside executions, and counts the modelled spins inside them (<see cref="SpinWaitModel"/>).</summary>
    private System.Threading.SpinWait _real;

    /// <summary>Mirrors <see cref="System.Threading.SpinWait.Count"/>: how many times <see cref="SpinOnce(string?, int)"/> was called since the last <see cref="Reset"/>.</summary>
    public readonly int Count => _real.Count;

    /// <summary>
    /// Mirrors <see cref="System.Threading.SpinWait.NextSpinWillYield"/>. Inside an execution it depends on
    /// <see cref="Count"/> only (not on the machine's processor count), so runs are the same on every machine.
    /// </summary>
    public readonly bool NextSpinWillYield
    {
        get
        {
            if (LoomRuntime.Controlled("SpinWait.NextSpinWillYield", null, 0) is null)
                return _real.NextSpinWillYield;
            var real = _real;
            return SpinWaitModel.NextSpinWillYield(ref real);
        }
    }

    /// <summary>Mirrors <see cref="System.Threading.SpinWait.SpinOnce()"/>: spins once; inside an execution, yields to the other threads.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    public void SpinOnce([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SpinWait.SpinOnce", file, line) is { } me)
            SpinWaitModel.SpinOnce(me, ref _real, "SpinWait.SpinOnce", file, line);
        else
            _real.SpinOnce();
    }

    /// <summary>Mirrors <see cref="System.Threading.SpinWait.SpinOnce(int)"/>; see <see cref="SpinOnce(string?, int)"/>.</summary>
    /// <param name="sleep1Threshold">The spin count from which a real spinner sleeps 1 ms between spins, or -1 never to sleep.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sleep1Threshold"/> is less than -1.</exception>
    public void SpinOnce(int sleep1Threshold, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sleep1Threshold, -1);
        if (LoomRuntime.Controlled("SpinWait.SpinOnce", file, line) is { } me)
            SpinWaitModel.SpinOnce(me, ref _real, "SpinWait.SpinOnce", file, line);
        else
            _real.SpinOnce(sleep1Threshold);
    }

    /// <summary>Mirrors <see cref="System.Threading.SpinWait.Reset"/>: sets <see cref="Count"/> back to zero.</summary>
    public void Reset() => _real.Reset();

    /// <summary>
    /// Mirrors <see cref="System.Threading.SpinWait.SpinUntil(Func{bool})"/>: spins until the condition holds. Inside
    /// an execution every failed check yields; a condition that never becomes true is reported when the execution
    /// exceeds <see cref="LoomOptions.MaxSteps"/>.
    /// </summary>
    /// <param name="condition">The condition to wait for.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ArgumentNullException"><paramref name="condition"/> is <see langword="null"/>.</exception>
    public static void SpinUntil(Func<bool> condition, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        SpinUntil(condition, Timeout.Infinite, file, line);

    /// <summary>
    /// Mirrors <see cref="System.Threading.SpinWait.SpinUntil(Func{bool}, int)"/>. Inside an execution a finite
    /// timeout lasts one scheduling point: the condition is checked, and if it does not hold, checked once more
    /// whenever the scheduler runs the thread again, which may be before or after the others made it true (Loom has
    /// no virtual time yet).
    /// </summary>
    /// <param name="condition">The condition to wait for.</param>
    /// <param name="millisecondsTimeout">How long to spin, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the condition held before the timeout.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="condition"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    public static bool SpinUntil(Func<bool> condition, int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (millisecondsTimeout < Timeout.Infinite)
            throw new ArgumentOutOfRangeException(nameof(millisecondsTimeout), millisecondsTimeout, "The timeout must represent a value between -1 and Int32.MaxValue, inclusive.");
        ArgumentNullException.ThrowIfNull(condition);
        if (LoomRuntime.Controlled("SpinWait.SpinUntil", file, line) is not { } me)
            return System.Threading.SpinWait.SpinUntil(condition, millisecondsTimeout);
        return SpinWaitModel.SpinUntil(me, condition, millisecondsTimeout, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.SpinWait.SpinUntil(Func{bool}, TimeSpan)"/>; see <see cref="SpinUntil(Func{bool}, int, string?, int)"/>.</summary>
    /// <param name="condition">The condition to wait for.</param>
    /// <param name="timeout">How long to spin, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the condition held before the timeout.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="condition"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or more than <see cref="int.MaxValue"/> milliseconds.</exception>
    public static bool SpinUntil(Func<bool> condition, TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var milliseconds = (long)timeout.TotalMilliseconds;
        if (milliseconds < Timeout.Infinite || milliseconds > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must represent a value between -1 and Int32.MaxValue, inclusive.");
        return SpinUntil(condition, (int)milliseconds, file, line);
    }
}
