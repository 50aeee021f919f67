using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Loom.Runtime;
using Loom.Runtime.Objects;
using Loom.Simulation;

namespace Loom.Threading.Models;

/// <summary>
/// The callbacks of cancellation tokens inside an execution: registering them, running them when their source is
/// cancelled, and unregistering them, with the semantics .NET documents. Callbacks run on the cancelling logical
/// thread, most recently registered first, each after a scheduling point of its own at its registration's site; a
/// registration disposed while its callback runs on another thread waits for it (a controlled wait, so a callback
/// that needs what the disposing thread holds is reported as the deadlock it is); disposed by the thread running
/// the callbacks it returns at once, as .NET special-cases. Shared by the stand-ins (Loom.Interception's
/// <c>CancellationTokenCalls</c> and <c>CancellationTokenRegistrationCalls</c>), linked sources, and Loom's own
/// models that end a wait on cancellation.
/// </summary>
internal static class CancellationCallbacks
{
    private const string CallbackApi = "CancellationToken callback";
    private const string CallbackReturnedApi = "CancellationToken callback returned";

    /// <summary>
    /// The real registration's callback: it forwards a cancellation made for real to the model. On a source the
    /// execution did not make, which outlives it, the registration is held weakly, so that a registration never
    /// disposed keeps no finished execution alive.
    /// </summary>
    private static readonly Action<object?> s_bridge = static state =>
    {
        var registration = state as CancellationRegistration;
        if (registration is not null || (state is WeakReference<CancellationRegistration> weak && weak.TryGetTarget(out registration)))
            FromRealCancellation(registration);
    };

    /// <summary>
    /// <c>token.Register(...)</c>: a scheduling point on the token's source; if cancellation was requested already, the
    /// callback runs at once on this thread (with no context switched, as in .NET) and the registration is empty.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> is <see langword="null"/>.</exception>
    public static CancellationTokenRegistration Register(LogicalThread me, CancellationToken token, Delegate callback, object? state, bool useSynchronizationContext, bool useExecutionContext, string api, string? file, int line)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var registration = Add(
            me,
            token,
            callback,
            state,
            useExecutionContext ? ExecutionContext.Capture() : null,
            useSynchronizationContext ? SynchronizationContext.Current : null,
            api,
            file,
            line);
        return registration?.Handle ?? default;
    }

    /// <summary>
    /// Registers <paramref name="callback"/> on <paramref name="token"/>'s source, after a scheduling point named
    /// <paramref name="api"/> unless that is <see langword="null"/> (Loom's own models, whose operation has its own).
    /// Returns the registration, or <see langword="null"/> if the token cannot be cancelled, its source was disposed,
    /// or it was cancelled already, in which case the callback ran.
    /// </summary>
    public static CancellationRegistration? Add(
        LogicalThread me,
        CancellationToken token,
        Delegate callback,
        object? state,
        ExecutionContext? executionContext,
        SynchronizationContext? synchronizationContext,
        string? api,
        string? file,
        int line)
    {
        if (CancellationModel.SourceOf(token) is not { } real)
            return null;
        var source = CancellationModel.State(me, real);
        if (api is not null)
            Blocking.Step(me, source, api, AccessKind.Write, file, line);
        if (source.IsRequested)
        {
            if (api is not null)
                Blocking.Record(me, "cancelled already: the callback runs now");
            Invoke(callback, state, token);
            return null;
        }
        if (source.IsDisposed)
            return null;
        var registration = source.Add(token, callback, state, executionContext, synchronizationContext, file, line);
        source.SetHandle(registration, token.UnsafeRegister(s_bridge, source.Born ? registration : new WeakReference<CancellationRegistration>(registration)));
        return registration;
    }

    /// <summary>
    /// Runs the callbacks of <paramref name="source"/> on <paramref name="me"/>, the thread that cancels it, as .NET's
    /// <c>Cancel</c> does: most recent first, exceptions gathered into an <see cref="AggregateException"/>, or, with
    /// <paramref name="throwOnFirst"/>, the first one thrown as it is and the rest left unrun. The real registrations
    /// that stand for the model's are released first: one already gone was disposed by code that was not rewritten
    /// (a <c>using</c> calls the real <c>Dispose</c>), so its callback does not run, and none is left for .NET to run,
    /// or to wait for. A source kept in step is then cancelled for real, which runs the registrations of code that was
    /// not rewritten, before the model's.
    /// </summary>
    /// <exception cref="AggregateException">Callbacks threw.</exception>
    public static void RunAll(LogicalThread me, CancellationSourceState source, bool throwOnFirst)
    {
        source.Notified = true;
        foreach (var registration in source.Pending())
        {
            if (!registration.ReleaseHandle())
                registration.TryUnregister();
        }
        List<Exception>? errors = null;
        if (source.Born)
        {
            try
            {
                source.Real.Cancel(throwOnFirst);
            }
            catch (AggregateException ex) when (ex.InnerExceptions.Any(e => e is ExecutionAbortedException))
            {
                throw new ExecutionAbortedException();
            }
            catch (AggregateException ex)
            {
                errors = [.. ex.InnerExceptions];
            }
        }
        while (source.TakeLast() is { } next)
        {
            try
            {
                Run(me, next);
            }
            catch (Exception ex) when (ex is not ExecutionAbortedException && !throwOnFirst)
            {
                (errors ??= new List<Exception>()).Add(ex);
            }
        }
        if (errors is not null)
            throw new AggregateException(errors);
    }

    /// <summary>
    /// <c>registration.Dispose()</c>: a scheduling point that waits while the callback runs on another thread; then
    /// the callback will not run.
    /// </summary>
    public static void Dispose(LogicalThread me, CancellationRegistration registration, string api, string? file, int line)
    {
        Blocking.Wait(me, registration.Source, api, AccessKind.Write, registration.Id, CancellationToken.None, file, line);
        Blocking.Record(me, Describe(registration, me));
        registration.TryUnregister();
    }

    /// <summary>
    /// <c>registration.DisposeAsync()</c>: a scheduling point; the task completes once a callback running on another
    /// thread has finished, at once otherwise.
    /// </summary>
    public static ValueTask DisposeAsync(LogicalThread me, CancellationRegistration registration, string api, string? file, int line)
    {
        var source = registration.Source;
        Blocking.Step(me, source, api, AccessKind.Write, file, line);
        Blocking.Record(me, Describe(registration, me));
        if (registration.Status == CancellationRegistrationStatus.Running && source.CallbackThread != me)
            return new ValueTask((registration.Finished ??= new TaskCompletionSource()).Task);
        registration.TryUnregister();
        return default;
    }

    /// <summary><c>registration.Unregister()</c>: a scheduling point; whether the callback was still to run (it now never will).</summary>
    public static bool Unregister(LogicalThread me, CancellationRegistration registration, string api, string? file, int line)
    {
        Blocking.Step(me, registration.Source, api, AccessKind.Write, file, line);
        return MemoryAccess.Result(me, registration.TryUnregister());
    }

    /// <summary>Calls a callback as .NET does: with its state, and the token too if it takes one.</summary>
    public static void Invoke(Delegate callback, object? state, CancellationToken token)
    {
        if (callback is Action<object?> action)
            action(state);
        else
            ((Action<object?, CancellationToken>)callback)(state, token);
    }

    /// <summary>
    /// Runs one callback on <paramref name="me"/>, the thread cancelling its source: it is taken out of the source
    /// first (from then on disposing it on another thread waits), then a scheduling point at its registration's site,
    /// the callback in the contexts it was registered with, and a scheduling point after which a thread waiting to
    /// dispose the registration may go on (ordered after everything the callback did).
    /// </summary>
    private static void Run(LogicalThread me, CancellationRegistration registration)
    {
        var source = registration.Source;
        source.Remove(registration);
        registration.Status = CancellationRegistrationStatus.Running;
        source.Running = registration;
        source.CallbackThread = me;
        try
        {
            Blocking.Step(me, source, CallbackApi, AccessKind.Read, registration.File, registration.Line);
            try
            {
                if (registration.SynchronizationContext is { } context)
                    context.Send(static s => InExecutionContext((CancellationRegistration)s!), registration);
                else
                    InExecutionContext(registration);
            }
            finally
            {
                // The callback's end is what a waiting Dispose learns of: a step on the source, before it may go on.
                Blocking.Step(me, source, CallbackReturnedApi, AccessKind.Read, registration.File, registration.Line, OperationFlags.RunsDuringAbort);
            }
        }
        finally
        {
            registration.Status = CancellationRegistrationStatus.Ran;
            source.Running = null;
            source.CallbackThread = null;
            if (registration.Finished is { } finished)
                ContextFree.Run(() => finished.TrySetResult());
        }
    }

    private static void InExecutionContext(CancellationRegistration registration)
    {
        if (registration.ExecutionContext is { } context)
            ExecutionContext.Run(context, static s => Invoke((CancellationRegistration)s!), registration);
        else
            Invoke(registration);
    }

    private static void Invoke(CancellationRegistration registration) => Invoke(registration.Callback, registration.State, registration.Token);

    /// <summary>
    /// A real registration's callback ran: code that was not rewritten cancelled the real source (the model releases
    /// its real registrations before it cancels a source kept in step). On a logical thread of the execution, the
    /// model's callback runs there, and the model learns of the cancellation; anywhere else the execution fails, since
    /// the callback would run outside Loom's control.
    /// </summary>
    private static void FromRealCancellation(CancellationRegistration registration)
    {
        var source = registration.Source;
        var execution = source.Execution;
        if (LogicalThread.Current is not { } me || me.Execution != execution)
        {
            if (!execution.Finished && !execution.Aborting)
            {
                execution.Fail(
                    FailureKind.UncontrolledConcurrency,
                    $"{source} was cancelled on an OS thread Loom does not control (managed thread {Environment.CurrentManagedThreadId}), " +
                    $"so the callback registered at {registration.Site} could not run under Loom's control: a real timer (a delay or CancelAfter " +
                    "given to the source outside the execution) or code running outside the execution cancelled it. Make the source inside the " +
                    "execution, and cancel it from code the test build rewrote (docs/rewriting.md).",
                    null);
            }
            return;
        }
        if (source.Notified || registration.Status != CancellationRegistrationStatus.Registered)
            return;
        if (!source.Requested)
            CancellationModel.MarkRequested(source);
        Run(me, registration);
    }

    private static string Describe(CancellationRegistration registration, LogicalThread me) => registration.Status switch
    {
        CancellationRegistrationStatus.Registered => "unregistered",
        CancellationRegistrationStatus.Running when registration.Source.CallbackThread == me => "its callback is running on this thread",
        CancellationRegistrationStatus.Running => $"its callback is running on {registration.Source.CallbackThread?.Label}",
        CancellationRegistrationStatus.Ran => "its callback ran",
        _ => "unregistered already",
    };
}
