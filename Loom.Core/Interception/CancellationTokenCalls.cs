using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Threading;
using Loom.Threading.Models;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="CancellationToken"/>'s members, a struct, so the instance stand-ins take it by reference.
/// Inside a Loom execution reading the cancellation state is a scheduling point on the model of the token's source
/// (<see cref="CancellationModel"/>), and a registration is the model's (<see cref="CancellationCallbacks"/>): its
/// callback runs on the logical thread that cancels, or at once on the registering thread if cancellation was
/// requested already, and its <see cref="CancellationTokenRegistration"/> waits, when disposed, for a callback running
/// on another thread. Outside an execution each stand-in is the real member.
/// </summary>
[PassesThrough("New", PassThroughReasons.FixedAtConstruction)]
[PassesThrough("get_None", PassThroughReasons.FixedAtConstruction)]
[PassesThrough("get_CanBeCanceled", PassThroughReasons.FixedAtConstruction)]
[PassesThrough("Equals", PassThroughReasons.ValueEquality)]
[PassesThrough("GetHashCode", PassThroughReasons.ValueEquality)]
[PassesThrough("op_Equality", PassThroughReasons.ValueEquality)]
[PassesThrough("op_Inequality", PassThroughReasons.ValueEquality)]
[Intercepts(typeof(CancellationToken))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CancellationTokenCalls
{
    private const string RegisterApi = "CancellationToken.Register";
    private const string UnsafeRegisterApi = "CancellationToken.UnsafeRegister";

    /// <summary>Runs a parameterless callback registered as the state of a one-argument one, as .NET does.</summary>
    private static readonly Action<object?> s_invokeAction = static state => ((Action)state!)();

    /// <summary>Stands in for <see cref="CancellationToken.IsCancellationRequested"/>; inside an execution a scheduling point on its source.</summary>
    /// <returns>Whether cancellation was requested.</returns>
    public static bool get_IsCancellationRequested(ref CancellationToken token, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CancellationModel.SourceOf(token) is { } source && LoomRuntime.Controlled("CancellationToken.IsCancellationRequested", file, line) is { } me
            ? CancellationModel.IsCancellationRequested(me, source, "CancellationToken.IsCancellationRequested", file, line)
            : token.IsCancellationRequested;

    /// <summary>Stands in for <see cref="CancellationToken.ThrowIfCancellationRequested"/>; inside an execution a scheduling point on its source.</summary>
    /// <exception cref="OperationCanceledException">Cancellation was requested.</exception>
    public static void ThrowIfCancellationRequested(ref CancellationToken token, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (CancellationModel.SourceOf(token) is { } source && LoomRuntime.Controlled("CancellationToken.ThrowIfCancellationRequested", file, line) is { } me)
        {
            if (CancellationModel.IsCancellationRequested(me, source, "CancellationToken.ThrowIfCancellationRequested", file, line))
                throw new OperationCanceledException(token);
            return;
        }
        token.ThrowIfCancellationRequested();
    }

    /// <summary>Stands in for <see cref="CancellationToken.WaitHandle"/>. Inside an execution it throws: a real wait handle is waited on outside Loom's control.</summary>
    /// <returns>The token's wait handle.</returns>
    /// <exception cref="NotSupportedException">Called inside a Loom execution.</exception>
    public static WaitHandle get_WaitHandle(ref CancellationToken token, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("CancellationToken.WaitHandle", file, line) is not null)
        {
            throw new NotSupportedException(Blocking.NotSupported(
                "CancellationToken.WaitHandle",
                "a WaitHandle is a real operating-system wait that Loom cannot schedule, so a thread waiting on it would block outside Loom's control. Register a callback on the token instead."));
        }
        return token.WaitHandle;
    }

    /// <summary>Stands in for <see cref="CancellationToken.Register(Action)"/>: inside an execution a scheduling point, and the callback runs under Loom's control.</summary>
    /// <returns>The registration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> is <see langword="null"/>.</exception>
    public static CancellationTokenRegistration Register(ref CancellationToken token, Action callback, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        Register(ref token, callback, useSynchronizationContext: false, file, line);

    /// <summary>Stands in for <see cref="CancellationToken.Register(Action, bool)"/>.</summary>
    /// <returns>The registration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> is <see langword="null"/>.</exception>
    public static CancellationTokenRegistration Register(ref CancellationToken token, Action callback, bool useSynchronizationContext, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled(RegisterApi, file, line) is not { } me)
            return token.Register(callback, useSynchronizationContext);
        ArgumentNullException.ThrowIfNull(callback);
        return CancellationCallbacks.Register(me, token, s_invokeAction, callback, useSynchronizationContext, useExecutionContext: true, RegisterApi, file, line);
    }

    /// <summary>Stands in for <see cref="CancellationToken.Register(Action{object?}, object?)"/>.</summary>
    /// <returns>The registration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> is <see langword="null"/>.</exception>
    public static CancellationTokenRegistration Register(ref CancellationToken token, Action<object?> callback, object? state, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled(RegisterApi, file, line) is { } me
            ? CancellationCallbacks.Register(me, token, callback, state, useSynchronizationContext: false, useExecutionContext: true, RegisterApi, file, line)
            : token.Register(callback, state);

    /// <summary>Stands in for <see cref="CancellationToken.Register(Action{object?}, object?, bool)"/>.</summary>
    /// <returns>The registration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> is <see langword="null"/>.</exception>
    public static CancellationTokenRegistration Register(ref CancellationToken token, Action<object?> callback, object? state, bool useSynchronizationContext, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled(RegisterApi, file, line) is { } me
            ? CancellationCallbacks.Register(me, token, callback, state, useSynchronizationContext, useExecutionContext: true, RegisterApi, file, line)
            : token.Register(callback, state, useSynchronizationContext);

    /// <summary>Stands in for <see cref="CancellationToken.Register(Action{object?, CancellationToken}, object?)"/>.</summary>
    /// <returns>The registration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> is <see langword="null"/>.</exception>
    public static CancellationTokenRegistration Register(ref CancellationToken token, Action<object?, CancellationToken> callback, object? state, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled(RegisterApi, file, line) is { } me
            ? CancellationCallbacks.Register(me, token, callback, state, useSynchronizationContext: false, useExecutionContext: true, RegisterApi, file, line)
            : token.Register(callback, state);

    /// <summary>Stands in for <see cref="CancellationToken.UnsafeRegister(Action{object?}, object?)"/>: as <c>Register</c>, without flowing the execution context.</summary>
    /// <returns>The registration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> is <see langword="null"/>.</exception>
    public static CancellationTokenRegistration UnsafeRegister(ref CancellationToken token, Action<object?> callback, object? state, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled(UnsafeRegisterApi, file, line) is { } me
            ? CancellationCallbacks.Register(me, token, callback, state, useSynchronizationContext: false, useExecutionContext: false, UnsafeRegisterApi, file, line)
            : token.UnsafeRegister(callback, state);

    /// <summary>Stands in for <see cref="CancellationToken.UnsafeRegister(Action{object?, CancellationToken}, object?)"/>.</summary>
    /// <returns>The registration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> is <see langword="null"/>.</exception>
    public static CancellationTokenRegistration UnsafeRegister(ref CancellationToken token, Action<object?, CancellationToken> callback, object? state, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled(UnsafeRegisterApi, file, line) is { } me
            ? CancellationCallbacks.Register(me, token, callback, state, useSynchronizationContext: false, useExecutionContext: false, UnsafeRegisterApi, file, line)
            : token.UnsafeRegister(callback, state);
}
