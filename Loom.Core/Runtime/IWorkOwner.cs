namespace Loom.Runtime;

/// <summary>
/// Who a piece of queued work (a continuation, a task, a timer callback) and the threads it starts belong to: a
/// simulated node's incarnation. The scheduler consults it: the work of a paused owner waits, and the work of a dead
/// one never runs (<see cref="Execution.Kill"/>). Work without an owner belongs to the model itself.
/// </summary>
internal interface IWorkOwner
{
    /// <summary>The owner's name for reports, for example <c>node 'b'</c>.</summary>
    string Name { get; }

    /// <summary>Whether the owner still exists: <see langword="false"/> once it crashed, for good.</summary>
    bool IsAlive { get; }

    /// <summary>Whether the owner's work must wait (a paused node).</summary>
    bool IsPaused { get; }
}
