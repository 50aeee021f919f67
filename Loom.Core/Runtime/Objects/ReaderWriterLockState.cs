using System.Collections.Generic;
using System.Linq;

namespace Loom.Runtime.Objects;

/// <summary>
/// The model of a ReaderWriterLockSlim, with the BCL's rules: any number of readers, or one writer; at most one
/// thread in upgradeable mode, which reads alongside readers and may upgrade to the write lock once the other
/// readers leave; and writer preference: while a writer (or an upgrading thread) waits, new readers and new
/// upgradeable entrants wait too. A writer that cannot enter at once announces itself as waiting in a step of its
/// own, so that the readers it then keeps out are blocked by an operation partial-order reduction sees.
/// </summary>
internal sealed class ReaderWriterLockState : WaitableObject
{
    public const long ReadRequest = 0;
    public const long UpgradeableRequest = 1;
    public const long WriteRequest = 2;
    public const long UpgradeToWriteRequest = 3;

    /// <summary>The threads holding the read lock, with their recursion count and where they first entered.</summary>
    private readonly Dictionary<LogicalThread, (int Count, string At)> _readers = new();

    public ReaderWriterLockState(Execution execution, bool supportsRecursion)
        : base(execution, "ReaderWriterLockSlim")
    {
        SupportsRecursion = supportsRecursion;
    }

    public bool SupportsRecursion { get; }

    /// <summary>The thread holding the write lock, its recursion count, and where it entered.</summary>
    public LogicalThread? Writer { get; private set; }

    public int WriteCount { get; private set; }

    private string _writerAt = "";

    /// <summary>The thread holding the upgradeable read lock, its recursion count, and where it entered.</summary>
    public LogicalThread? Upgrader { get; private set; }

    public int UpgradeCount { get; private set; }

    private string _upgraderAt = "";

    /// <summary>Writers that found the lock taken and announced that they wait (the BCL's waiting-writers bit).</summary>
    public HashSet<LogicalThread> WaitingWriters { get; } = new();

    /// <summary>The upgradeable holder, once it announced that it waits to upgrade to the write lock.</summary>
    public LogicalThread? WaitingUpgrader { get; set; }

    /// <summary>Whether Dispose ran in this execution.</summary>
    public bool Disposed { get; set; }

    /// <summary>How many threads hold the read lock (the BCL's CurrentReadCount).</summary>
    public int ReaderCount => _readers.Count;

    /// <summary>The BCL's reader slots: readers plus the upgradeable holder, who counts as a reader.</summary>
    private int ReaderSlots => _readers.Count + (Upgrader is null ? 0 : 1);

    private bool WritersWaiting => WaitingWriters.Count > 0 || WaitingUpgrader is not null;

    public int ReadCount(LogicalThread thread) => _readers.TryGetValue(thread, out var hold) ? hold.Count : 0;

    public bool HoldsAny(LogicalThread thread) => ReadCount(thread) > 0 || Writer == thread || Upgrader == thread;

    /// <summary>Blocked readers and upgradeable entrants (the BCL's WaitingReadCount and WaitingUpgradeCount).</summary>
    public int CountWaiting(long request) => CountBlocked(r => r == request);

    /// <inheritdoc />
    protected override bool CanGrant(LogicalThread thread, long request) => request switch
    {
        ReadRequest => Writer is null && !WritersWaiting,
        UpgradeableRequest => Writer is null && Upgrader is null && !WritersWaiting,
        WriteRequest => Writer is null && ReaderSlots == 0,
        _ => Writer is null && (ReaderSlots == 1 || (ReaderSlots == 2 && _readers.ContainsKey(thread))),
    };

    /// <summary>Whether the request could be granted now, for try-enters and the first step of a write.</summary>
    public bool CanEnter(LogicalThread thread, long request) => CanGrant(thread, request);

    public void EnterRead(LogicalThread thread, string location) =>
        _readers[thread] = _readers.TryGetValue(thread, out var hold) ? (hold.Count + 1, hold.At) : (1, location);

    public void ExitRead(LogicalThread thread)
    {
        var hold = _readers[thread];
        if (hold.Count == 1)
            _readers.Remove(thread);
        else
            _readers[thread] = (hold.Count - 1, hold.At);
    }

    public void EnterWrite(LogicalThread thread, string location)
    {
        WaitingWriters.Remove(thread);
        if (WaitingUpgrader == thread)
            WaitingUpgrader = null;
        if (Writer is null)
            _writerAt = location;
        Writer = thread;
        WriteCount++;
    }

    public void ExitWrite()
    {
        if (--WriteCount == 0)
            Writer = null;
    }

    public void EnterUpgradeable(LogicalThread thread, string location)
    {
        if (Upgrader is null)
            _upgraderAt = location;
        Upgrader = thread;
        UpgradeCount++;
    }

    public void ExitUpgradeable()
    {
        if (--UpgradeCount == 0)
            Upgrader = null;
    }

    /// <summary>Records a writer that must wait: from now on, new readers wait for it.</summary>
    public void AnnounceWriter(LogicalThread thread, bool upgrading)
    {
        if (upgrading)
            WaitingUpgrader = thread;
        else
            WaitingWriters.Add(thread);
    }

    /// <inheritdoc />
    protected override string DescribeWait(LogicalThread thread, long request)
    {
        var what = request switch
        {
            ReadRequest => "the read lock",
            UpgradeableRequest => "the upgradeable read lock",
            WriteRequest => "the write lock",
            _ => "the write lock (upgrading from the upgradeable read lock)",
        };
        return $"waiting for {what} on {this}: {DescribeHolders(thread)}";
    }

    /// <inheritdoc />
    public override string? DescribeLeak()
    {
        var held = new List<string>();
        if (Writer is not null)
            held.Add($"{Writer.Label} still holds the write lock on {this} (entered at {_writerAt})");
        if (Upgrader is not null)
            held.Add($"{Upgrader.Label} still holds the upgradeable read lock on {this} (entered at {_upgraderAt})");
        foreach (var (reader, hold) in _readers.OrderBy(r => r.Key.Number))
            held.Add($"{reader.Label} still holds the read lock on {this} (entered at {hold.At})");
        return held.Count == 0 ? null : string.Join("; ", held);
    }

    private string DescribeHolders(LogicalThread waiter)
    {
        var parts = new List<string>();
        if (Writer is not null)
            parts.Add($"{Writer.Label} holds the write lock (entered at {_writerAt})");
        if (Upgrader is not null)
            parts.Add($"{Label(Upgrader, waiter)} holds the upgradeable read lock (entered at {_upgraderAt})");
        var readers = _readers.Where(r => r.Key != waiter).OrderBy(r => r.Key.Number).Select(r => $"{r.Key.Label} (entered at {r.Value.At})").ToList();
        if (readers.Count > 0)
            parts.Add($"the read lock is held by {string.Join(", ", readers)}");
        var writers = WaitingWriters.Where(w => w != waiter).Select(w => w.Label).Concat(WaitingUpgrader is { } u && u != waiter ? new[] { u.Label + " (upgrading)" } : []).OrderBy(l => l).ToList();
        if (writers.Count > 0)
            parts.Add($"{string.Join(", ", writers)} {(writers.Count == 1 ? "waits" : "wait")} for the write lock, which keeps new readers out");
        return parts.Count == 0 ? "nothing holds it" : string.Join("; ", parts);
    }

    private static string Label(LogicalThread holder, LogicalThread waiter) => holder == waiter ? $"{holder.Label} itself" : holder.Label;
}
