using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Loom.Runtime;
using Loom.Runtime.Objects;
using Loom.Simulation;

namespace Loom.Threading.Models;

/// <summary>
/// The model of <see cref="CancellationTokenSource"/> and of the state its tokens read, shared by the stand-ins
/// (Loom.Interception's <c>CancellationTokenSourceCalls</c> and <c>CancellationTokenCalls</c>) and by Loom's other
/// models, whose waits end on cancellation. Every operation that reads or changes a source's cancellation state is a
/// scheduling point on its <see cref="CancellationSourceState"/>: reads are reads, so they commute with each other;
/// cancelling, registering, resetting and disposing are writes. Delays and <c>CancelAfter</c> run on the execution's
/// virtual clock, and <c>CancelAsync</c> runs the callbacks as queued work of the execution. See
/// <see cref="CancellationSourceState"/> for which real sources the model changes.
/// </summary>
internal static class CancellationModel
{
    private const string CancelApi = "CancellationTokenSource.Cancel";
    private const string TimerApi = "CancellationTokenSource timer";
    private const string LinkApi = "CancellationTokenSource.CreateLinkedTokenSource";
    private const string LinkedCancelApi = "CancellationTokenSource.Cancel (linked)";

    /// <summary>The message of the real source's <see cref="ObjectDisposedException"/>.</summary>
    private const string DisposedMessage = "The CancellationTokenSource has been disposed.";

    /// <summary>The longest delay a source's timer accepts, in milliseconds, as for the real one.</summary>
    private const long MaxDelay = 0xfffffffe;

    /// <summary>A linked source's registration on each token it links to: cancels the linked source.</summary>
    private static readonly Action<object?> s_linkCallback = static state => CancelLinked((CancellationSourceState)state!);

    /// <summary>
    /// The key of each source's model: not the source itself, on which code may also take a lock, whose model is
    /// keyed by the object.
    /// </summary>
    private static readonly ConditionalWeakTable<CancellationTokenSource, Key> s_keys = new();

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_source")]
    private static extern ref CancellationTokenSource? SourceField(ref CancellationToken token);

    /// <summary>The source behind <paramref name="token"/>, or <see langword="null"/> for a token that cannot be cancelled.</summary>
    public static CancellationTokenSource? SourceOf(CancellationToken token) => SourceField(ref token);

    /// <summary>The model of <paramref name="real"/> in the calling thread's execution, made on first use.</summary>
    public static CancellationSourceState State(LogicalThread me, CancellationTokenSource real) => State(me.Execution, real);

    /// <summary>The model of <paramref name="real"/> in <paramref name="execution"/>, made on first use.</summary>
    public static CancellationSourceState State(Execution execution, CancellationTokenSource real) =>
        execution.ModelOf(KeyOf(real), static (execution, key) => new CancellationSourceState(execution, ((Key)key).Real, born: false));

    /// <summary>The model of the source behind <paramref name="token"/>, or <see langword="null"/> if it cannot be cancelled.</summary>
    public static CancellationSourceState? Observe(LogicalThread me, CancellationToken token) => Observe(me.Execution, token);

    /// <summary>The model of the source behind <paramref name="token"/> in <paramref name="execution"/>, or <see langword="null"/> if it cannot be cancelled.</summary>
    public static CancellationSourceState? Observe(Execution execution, CancellationToken token) =>
        SourceOf(token) is { } real ? State(execution, real) : null;

    /// <summary>Whether cancellation of <paramref name="token"/> was requested, in the model or for real; no scheduling point.</summary>
    public static bool IsRequested(LogicalThread me, CancellationToken token) => Observe(me, token)?.IsRequested ?? false;

    /// <summary>
    /// Throws <see cref="OperationCanceledException"/> if cancellation of <paramref name="token"/> was requested, after a
    /// scheduling point that reads the source (the thread learns of the cancellation); otherwise nothing.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancellation was requested.</exception>
    public static void ThrowIfRequested(LogicalThread me, CancellationToken token, string? file, int line)
    {
        if (Observed(me, token, file, line))
            throw new OperationCanceledException(token);
    }

    /// <summary>
    /// Whether cancellation of <paramref name="token"/> was requested; if so, after a scheduling point that reads the
    /// source, so that the thread is ordered after the cancellation it learns of.
    /// </summary>
    public static bool Observed(LogicalThread me, CancellationToken token, string? file, int line)
    {
        if (Observe(me, token) is not { IsRequested: true } source)
            return false;
        Blocking.Step(me, source, "CancellationToken observed", AccessKind.Read, file, line);
        return true;
    }

    /// <summary>
    /// A task canceled with <paramref name="token"/>, which may be cancelled in the model only (where
    /// <see cref="Task.FromCanceled{TResult}(CancellationToken)"/> would refuse it).
    /// </summary>
    public static Task<TResult> Canceled<TResult>(CancellationToken token)
    {
        var completion = new TaskCompletionSource<TResult>();
        completion.TrySetCanceled(token);
        return completion.Task;
    }

    /// <summary>Takes on <paramref name="real"/>, made by rewritten code inside the execution, as a source kept in step with its model.</summary>
    public static CancellationTokenSource MadeHere(LogicalThread me, CancellationTokenSource real, bool hasProviderTimer = false)
    {
        me.Execution.ModelOf(KeyOf(real), (execution, _) => new CancellationSourceState(execution, real, born: true) { HasProviderTimer = hasProviderTimer });
        return real;
    }

    /// <summary><c>new CancellationTokenSource(delay)</c>: cancelled at once for zero, after <paramref name="delay"/> of virtual time otherwise.</summary>
    public static CancellationTokenSource New(LogicalThread me, TimeSpan delay, string api, string? file, int line)
    {
        var real = MadeHere(me, delay == TimeSpan.Zero ? new CancellationTokenSource(0) : new CancellationTokenSource());
        var source = State(me, real);
        Blocking.Step(me, source, api, AccessKind.Write, file, line);
        me.Execution.RecordValue(me, delay);
        if (delay != TimeSpan.Zero && delay != Timeout.InfiniteTimeSpan)
            Arm(me, source, delay, file, line);
        return real;
    }

    /// <summary>Checks a delay as the real constructor and <c>CancelAfter(TimeSpan)</c> do.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The delay is below -1 ms or above 4294967294 ms.</exception>
    public static void Validate(TimeSpan delay)
    {
        var milliseconds = (long)delay.TotalMilliseconds;
        if (milliseconds < -1 || milliseconds > MaxDelay)
            throw new ArgumentOutOfRangeException(nameof(delay));
    }

    /// <summary><c>source.IsCancellationRequested</c> or <c>token.IsCancellationRequested</c>: a scheduling point that reads.</summary>
    public static bool IsCancellationRequested(LogicalThread me, CancellationTokenSource real, string api, string? file, int line)
    {
        var source = State(me, real);
        Blocking.Step(me, source, api, AccessKind.Read, file, line);
        return MemoryAccess.Result(me, source.IsRequested);
    }

    /// <summary><c>source.Token</c>: the real token, or <see cref="ObjectDisposedException"/> once the model disposed the source; no scheduling point.</summary>
    /// <exception cref="ObjectDisposedException">The source was disposed.</exception>
    public static CancellationToken Token(LogicalThread me, CancellationTokenSource real)
    {
        if (State(me, real).IsDisposed)
            throw Disposed();
        return real.Token;
    }

    /// <summary><c>source.Cancel(throwOnFirst)</c>: a scheduling point, then the callbacks on this thread if it is the first to cancel.</summary>
    /// <exception cref="ObjectDisposedException">The source was disposed.</exception>
    /// <exception cref="AggregateException">Callbacks threw.</exception>
    public static void Cancel(LogicalThread me, CancellationTokenSource real, bool throwOnFirst, string? file, int line)
    {
        var source = State(me, real);
        Blocking.Step(me, source, CancelApi, AccessKind.Write, file, line);
        if (source.IsDisposed)
            throw Disposed();
        Notify(me, source, throwOnFirst);
    }

    /// <summary>
    /// <c>source.CancelAsync()</c>: a scheduling point that requests cancellation; the callbacks then run on a task of
    /// the execution, a step of its own, and the returned task completes when they have.
    /// </summary>
    public static Task CancelAsync(LogicalThread me, CancellationTokenSource real, string? file, int line)
    {
        var source = State(me, real);
        Blocking.Step(me, source, "CancellationTokenSource.CancelAsync", AccessKind.Write, file, line);
        if (source.IsDisposed)
            return Task.FromException(new ObjectDisposedException(real.GetType().FullName, DisposedMessage));
        if (source.IsRequested)
        {
            Blocking.Record(me, "cancelled already");
            return Task.CompletedTask;
        }
        MarkRequested(source);
        // A source kept in step is cancelled for real by the task: registrations of code that was not rewritten may exist.
        if (!source.Born && source.RegisteredCount == 0)
            return Task.CompletedTask;
        return Task.Factory.StartNew(
            static state =>
            {
                var source = (CancellationSourceState)state!;
                if (!source.IsDisposed)
                    CancellationCallbacks.RunAll(LogicalThread.Current!, source, throwOnFirst: false);
            },
            source,
            CancellationToken.None,
            TaskCreationOptions.DenyChildAttach,
            me.Execution.TaskScheduler);
    }

    /// <summary><c>source.CancelAfter(delay)</c>: a scheduling point that (re)arms the source's timer on virtual time.</summary>
    /// <exception cref="ObjectDisposedException">The source was disposed.</exception>
    public static void CancelAfter(LogicalThread me, CancellationTokenSource real, TimeSpan delay, string? file, int line)
    {
        var source = State(me, real);
        Blocking.Step(me, source, "CancellationTokenSource.CancelAfter", AccessKind.Write, file, line);
        me.Execution.RecordValue(me, delay);
        if (source.IsDisposed)
            throw Disposed();
        if (source.IsRequested)
            return;
        if (source.HasProviderTimer)
            real.CancelAfter(delay);
        else
            Arm(me, source, delay, file, line);
    }

    /// <summary><c>source.TryReset()</c>: a scheduling point; unregisters every callback if cancellation was not requested and no timer fired.</summary>
    /// <exception cref="ObjectDisposedException">The source was disposed.</exception>
    public static bool TryReset(LogicalThread me, CancellationTokenSource real, string? file, int line)
    {
        var source = State(me, real);
        Blocking.Step(me, source, "CancellationTokenSource.TryReset", AccessKind.Write, file, line);
        if (source.IsDisposed)
            throw Disposed();
        if (source.IsRequested || source.Timer is { Fired: true } || (source.Born && !real.TryReset()))
            return MemoryAccess.Result(me, false);
        source.Timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        foreach (var registration in source.TakeAll())
            registration.TryUnregister();
        return MemoryAccess.Result(me, true);
    }

    /// <summary>
    /// <c>source.Dispose()</c>: a scheduling point; a linked source first disposes its registrations on the tokens it
    /// links to (waiting, as .NET does, for one whose callback runs on another thread). Callbacks never run after it.
    /// </summary>
    public static void Dispose(LogicalThread me, CancellationTokenSource real, string? file, int line)
    {
        var source = State(me, real);
        Blocking.Step(me, source, "CancellationTokenSource.Dispose", AccessKind.Write, file, line);
        if (source.Disposed)
            return;
        foreach (var link in source.Links ?? [])
            CancellationCallbacks.Dispose(me, link, "CancellationTokenRegistration.Dispose", file, line);
        source.Links = null;
        source.Disposed = true;
        StopTimer(source);
        foreach (var registration in source.TakeAll())
        {
            // Unregistering still succeeds after a disposal, as in .NET: only the real registration is dropped.
            if (!registration.ReleaseHandle())
                registration.TryUnregister();
        }
        if (source.Born)
            real.Dispose();
    }

    /// <summary><c>CancellationTokenSource.CreateLinkedTokenSource(tokens)</c>: a source cancelled when any of the tokens is, through a registration on each.</summary>
    public static CancellationTokenSource CreateLinked(LogicalThread me, ReadOnlySpan<CancellationToken> tokens, string? file, int line)
    {
        var real = MadeHere(me, new CancellationTokenSource());
        var linked = State(me, real);
        linked.LinkSite = (file, line);
        foreach (var token in tokens)
        {
            if (token.CanBeCanceled && CancellationCallbacks.Add(me, token, s_linkCallback, linked, null, null, LinkApi, file, line) is { } link)
                (linked.Links ??= []).Add(link);
        }
        return real;
    }

    /// <summary>Marks cancellation requested in the model and stops the source's timer, as the real transition does.</summary>
    public static void MarkRequested(CancellationSourceState source)
    {
        source.Requested = true;
        StopTimer(source);
    }

    /// <summary>Cancels <paramref name="source"/> unless that was requested already, running its callbacks on <paramref name="me"/>.</summary>
    private static void Notify(LogicalThread me, CancellationSourceState source, bool throwOnFirst)
    {
        if (source.IsRequested)
        {
            Blocking.Record(me, "cancelled already");
            return;
        }
        MarkRequested(source);
        // A disposed source can still be cancelled by a link or its timer, with no callbacks left to run.
        if (!source.IsDisposed)
            CancellationCallbacks.RunAll(me, source, throwOnFirst);
    }

    private static void Arm(LogicalThread me, CancellationSourceState source, TimeSpan delay, string? file, int line)
    {
        source.TimerSite = (file, line);
        source.Timer ??= me.Execution.Clock.CreateTimer(static state => TimerFired((CancellationSourceState)state!), source, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan, withContext: true);
        source.Timer.Change(delay, Timeout.InfiniteTimeSpan);
    }

    private static void StopTimer(CancellationSourceState source)
    {
        source.Timer?.Dispose();
        source.Timer = null;
    }

    /// <summary>The source's timer fired, on a logical thread of its own: it cancels, as the real timer does, without the disposal check.</summary>
    private static void TimerFired(CancellationSourceState source)
    {
        var me = LogicalThread.Current!;
        Blocking.Step(me, source, TimerApi, AccessKind.Write, source.TimerSite.File, source.TimerSite.Line);
        Notify(me, source, throwOnFirst: false);
    }

    /// <summary>A token a linked source links to was cancelled, on the thread running that token's callbacks.</summary>
    private static void CancelLinked(CancellationSourceState linked)
    {
        var me = LogicalThread.Current!;
        Blocking.Step(me, linked, LinkedCancelApi, AccessKind.Write, linked.LinkSite.File, linked.LinkSite.Line);
        Notify(me, linked, throwOnFirst: false);
    }

    private static Key KeyOf(CancellationTokenSource real) => s_keys.GetValue(real, static source => new Key(source));

    private static ObjectDisposedException Disposed() => new(null, DisposedMessage);

    /// <summary>A source's model key, which knows its source.</summary>
    private sealed class Key(CancellationTokenSource real)
    {
        public CancellationTokenSource Real { get; } = real;
    }
}
