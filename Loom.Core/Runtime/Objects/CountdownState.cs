namespace Loom.Runtime.Objects;

/// <summary>The model of a CountdownEvent: the signals still expected. A thread in an untimed Wait blocks until the count is zero.</summary>
internal sealed class CountdownState : WaitableObject
{
    public CountdownState(Execution execution, int initialCount)
        : base(execution, "CountdownEvent")
    {
        InitialCount = initialCount;
        CurrentCount = initialCount;
    }

    /// <summary>The count Reset() restores; Reset(int) changes it.</summary>
    public int InitialCount { get; set; }

    /// <summary>The signals still needed before the event is set.</summary>
    public int CurrentCount { get; set; }

    /// <summary>Whether Dispose ran in this execution.</summary>
    public bool Disposed { get; set; }

    /// <inheritdoc />
    protected override bool CanGrant(LogicalThread thread, long request) => CurrentCount == 0;

    /// <inheritdoc />
    protected override string DescribeWait(LogicalThread thread, long request) =>
        $"waiting for {this} to reach zero; it still needs {CurrentCount} signal{(CurrentCount == 1 ? "" : "s")}";
}
