using System.Collections.Generic;
using System.Threading.Tasks;
using Loom.Runtime;

namespace Loom.Async;

/// <summary>
/// The task scheduler of an execution: tasks started on it (by <see cref="Loom.Threading.Tasks.LoomTask"/> or
/// <c>Task.Factory.StartNew</c> from code already running on it) run as separate schedulable steps.
/// </summary>
internal sealed class ControlledTaskScheduler : TaskScheduler
{
    private readonly Execution _execution;

    public ControlledTaskScheduler(Execution execution) => _execution = execution;

    /// <inheritdoc />
    protected override void QueueTask(Task task) =>
        _execution.QueueWork(() => TryExecuteTask(task), WorkNames.Of(task), "task starts", LogicalThread.Current?.Owner);

    /// <inheritdoc />
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        // Waiting on a task from a logical thread of this execution may run it right there, as the thread pool
        // would; anywhere else it must wait for its turn.
        LogicalThread.Current?.Execution == _execution && !taskWasPreviouslyQueued && TryExecuteTask(task);

    /// <inheritdoc />
    protected override IEnumerable<Task>? GetScheduledTasks() => null;
}
