using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Loom.Runtime;
using Loom.Threading;
using Loom.Threading.Models;
using RealSemaphore = System.Threading.SemaphoreSlim;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="System.Threading.SemaphoreSlim"/>, on the real semaphores: inside a Loom execution
/// waits, releases and reads are scheduling points on the semaphore's model (<see cref="SemaphoreModel"/>, shared with
/// the Loom.Threading.SemaphoreSlim mirror), which starts from the real semaphore's count, maximum and disposal as
/// the execution first finds them; the real semaphore is never changed there. A WaitAsync task completes under
/// Loom's control. Outside an execution each stand-in is the real member.
/// </summary>
[Intercepts(typeof(RealSemaphore))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SemaphoreSlimCalls
{
    /// <summary>Stands in for <see cref="System.Threading.SemaphoreSlim.SemaphoreSlim(int)"/>.</summary>
    /// <param name="initialCount">How many threads may enter before one must wait.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The new semaphore.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="initialCount"/> is negative.</exception>
    public static RealSemaphore New(int initialCount, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) => new(initialCount);

    /// <summary>Stands in for <see cref="System.Threading.SemaphoreSlim.SemaphoreSlim(int, int)"/>.</summary>
    /// <param name="initialCount">How many threads may enter before one must wait.</param>
    /// <param name="maxCount">The most the count may reach.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The new semaphore.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The counts are out of range.</exception>
    public static RealSemaphore New(int initialCount, int maxCount, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) => new(initialCount, maxCount);

    /// <summary>Stands in for <see cref="RealSemaphore.CurrentCount"/>; inside an execution a scheduling point.</summary>
    /// <param name="semaphore">The semaphore.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>How many more threads may enter.</returns>
    public static int get_CurrentCount(RealSemaphore semaphore, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("SemaphoreSlim.CurrentCount", file, line) is { } me
            ? SemaphoreModel.CurrentCount(me, StandIn.NotNull(semaphore))
            : semaphore.CurrentCount;

    /// <summary>Stands in for <see cref="RealSemaphore.AvailableWaitHandle"/>. Inside an execution it throws: a real wait handle is waited on outside Loom's control.</summary>
    /// <param name="semaphore">The semaphore.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The semaphore's wait handle.</returns>
    /// <exception cref="NotSupportedException">Called inside a Loom execution.</exception>
    public static WaitHandle get_AvailableWaitHandle(RealSemaphore semaphore, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SemaphoreSlim.AvailableWaitHandle", file, line) is not null)
        {
            throw new NotSupportedException(Blocking.NotSupported(
                "SemaphoreSlim.AvailableWaitHandle",
                "a WaitHandle is a real operating-system wait that Loom cannot schedule, so a thread waiting on it would block outside Loom's control. Call Wait on the semaphore instead."));
        }
        return semaphore.AvailableWaitHandle;
    }

    /// <summary>Stands in for <see cref="RealSemaphore.Wait()"/>: enters, waiting while the count is zero.</summary>
    /// <param name="semaphore">The semaphore.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public static void Wait(RealSemaphore semaphore, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SemaphoreSlim.Wait", file, line) is { } me)
            SemaphoreModel.Wait(me, StandIn.NotNull(semaphore), Timeout.Infinite, CancellationToken.None, file, line);
        else
            semaphore.Wait();
    }

    /// <summary>Stands in for <see cref="RealSemaphore.Wait(CancellationToken)"/>.</summary>
    /// <param name="semaphore">The semaphore.</param>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public static void Wait(RealSemaphore semaphore, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SemaphoreSlim.Wait", file, line) is { } me)
            SemaphoreModel.Wait(me, StandIn.NotNull(semaphore), Timeout.Infinite, cancellationToken, file, line);
        else
            semaphore.Wait(cancellationToken);
    }

    /// <summary>Stands in for <see cref="RealSemaphore.Wait(int)"/>; inside an execution a finite timeout never blocks.</summary>
    /// <param name="semaphore">The semaphore.</param>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the thread entered.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public static bool Wait(RealSemaphore semaphore, int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("SemaphoreSlim.Wait", file, line) is { } me
            ? SemaphoreModel.Wait(me, StandIn.NotNull(semaphore), millisecondsTimeout, CancellationToken.None, file, line)
            : semaphore.Wait(millisecondsTimeout);

    /// <summary>Stands in for <see cref="RealSemaphore.Wait(TimeSpan)"/>; inside an execution a finite timeout never blocks.</summary>
    /// <param name="semaphore">The semaphore.</param>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the thread entered.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or too large.</exception>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public static bool Wait(RealSemaphore semaphore, TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("SemaphoreSlim.Wait", file, line) is { } me
            ? SemaphoreModel.Wait(me, StandIn.NotNull(semaphore), Timeouts.ToMilliseconds(timeout, nameof(timeout)), CancellationToken.None, file, line)
            : semaphore.Wait(timeout);

    /// <summary>Stands in for <see cref="RealSemaphore.Wait(int, CancellationToken)"/>; inside an execution a finite timeout never blocks.</summary>
    /// <param name="semaphore">The semaphore.</param>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the thread entered.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public static bool Wait(RealSemaphore semaphore, int millisecondsTimeout, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("SemaphoreSlim.Wait", file, line) is { } me
            ? SemaphoreModel.Wait(me, StandIn.NotNull(semaphore), millisecondsTimeout, cancellationToken, file, line)
            : semaphore.Wait(millisecondsTimeout, cancellationToken);

    /// <summary>Stands in for <see cref="RealSemaphore.Wait(TimeSpan, CancellationToken)"/>; inside an execution a finite timeout never blocks.</summary>
    /// <param name="semaphore">The semaphore.</param>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the thread entered.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or too large.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public static bool Wait(RealSemaphore semaphore, TimeSpan timeout, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("SemaphoreSlim.Wait", file, line) is { } me
            ? SemaphoreModel.Wait(me, StandIn.NotNull(semaphore), Timeouts.ToMilliseconds(timeout, nameof(timeout)), cancellationToken, file, line)
            : semaphore.Wait(timeout, cancellationToken);

    /// <summary>Stands in for <see cref="RealSemaphore.WaitAsync()"/>; inside an execution the task completes under Loom's control.</summary>
    /// <param name="semaphore">The semaphore.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>A task that completes once the caller has entered.</returns>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public static Task WaitAsync(RealSemaphore semaphore, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("SemaphoreSlim.WaitAsync", file, line) is { } me
            ? SemaphoreModel.WaitAsync(me, StandIn.NotNull(semaphore), Timeout.Infinite, CancellationToken.None, file, line)
            : semaphore.WaitAsync();

    /// <summary>Stands in for <see cref="RealSemaphore.WaitAsync(CancellationToken)"/>; inside an execution the task completes under Loom's control.</summary>
    /// <param name="semaphore">The semaphore.</param>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>A task that completes once the caller has entered.</returns>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public static Task WaitAsync(RealSemaphore semaphore, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("SemaphoreSlim.WaitAsync", file, line) is { } me
            ? SemaphoreModel.WaitAsync(me, StandIn.NotNull(semaphore), Timeout.Infinite, cancellationToken, file, line)
            : semaphore.WaitAsync(cancellationToken);

    /// <summary>Stands in for <see cref="RealSemaphore.WaitAsync(int)"/>; inside an execution the timeout passes in virtual time.</summary>
    /// <param name="semaphore">The semaphore.</param>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>A task whose result says whether the caller entered.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public static Task<bool> WaitAsync(RealSemaphore semaphore, int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("SemaphoreSlim.WaitAsync", file, line) is { } me
            ? SemaphoreModel.WaitAsync(me, StandIn.NotNull(semaphore), millisecondsTimeout, CancellationToken.None, file, line)
            : semaphore.WaitAsync(millisecondsTimeout);

    /// <summary>Stands in for <see cref="RealSemaphore.WaitAsync(TimeSpan)"/>; inside an execution the timeout passes in virtual time.</summary>
    /// <param name="semaphore">The semaphore.</param>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>A task whose result says whether the caller entered.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or too large.</exception>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public static Task<bool> WaitAsync(RealSemaphore semaphore, TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("SemaphoreSlim.WaitAsync", file, line) is { } me
            ? SemaphoreModel.WaitAsync(me, StandIn.NotNull(semaphore), Timeouts.ToMilliseconds(timeout, nameof(timeout)), CancellationToken.None, file, line)
            : semaphore.WaitAsync(timeout);

    /// <summary>Stands in for <see cref="RealSemaphore.WaitAsync(TimeSpan, CancellationToken)"/>; inside an execution the timeout passes in virtual time.</summary>
    /// <param name="semaphore">The semaphore.</param>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>A task whose result says whether the caller entered.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or too large.</exception>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public static Task<bool> WaitAsync(RealSemaphore semaphore, TimeSpan timeout, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("SemaphoreSlim.WaitAsync", file, line) is { } me
            ? SemaphoreModel.WaitAsync(me, StandIn.NotNull(semaphore), Timeouts.ToMilliseconds(timeout, nameof(timeout)), cancellationToken, file, line)
            : semaphore.WaitAsync(timeout, cancellationToken);

    /// <summary>Stands in for <see cref="RealSemaphore.WaitAsync(int, CancellationToken)"/>; inside an execution the timeout passes in virtual time.</summary>
    /// <param name="semaphore">The semaphore.</param>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>A task whose result says whether the caller entered.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public static Task<bool> WaitAsync(RealSemaphore semaphore, int millisecondsTimeout, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("SemaphoreSlim.WaitAsync", file, line) is { } me
            ? SemaphoreModel.WaitAsync(me, StandIn.NotNull(semaphore), millisecondsTimeout, cancellationToken, file, line)
            : semaphore.WaitAsync(millisecondsTimeout, cancellationToken);

    /// <summary>Stands in for <see cref="RealSemaphore.Release()"/>: exits once.</summary>
    /// <param name="semaphore">The semaphore.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The count before the release.</returns>
    /// <exception cref="SemaphoreFullException">The semaphore is at its maximum count.</exception>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public static int Release(RealSemaphore semaphore, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("SemaphoreSlim.Release", file, line) is { } me
            ? SemaphoreModel.Release(me, StandIn.NotNull(semaphore), 1, file, line)
            : semaphore.Release();

    /// <summary>Stands in for <see cref="RealSemaphore.Release(int)"/>: exits a number of times.</summary>
    /// <param name="semaphore">The semaphore.</param>
    /// <param name="releaseCount">How many times to exit.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The count before the release.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="releaseCount"/> is less than 1.</exception>
    /// <exception cref="SemaphoreFullException">The release would pass the maximum count.</exception>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public static int Release(RealSemaphore semaphore, int releaseCount, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("SemaphoreSlim.Release", file, line) is { } me
            ? SemaphoreModel.Release(me, StandIn.NotNull(semaphore), releaseCount, file, line)
            : semaphore.Release(releaseCount);

    /// <summary>Stands in for <see cref="RealSemaphore.Dispose()"/>. Inside an execution it disposes the model only: later calls in the execution throw <see cref="ObjectDisposedException"/>, and the real semaphore is untouched.</summary>
    /// <param name="semaphore">The semaphore.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    public static void Dispose(RealSemaphore semaphore, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SemaphoreSlim.Dispose", file, line) is { } me)
            SemaphoreModel.Dispose(me, StandIn.NotNull(semaphore));
        else
            semaphore.Dispose();
    }
}
