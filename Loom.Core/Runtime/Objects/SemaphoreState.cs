namespace Loom.Runtime.Objects;

/// <summary>
/// The model of a SemaphoreSlim: its count and maximum. A thread in an untimed Wait blocks while the count is
/// zero.
/// </summary>
internal sealed class SemaphoreState : WaitableObject
{
    public SemaphoreState(Execution execution, int initialCount, int maxCount)
        : base(execution, "SemaphoreSlim")
    {
        Count = initialCount;
        MaxCount = maxCount;
    }

    /// <summary>How many more threads may enter: decremented by a successful Wait, incremented by Release.</summary>
    public int Count { get; set; }

    /// <summary>The most the count may reach; <see cref="int.MaxValue"/> when the constructor set no maximum.</summary>
    public int MaxCount { get; }

    /// <summary>Which thread last entered, and where, for deadlock reports; empty until a thread enters.</summary>
    public string LastEntered { get; set; } = "";

    /// <summary>Whether Dispose ran in this execution.</summary>
    public bool Disposed { get; set; }

    /// <inheritdoc />
    protected override bool CanGrant(LogicalThread thread, long request) => Count > 0;

    /// <inheritdoc />
    protected override string DescribeWait(LogicalThread thread, long request) =>
        $"waiting for {this}, whose count is 0{(MaxCount == int.MaxValue ? "" : $" (max {MaxCount})")}: " +
        (LastEntered.Length == 0 ? "no thread released it" : $"no thread released it since {LastEntered}");
}
