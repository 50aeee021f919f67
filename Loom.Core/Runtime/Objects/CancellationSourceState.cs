using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Simulation;

namespace Loom.Runtime.Objects;

/// <summary>
/// The model of a <see cref="CancellationTokenSource"/> in one execution: whether cancellation was requested, whether
/// it was disposed, the callbacks registered through the model (in order), the one running, and the virtual timer of
/// its delay or <c>CancelAfter</c>. A thread disposing a registration whose callback runs on another thread waits
/// here, its request being the registration's <see cref="CancellationRegistration.Id"/>.
/// <para>
/// A source made inside the execution by rewritten code (<see cref="Born"/>) is new to the execution, so the model
/// keeps the real source in step: it cancels, resets and disposes it too, and code that was not rewritten (the BCL's
/// own registrations on its token: a <c>Task.Delay</c>, a <c>WaitAsync</c>) sees what rewritten code did. Any other
/// source (made outside the execution, or by code that was not rewritten) is never changed: its model starts from
/// the real state as the execution first finds it, as the other models do.
/// </para>
/// </summary>
internal sealed class CancellationSourceState : WaitableObject
{
    /// <summary>The registrations whose callbacks may still run, in registration order; cancellation runs them from the end.</summary>
    private readonly List<CancellationRegistration> _registered = new();

    /// <summary>Every registration made through the model in this execution, by the real registration rewritten code holds.</summary>
    private readonly Dictionary<CancellationTokenRegistration, CancellationRegistration> _byHandle = new();

    private long _nextId = 1;

    public CancellationSourceState(Execution execution, CancellationTokenSource real, bool born)
        : base(execution, "CancellationTokenSource")
    {
        Real = real;
        Born = born;
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_disposed")]
    private static extern ref bool DisposedOf(CancellationTokenSource source);

    /// <summary>The real source.</summary>
    public CancellationTokenSource Real { get; }

    /// <summary>Whether rewritten code made the source inside this execution, so that the model changes the real source too.</summary>
    public bool Born { get; }

    /// <summary>
    /// Whether the real source's timer is a time provider's the code gave (not the system clock, which inside an
    /// execution is virtual time): its delay and <c>CancelAfter</c> are the real source's own.
    /// </summary>
    public bool HasProviderTimer { get; init; }

    /// <summary>Whether the model requested cancellation (the real source may have been cancelled as well, or instead).</summary>
    public bool Requested { get; set; }

    /// <summary>Whether the model runs (or ran) the callbacks of its cancellation, rather than real registrations forwarding a real one.</summary>
    public bool Notified { get; set; }

    /// <summary>Whether cancellation was requested, in the model or for real.</summary>
    public bool IsRequested => Requested || Real.IsCancellationRequested;

    /// <summary>Whether the model disposed the source.</summary>
    public bool Disposed { get; set; }

    /// <summary>Whether the source was disposed, in the model or for real.</summary>
    public bool IsDisposed => Disposed || DisposedOf(Real);

    /// <summary>The virtual timer that cancels the source (its delay, <c>CancelAfter</c>); <see langword="null"/> until armed.</summary>
    public SimTimer? Timer { get; set; }

    /// <summary>Where the timer was last armed, for the step that cancels.</summary>
    public (string? File, int Line) TimerSite { get; set; }

    /// <summary>For a linked source, its registrations on the tokens it is linked to, which its disposal removes.</summary>
    public List<CancellationRegistration>? Links { get; set; }

    /// <summary>Where a linked source was made, for the step its link cancels it at.</summary>
    public (string? File, int Line) LinkSite { get; set; }

    /// <summary>The registration whose callback is running, or <see langword="null"/>.</summary>
    public CancellationRegistration? Running { get; set; }

    /// <summary>The thread running the callbacks while <see cref="Running"/> is set.</summary>
    public LogicalThread? CallbackThread { get; set; }

    /// <summary>How many registrations may still run.</summary>
    public int RegisteredCount => _registered.Count;

    /// <summary>Adds a registration; its callback runs when the source is cancelled.</summary>
    public CancellationRegistration Add(CancellationToken token, Delegate callback, object? state, ExecutionContext? executionContext, SynchronizationContext? synchronizationContext, string? file, int line)
    {
        var registration = new CancellationRegistration(this, _nextId++, token, callback, state, file, line)
        {
            ExecutionContext = executionContext,
            SynchronizationContext = synchronizationContext,
        };
        _registered.Add(registration);
        return registration;
    }

    /// <summary>Records the real registration rewritten code holds for <paramref name="registration"/>.</summary>
    public void SetHandle(CancellationRegistration registration, CancellationTokenRegistration handle)
    {
        registration.Handle = handle;
        if (!handle.Equals(default))
            _byHandle[handle] = registration;
    }

    /// <summary>The registration that <paramref name="handle"/> is, if the model made it.</summary>
    public CancellationRegistration? Find(in CancellationTokenRegistration handle) => _byHandle.GetValueOrDefault(handle);

    /// <summary>The registrations whose callbacks may still run, in registration order (a copy).</summary>
    public List<CancellationRegistration> Pending() => new(_registered);

    /// <summary>Takes the most recently registered callback that may still run, to run it; <see langword="null"/> if none.</summary>
    public CancellationRegistration? TakeLast()
    {
        if (_registered.Count == 0)
            return null;
        var last = _registered[^1];
        _registered.RemoveAt(_registered.Count - 1);
        return last;
    }

    /// <summary>Takes <paramref name="registration"/> out of the callbacks that may run (it is about to run, or was unregistered).</summary>
    public void Remove(CancellationRegistration registration) => _registered.Remove(registration);

    /// <summary>The registrations that may still run, most recent last, removed from the source (a reset, a disposal).</summary>
    public List<CancellationRegistration> TakeAll()
    {
        var all = Pending();
        _registered.Clear();
        return all;
    }

    /// <inheritdoc />
    protected override bool CanGrant(LogicalThread thread, long request) =>
        !(Running is { } running && running.Id == request && CallbackThread != thread);

    /// <inheritdoc />
    protected override string DescribeWait(LogicalThread thread, long request) =>
        $"waiting for the callback registered at {Running?.Site} on {this} to finish on {CallbackThread?.Label}";
}
