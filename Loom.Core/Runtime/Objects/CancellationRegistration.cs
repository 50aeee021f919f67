using System;
using System.Threading;
using System.Threading.Tasks;

namespace Loom.Runtime.Objects;

/// <summary>
/// One callback registered on a cancellation token inside an execution (by rewritten code or by one of Loom's own
/// models): what to run, in which contexts, and where it is in its life. Its <see cref="Handle"/> is a real
/// registration on the real token whose callback only forwards to the model, so that the registration rewritten
/// code holds is a real <see cref="CancellationTokenRegistration"/> (its token, equality and hash are the real
/// ones); so that a cancellation made for real on a logical thread (by code that was not rewritten) still runs the
/// callback; and so that the real <c>Dispose</c> a <c>using</c> calls is seen: the model finds the real registration
/// gone when it is about to run the callback.
/// </summary>
internal sealed class CancellationRegistration
{
    public CancellationRegistration(CancellationSourceState source, long id, CancellationToken token, Delegate callback, object? state, string? file, int line)
    {
        Source = source;
        Id = id;
        Token = token;
        Callback = callback;
        State = state;
        File = file;
        Line = line;
    }

    /// <summary>The source whose cancellation runs the callback.</summary>
    public CancellationSourceState Source { get; }

    /// <summary>A number unique within the source, in order of registration.</summary>
    public long Id { get; }

    /// <summary>The token the callback was registered on, which a two-argument callback receives.</summary>
    public CancellationToken Token { get; }

    /// <summary>An <see cref="Action{T}"/> of the state, or an <see cref="Action{T1, T2}"/> of the state and the token.</summary>
    public Delegate Callback { get; }

    /// <summary>The callback's argument.</summary>
    public object? State { get; }

    /// <summary>Where the callback was registered, for traces and deadlock reports.</summary>
    public string? File { get; }

    /// <summary>The line of <see cref="File"/>.</summary>
    public int Line { get; }

    /// <summary>The execution context captured at registration (<c>Register</c>), or <see langword="null"/> (<c>UnsafeRegister</c>).</summary>
    public ExecutionContext? ExecutionContext { get; init; }

    /// <summary>The synchronization context the callback is sent to (<c>useSynchronizationContext</c>), or <see langword="null"/>.</summary>
    public SynchronizationContext? SynchronizationContext { get; init; }

    /// <summary>Whether the model unregistered the real registration (<see cref="ReleaseHandle"/>).</summary>
    private bool _released;

    /// <summary>The real registration rewritten code holds; <see langword="default"/> until made.</summary>
    public CancellationTokenRegistration Handle { get; set; }

    /// <summary>Where the registration is in its life; only a <see cref="CancellationRegistrationStatus.Registered"/> one can still run.</summary>
    public CancellationRegistrationStatus Status { get; set; }

    /// <summary>Completes when the callback has finished, for a <c>DisposeAsync</c> that waits for it; made on first need.</summary>
    public TaskCompletionSource? Finished { get; set; }

    /// <summary>
    /// Unregisters the callback if it is still to run (it then never will), with no scheduling point or wait; whether
    /// it was.
    /// </summary>
    public bool TryUnregister()
    {
        if (Status != CancellationRegistrationStatus.Registered)
            return false;
        Status = CancellationRegistrationStatus.Unregistered;
        Source.Remove(this);
        // The real registration is gone already if the model released it, or if code that was not rewritten disposed it.
        return _released || Handle.Unregister();
    }

    /// <summary>
    /// Unregisters the real registration, which the model no longer needs (it is about to run the callback itself);
    /// <see langword="false"/> if it was gone already: code that was not rewritten disposed it.
    /// </summary>
    public bool ReleaseHandle()
    {
        if (_released)
            return true;
        _released = true;
        return Handle.Unregister();
    }

    /// <summary>The registration's site as <c>File.cs:12</c>, or "an unknown location".</summary>
    public string Site => Threading.Blocking.Where(File, Line);
}
