using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Loom.Runtime;
using Loom.Simulation;
using Loom.Threading.Models;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="CancellationTokenSource"/>'s members. Inside a Loom execution every member that reads or
/// changes the cancellation state is a scheduling point on the source's model (<see cref="CancellationModel"/>):
/// <c>Cancel</c> runs the callbacks on the cancelling logical thread, most recent first, each a step of its own;
/// a delay (constructor or <c>CancelAfter</c>) runs on the execution's virtual clock and cancels on a step of its
/// own; <c>CancelAsync</c> runs the callbacks on a task of the execution. A source made here by rewritten code is
/// kept in step with its model, so code that was not rewritten sees its cancellation; any other source is never
/// changed inside an execution. Outside an execution each stand-in is the real member.
/// </summary>
[Intercepts(typeof(CancellationTokenSource))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CancellationTokenSourceCalls
{
    private const string NewApi = "new CancellationTokenSource";
    private const string LinkApi = "CancellationTokenSource.CreateLinkedTokenSource";

    /// <summary>Stands in for <see cref="CancellationTokenSource()"/>.</summary>
    /// <returns>The new source.</returns>
    public static CancellationTokenSource New([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled(NewApi, file, line) is { } me
            ? CancellationModel.MadeHere(me, new CancellationTokenSource())
            : new CancellationTokenSource();

    /// <summary>Stands in for <see cref="CancellationTokenSource(int)"/>: inside an execution the delay is virtual time.</summary>
    /// <returns>The new source.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsDelay"/> is below -1.</exception>
    public static CancellationTokenSource New(int millisecondsDelay, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled(NewApi, file, line) is not { } me)
            return new CancellationTokenSource(millisecondsDelay);
        if (millisecondsDelay < Timeout.Infinite)
            throw new ArgumentOutOfRangeException(nameof(millisecondsDelay));
        return CancellationModel.New(me, TimeSpan.FromMilliseconds(millisecondsDelay), NewApi, file, line);
    }

    /// <summary>Stands in for <see cref="CancellationTokenSource(TimeSpan)"/>: inside an execution the delay is virtual time.</summary>
    /// <returns>The new source.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is below -1 ms or above 4294967294 ms.</exception>
    public static CancellationTokenSource New(TimeSpan delay, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled(NewApi, file, line) is not { } me)
            return new CancellationTokenSource(delay);
        CancellationModel.Validate(delay);
        return CancellationModel.New(me, delay, NewApi, file, line);
    }

    /// <summary>
    /// Stands in for <see cref="CancellationTokenSource(TimeSpan, TimeProvider)"/>: inside an execution the system's
    /// clock (as <see cref="TimeProvider.System"/>, the rewritten one, or the execution's own) is virtual time; any other
    /// provider's timer is used as it is.
    /// </summary>
    /// <returns>The new source.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is below -1 ms or above 4294967294 ms.</exception>
    public static CancellationTokenSource New(TimeSpan delay, TimeProvider timeProvider, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled(NewApi, file, line) is not { } me)
            return new CancellationTokenSource(delay, timeProvider);
        ArgumentNullException.ThrowIfNull(timeProvider);
        CancellationModel.Validate(delay);
        if (ReferenceEquals(ExecutionClock.InExecution(timeProvider, me.Execution), me.Execution.Clock))
            return CancellationModel.New(me, delay, NewApi, file, line);
        return CancellationModel.MadeHere(me, new CancellationTokenSource(delay, timeProvider), hasProviderTimer: true);
    }

    /// <summary>Stands in for <see cref="CancellationTokenSource.IsCancellationRequested"/>; inside an execution a scheduling point.</summary>
    /// <returns>Whether cancellation was requested.</returns>
    public static bool get_IsCancellationRequested(CancellationTokenSource source, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("CancellationTokenSource.IsCancellationRequested", file, line) is { } me
            ? CancellationModel.IsCancellationRequested(me, StandIn.NotNull(source), "CancellationTokenSource.IsCancellationRequested", file, line)
            : source.IsCancellationRequested;

    /// <summary>Stands in for <see cref="CancellationTokenSource.Token"/>; not a scheduling point.</summary>
    /// <returns>The source's token.</returns>
    /// <exception cref="ObjectDisposedException">The source was disposed.</exception>
    public static CancellationToken get_Token(CancellationTokenSource source, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("CancellationTokenSource.Token", file, line) is { } me
            ? CancellationModel.Token(me, StandIn.NotNull(source))
            : source.Token;

    /// <summary>Stands in for <see cref="CancellationTokenSource.Cancel()"/>: inside an execution the callbacks run on this logical thread, each a step of its own.</summary>
    /// <exception cref="ObjectDisposedException">The source was disposed.</exception>
    /// <exception cref="AggregateException">Callbacks threw.</exception>
    public static void Cancel(CancellationTokenSource source, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        Cancel(source, throwOnFirstException: false, file, line);

    /// <summary>Stands in for <see cref="CancellationTokenSource.Cancel(bool)"/>.</summary>
    /// <exception cref="ObjectDisposedException">The source was disposed.</exception>
    /// <exception cref="AggregateException">Callbacks threw, and <paramref name="throwOnFirstException"/> is <see langword="false"/>.</exception>
    public static void Cancel(CancellationTokenSource source, bool throwOnFirstException, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("CancellationTokenSource.Cancel", file, line) is { } me)
            CancellationModel.Cancel(me, StandIn.NotNull(source), throwOnFirstException, file, line);
        else
            source.Cancel(throwOnFirstException);
    }

    /// <summary>Stands in for <see cref="CancellationTokenSource.CancelAsync"/>: inside an execution the callbacks run on a task of the execution.</summary>
    /// <returns>A task that completes when the callbacks have run.</returns>
    public static Task CancelAsync(CancellationTokenSource source, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("CancellationTokenSource.CancelAsync", file, line) is { } me
            ? CancellationModel.CancelAsync(me, StandIn.NotNull(source), file, line)
            : source.CancelAsync();

    /// <summary>Stands in for <see cref="CancellationTokenSource.CancelAfter(int)"/>: inside an execution the delay is virtual time.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsDelay"/> is below -1.</exception>
    /// <exception cref="ObjectDisposedException">The source was disposed.</exception>
    public static void CancelAfter(CancellationTokenSource source, int millisecondsDelay, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("CancellationTokenSource.CancelAfter", file, line) is not { } me)
        {
            source.CancelAfter(millisecondsDelay);
            return;
        }
        StandIn.NotNull(source);
        if (millisecondsDelay < Timeout.Infinite)
            throw new ArgumentOutOfRangeException(nameof(millisecondsDelay));
        CancellationModel.CancelAfter(me, source, TimeSpan.FromMilliseconds(millisecondsDelay), file, line);
    }

    /// <summary>Stands in for <see cref="CancellationTokenSource.CancelAfter(TimeSpan)"/>: inside an execution the delay is virtual time.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is below -1 ms or above 4294967294 ms.</exception>
    /// <exception cref="ObjectDisposedException">The source was disposed.</exception>
    public static void CancelAfter(CancellationTokenSource source, TimeSpan delay, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("CancellationTokenSource.CancelAfter", file, line) is not { } me)
        {
            source.CancelAfter(delay);
            return;
        }
        StandIn.NotNull(source);
        CancellationModel.Validate(delay);
        // As the real member does: whole milliseconds.
        var milliseconds = (long)delay.TotalMilliseconds;
        CancellationModel.CancelAfter(me, source, milliseconds == Timeout.Infinite ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(milliseconds), file, line);
    }

    /// <summary>Stands in for <see cref="CancellationTokenSource.TryReset"/>; inside an execution a scheduling point.</summary>
    /// <returns>Whether the source was reset.</returns>
    /// <exception cref="ObjectDisposedException">The source was disposed.</exception>
    public static bool TryReset(CancellationTokenSource source, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("CancellationTokenSource.TryReset", file, line) is { } me
            ? CancellationModel.TryReset(me, StandIn.NotNull(source), file, line)
            : source.TryReset();

    /// <summary>Stands in for <see cref="CancellationTokenSource.Dispose()"/>; inside an execution a scheduling point.</summary>
    public static void Dispose(CancellationTokenSource source, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("CancellationTokenSource.Dispose", file, line) is { } me)
            CancellationModel.Dispose(me, StandIn.NotNull(source), file, line);
        else
            source.Dispose();
    }

    /// <summary>Stands in for <see cref="CancellationTokenSource.CreateLinkedTokenSource(CancellationToken)"/>.</summary>
    /// <returns>A source cancelled when <paramref name="token"/> is.</returns>
    public static CancellationTokenSource CreateLinkedTokenSource(CancellationToken token, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled(LinkApi, file, line) is { } me
            ? CancellationModel.CreateLinked(me, [token], file, line)
            : CancellationTokenSource.CreateLinkedTokenSource(token);

    /// <summary>Stands in for <see cref="CancellationTokenSource.CreateLinkedTokenSource(CancellationToken, CancellationToken)"/>.</summary>
    /// <returns>A source cancelled when either token is.</returns>
    public static CancellationTokenSource CreateLinkedTokenSource(CancellationToken token1, CancellationToken token2, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled(LinkApi, file, line) is { } me
            ? CancellationModel.CreateLinked(me, [token1, token2], file, line)
            : CancellationTokenSource.CreateLinkedTokenSource(token1, token2);

    /// <summary>Stands in for <see cref="CancellationTokenSource.CreateLinkedTokenSource(CancellationToken[])"/>.</summary>
    /// <returns>A source cancelled when any of the tokens is.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tokens"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="tokens"/> is empty.</exception>
    public static CancellationTokenSource CreateLinkedTokenSource(CancellationToken[] tokens, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        tokens is { Length: > 0 } && LoomRuntime.Controlled(LinkApi, file, line) is { } me
            ? CancellationModel.CreateLinked(me, tokens, file, line)
            : CancellationTokenSource.CreateLinkedTokenSource(tokens);

    /// <summary>Stands in for <see cref="CancellationTokenSource.CreateLinkedTokenSource(ReadOnlySpan{CancellationToken})"/>.</summary>
    /// <returns>A source cancelled when any of the tokens is.</returns>
    /// <exception cref="ArgumentException"><paramref name="tokens"/> is empty.</exception>
    public static CancellationTokenSource CreateLinkedTokenSource(ReadOnlySpan<CancellationToken> tokens, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        tokens.Length > 0 && LoomRuntime.Controlled(LinkApi, file, line) is { } me
            ? CancellationModel.CreateLinked(me, tokens, file, line)
            : CancellationTokenSource.CreateLinkedTokenSource(tokens);
}
