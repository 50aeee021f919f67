namespace Loom.Runtime.Objects;

/// <summary>
/// The model of an event (ManualResetEventSlim, ManualResetEvent, AutoResetEvent): set or not. A thread in an
/// untimed wait blocks while it is not set; a wait on an auto-reset event consumes the signal.
/// </summary>
internal sealed class EventState : WaitableObject
{
    public EventState(Execution execution, string kind, bool initialState, bool autoReset)
        : base(execution, kind)
    {
        IsSet = initialState;
        AutoReset = autoReset;
    }

    /// <summary>Whether the event is signalled. Set sets it, Reset clears it, and so does a wait on an auto-reset event.</summary>
    public bool IsSet { get; set; }

    /// <summary>Whether a successful wait clears the event (AutoResetEvent), letting exactly one waiter through per Set.</summary>
    public bool AutoReset { get; }

    /// <summary>Whether Dispose ran in this execution.</summary>
    public bool Disposed { get; set; }

    /// <summary>Where the event was last reset, or consumed by a wait, for deadlock reports; empty if never.</summary>
    public string ResetAt { get; set; } = "";

    /// <inheritdoc />
    protected override bool CanGrant(LogicalThread thread, long request) => IsSet;

    /// <inheritdoc />
    protected override string DescribeWait(LogicalThread thread, long request) =>
        $"waiting for {this} to be set" + (ResetAt.Length == 0 ? "; nothing set it" : $"; it was last reset at {ResetAt}");
}
