using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Loom.Runtime;
using Loom.Threading.Models;

namespace Loom.Threading;

/// <summary>
/// Mirrors <see cref="System.Threading.SemaphoreSlim"/>. Inside a Loom execution its members are scheduling points
/// on the semaphore's model: an untimed Wait blocks while the count is zero, and a wait that nothing will release is
/// reported as a deadlock. WaitAsync queues its task, which a later Release completes (units go first to blocked
/// threads, then to queued tasks in order); a WaitAsync timeout passes in virtual time. Elsewhere every member is the real semaphore's. Each execution
/// starts from the real semaphore's state when the execution first uses it (see <see cref="SemaphoreModel"/>, the
/// model it shares with the stand-ins rewritten code calls on a real SemaphoreSlim).
/// </summary>
public class SemaphoreSlim : IDisposable
{
    /// <summary>The real semaphore: used outside executions, and what the model starts from inside them.</summary>
    private readonly System.Threading.SemaphoreSlim _real;

    /// <summary>Mirrors <see cref="System.Threading.SemaphoreSlim(int)"/>: a semaphore with no maximum count.</summary>
    /// <param name="initialCount">How many threads may enter before one must wait.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="initialCount"/> is negative.</exception>
    public SemaphoreSlim(int initialCount)
        : this(initialCount, int.MaxValue)
    {
    }

    /// <summary>Mirrors <see cref="System.Threading.SemaphoreSlim(int, int)"/>.</summary>
    /// <param name="initialCount">How many threads may enter before one must wait.</param>
    /// <param name="maxCount">The most the count may reach.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="initialCount"/> is negative or greater than <paramref name="maxCount"/>, or <paramref name="maxCount"/> is not positive.</exception>
    public SemaphoreSlim(int initialCount, int maxCount)
    {
        _real = new System.Threading.SemaphoreSlim(initialCount, maxCount);
    }

    /// <summary>Mirrors <see cref="System.Threading.SemaphoreSlim.CurrentCount"/>: how many more threads may enter. Inside an execution, a scheduling point.</summary>
    public int CurrentCount
    {
        get
        {
            if (LoomRuntime.Controlled("SemaphoreSlim.CurrentCount", null, 0) is not { } me)
                return _real.CurrentCount;
            return SemaphoreModel.CurrentCount(me, _real);
        }
    }

    /// <summary>
    /// Mirrors <see cref="System.Threading.SemaphoreSlim.AvailableWaitHandle"/>. Not supported inside an execution:
    /// a wait handle is waited on outside Loom's control.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    /// <exception cref="NotSupportedException">Used inside a Loom execution.</exception>
    public WaitHandle AvailableWaitHandle
    {
        get
        {
            if (LoomRuntime.Controlled("SemaphoreSlim.AvailableWaitHandle", null, 0) is not null)
            {
                throw new NotSupportedException(Blocking.NotSupported(
                    "SemaphoreSlim.AvailableWaitHandle",
                    "a WaitHandle is a real operating-system wait that Loom cannot schedule, so a thread waiting on it would block outside Loom's control. Call Wait on the semaphore instead."));
            }
            return _real.AvailableWaitHandle;
        }
    }

    /// <summary>Mirrors <see cref="System.Threading.SemaphoreSlim.Wait()"/>: enters the semaphore, waiting while its count is zero.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public void Wait([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SemaphoreSlim.Wait", file, line) is { } me)
            SemaphoreModel.Wait(me, _real, Timeout.Infinite, CancellationToken.None, file, line);
        else
            _real.Wait();
    }

    /// <summary>
    /// Mirrors <see cref="System.Threading.SemaphoreSlim.Wait(CancellationToken)"/>. Inside an execution a blocked
    /// wait also goes on when the token is cancelled (by another thread), and then throws.
    /// </summary>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public void Wait(CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SemaphoreSlim.Wait", file, line) is { } me)
            SemaphoreModel.Wait(me, _real, Timeout.Infinite, cancellationToken, file, line);
        else
            _real.Wait(cancellationToken);
    }

    /// <summary>
    /// Mirrors <see cref="System.Threading.SemaphoreSlim.Wait(int)"/>. Inside an execution a finite timeout never
    /// blocks: the wait succeeds if the count is positive when the scheduler runs it, and otherwise times out.
    /// </summary>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the thread entered the semaphore.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public bool Wait(int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SemaphoreSlim.Wait", file, line) is { } me)
            return SemaphoreModel.Wait(me, _real, millisecondsTimeout, CancellationToken.None, file, line);
        return _real.Wait(millisecondsTimeout);
    }

    /// <summary>Mirrors <see cref="System.Threading.SemaphoreSlim.Wait(TimeSpan)"/>; see <see cref="Wait(int, string?, int)"/>.</summary>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the thread entered the semaphore.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or more than <see cref="int.MaxValue"/> milliseconds.</exception>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public bool Wait(TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SemaphoreSlim.Wait", file, line) is { } me)
            return SemaphoreModel.Wait(me, _real, Timeouts.ToMilliseconds(timeout, nameof(timeout)), CancellationToken.None, file, line);
        return _real.Wait(timeout);
    }

    /// <summary>Mirrors <see cref="System.Threading.SemaphoreSlim.Wait(int, CancellationToken)"/>; see <see cref="Wait(int, string?, int)"/> and <see cref="Wait(CancellationToken, string?, int)"/>.</summary>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the thread entered the semaphore.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public bool Wait(int millisecondsTimeout, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SemaphoreSlim.Wait", file, line) is { } me)
            return SemaphoreModel.Wait(me, _real, millisecondsTimeout, cancellationToken, file, line);
        return _real.Wait(millisecondsTimeout, cancellationToken);
    }

    /// <summary>Mirrors <see cref="System.Threading.SemaphoreSlim.Wait(TimeSpan, CancellationToken)"/>; see <see cref="Wait(int, CancellationToken, string?, int)"/>.</summary>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the thread entered the semaphore.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or more than <see cref="int.MaxValue"/> milliseconds.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public bool Wait(TimeSpan timeout, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SemaphoreSlim.Wait", file, line) is { } me)
            return SemaphoreModel.Wait(me, _real, Timeouts.ToMilliseconds(timeout, nameof(timeout)), cancellationToken, file, line);
        return _real.Wait(timeout, cancellationToken);
    }

    /// <summary>Mirrors <see cref="System.Threading.SemaphoreSlim.WaitAsync()"/>. Inside an execution the wait is a step of the execution, and its timeout runs on virtual time.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>A task that completes when the thread has entered the semaphore.</returns>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public Task WaitAsync([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SemaphoreSlim.WaitAsync", file, line) is { } me)
            return SemaphoreModel.WaitAsync(me, _real, Timeout.Infinite, CancellationToken.None, file, line);
        return _real.WaitAsync();
    }

    /// <summary>Mirrors <see cref="System.Threading.SemaphoreSlim.WaitAsync(CancellationToken)"/>. Inside an execution the wait is a step of the execution, and its timeout runs on virtual time.</summary>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>A task that completes when the thread has entered the semaphore.</returns>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public Task WaitAsync(CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SemaphoreSlim.WaitAsync", file, line) is { } me)
            return SemaphoreModel.WaitAsync(me, _real, Timeout.Infinite, cancellationToken, file, line);
        return _real.WaitAsync(cancellationToken);
    }

    /// <summary>Mirrors <see cref="System.Threading.SemaphoreSlim.WaitAsync(int)"/>. Inside an execution the wait is a step of the execution, and its timeout runs on virtual time.</summary>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>A task whose result says whether the thread entered the semaphore.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public Task<bool> WaitAsync(int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SemaphoreSlim.WaitAsync", file, line) is { } me)
            return SemaphoreModel.WaitAsync(me, _real, millisecondsTimeout, CancellationToken.None, file, line);
        return _real.WaitAsync(millisecondsTimeout);
    }

    /// <summary>Mirrors <see cref="System.Threading.SemaphoreSlim.WaitAsync(TimeSpan)"/>. Inside an execution the wait is a step of the execution, and its timeout runs on virtual time.</summary>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>A task whose result says whether the thread entered the semaphore.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or more than <see cref="int.MaxValue"/> milliseconds.</exception>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public Task<bool> WaitAsync(TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SemaphoreSlim.WaitAsync", file, line) is { } me)
            return SemaphoreModel.WaitAsync(me, _real, Timeouts.ToMilliseconds(timeout, nameof(timeout)), CancellationToken.None, file, line);
        return _real.WaitAsync(timeout);
    }

    /// <summary>Mirrors <see cref="System.Threading.SemaphoreSlim.WaitAsync(TimeSpan, CancellationToken)"/>. Inside an execution the wait is a step of the execution, and its timeout runs on virtual time.</summary>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>A task whose result says whether the thread entered the semaphore.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or more than <see cref="int.MaxValue"/> milliseconds.</exception>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SemaphoreSlim.WaitAsync", file, line) is { } me)
            return SemaphoreModel.WaitAsync(me, _real, Timeouts.ToMilliseconds(timeout, nameof(timeout)), cancellationToken, file, line);
        return _real.WaitAsync(timeout, cancellationToken);
    }

    /// <summary>Mirrors <see cref="System.Threading.SemaphoreSlim.WaitAsync(int, CancellationToken)"/>. Inside an execution the wait is a step of the execution, and its timeout runs on virtual time.</summary>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>A task whose result says whether the thread entered the semaphore.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public Task<bool> WaitAsync(int millisecondsTimeout, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SemaphoreSlim.WaitAsync", file, line) is { } me)
            return SemaphoreModel.WaitAsync(me, _real, millisecondsTimeout, cancellationToken, file, line);
        return _real.WaitAsync(millisecondsTimeout, cancellationToken);
    }

    /// <summary>Mirrors <see cref="System.Threading.SemaphoreSlim.Release()"/>: exits the semaphore once.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The count before the release.</returns>
    /// <exception cref="SemaphoreFullException">The semaphore is already at its maximum count.</exception>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public int Release([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SemaphoreSlim.Release", file, line) is { } me)
            return SemaphoreModel.Release(me, _real, 1, file, line);
        return _real.Release();
    }

    /// <summary>Mirrors <see cref="System.Threading.SemaphoreSlim.Release(int)"/>: exits the semaphore a number of times.</summary>
    /// <param name="releaseCount">How many times to exit.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The count before the release.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="releaseCount"/> is less than 1.</exception>
    /// <exception cref="SemaphoreFullException">The release would take the count past its maximum.</exception>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public int Release(int releaseCount, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SemaphoreSlim.Release", file, line) is { } me)
            return SemaphoreModel.Release(me, _real, releaseCount, file, line);
        return _real.Release(releaseCount);
    }

    /// <summary>Mirrors <see cref="System.Threading.SemaphoreSlim.Dispose()"/>. Inside an execution, later waits and releases throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Mirrors <see cref="System.Threading.SemaphoreSlim.Dispose(bool)"/>.</summary>
    /// <param name="disposing">Whether managed resources should be released too.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
            return;
        if (LoomRuntime.Controlled("SemaphoreSlim.Dispose", null, 0) is { } me)
        {
            SemaphoreModel.Dispose(me, _real);
            return;
        }
        _real.Dispose();
    }
}
