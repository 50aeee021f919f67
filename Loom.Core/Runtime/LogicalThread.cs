using System;

namespace Loom.Runtime;

/// <summary>
/// A thread of the model. It runs on a pooled OS thread (or, for thread 0, on the caller's), but only when the
/// scheduler hands it the baton. As a model object it is the target of start, join and liveness checks.
/// </summary>
internal sealed class LogicalThread : ModelObject
{
    [ThreadStatic]
    private static LogicalThread? t_current;

    private string? _name;

    public LogicalThread(Execution execution, int number, Action? body)
        : base(execution, "thread")
    {
        Number = number;
        Body = body;
    }

    /// <summary>The logical thread running on this OS thread, or <see langword="null"/> outside any execution.</summary>
    public static LogicalThread? Current
    {
        get => t_current;
        set
        {
            t_current = value;
            // Read once per OS thread and kept, so the cost is a field store per switch.
            if (value is not null)
                value.OsThreadId = OsThreadState.CurrentThreadId;
        }
    }

    /// <summary>The kernel's id of the OS thread that last ran this logical thread (0 if unknown), for <see cref="OsThreadState"/>.</summary>
    public int OsThreadId { get; private set; }

    /// <summary>The thread's number in the execution: 0 is the test body, then in order of Start.</summary>
    public int Number { get; }

    /// <summary>What the thread runs; <see langword="null"/> for thread 0, whose body the execution runs itself.</summary>
    public Action? Body { get; }

    /// <summary>The name the model gave the thread, or queued work's name, for traces.</summary>
    public string? Name
    {
        get => _name ?? WorkName?.ToString();
        set => _name = value;
    }

    /// <summary>Queued work's name, worked out when first shown.</summary>
    public Async.WorkName? WorkName { get; init; }

    /// <summary>What a trace step records as the thread's name: the name now, or queued work's lazy name.</summary>
    public object? TraceName => (object?)_name ?? WorkName;

    /// <summary>Where the thread is in its life cycle. Changed only under the execution's gate.</summary>
    public ThreadStatus Status { get; set; }

    /// <summary>
    /// The operation the thread will perform when next chosen. Set when it reaches a scheduling point; a thread
    /// that has not started has its start as pending operation.
    /// </summary>
    public Operation Pending { get; set; }

    /// <summary>The OS thread's handoff signal while this logical thread owns it.</summary>
    public Baton Baton { get; set; } = null!;

    /// <summary>
    /// Whether the thread runs queued work (a continuation, a task, a timer callback) rather than a started
    /// thread. Work that never started when the body returns is dropped, as an undelivered callback would be.
    /// </summary>
    public bool IsQueuedWork { get; init; }

    /// <summary>Whether the thread was queued work that never started before the body returned, and was dropped.</summary>
    public bool Dropped { get; set; }

    /// <summary>
    /// The simulated node whose work the thread runs, or <see langword="null"/> for the model's own. Work the thread
    /// queues and threads it starts inherit it.
    /// </summary>
    public IWorkOwner? Owner { get; init; }

    /// <summary>Set when the owner crashed: the thread runs nothing more and unwinds at its next scheduling point.</summary>
    public bool Killed { get; set; }

    /// <summary>The synchronization context the thread runs with: one per thread, so that a continuation captured
    /// on one thread and completed on another is posted back as a step of its own rather than run inline.</summary>
    public System.Threading.SynchronizationContext? Context { get; set; }

    /// <summary>
    /// Queued work running on this thread's OS thread, above this thread's scheduling point on the stack (see
    /// <c>Execution.Transfer</c>); this thread cannot resume until that work has returned.
    /// </summary>
    public LogicalThread? Above { get; set; }

    /// <summary>Queued work chosen to run above this thread next, once the work above it returns.</summary>
    public LogicalThread? NextAbove { get; set; }

    /// <summary>For queued work running above another thread: that thread.</summary>
    public LogicalThread? Below { get; set; }

    /// <summary>The step at which the scheduler first chose the thread; for queued work, where it started.</summary>
    public int StartStep { get; set; } = -1;

    /// <summary>Set after a yielding operation: the thread waits until another thread takes a step.</summary>
    public bool Yielding { get; set; }

    /// <summary>The step at which the thread last ran an operation, or -1.</summary>
    public int LastStep { get; set; } = -1;

    /// <summary>Where the thread last ran an operation, for stall and leak reports.</summary>
    public string LastLocation { get; set; } = "";

    /// <summary>The user-facing mirror object, so <c>Thread.CurrentThread</c> returns the same instance.</summary>
    public object? Mirror { get; set; }

    /// <summary>
    /// The real <see cref="System.Threading.Thread"/> rewritten code knows this thread as: the one it started, or a
    /// never-started stand-in made on the first <c>Thread.CurrentThread</c>, so that the property returns the same
    /// object for the thread's whole life (the OS thread under it is a pooled worker, shared with other threads).
    /// </summary>
    public System.Threading.Thread? RealThread { get; set; }

    /// <summary>The thread's label in traces: its number and, if it has one, its name.</summary>
    public string Label => Name is null ? $"thread {Number}" : $"thread {Number} '{Name}'";

    /// <inheritdoc />
    public override bool CanProceed(LogicalThread thread, in Operation op) =>
        op.Access != AccessKind.Acquire || Status == ThreadStatus.Finished;

    /// <inheritdoc />
    public override string DescribeBlocked(LogicalThread thread, in Operation op) => $"joining {Label}, which has not finished";

    /// <inheritdoc />
    public override string ToString() => Label;
}
