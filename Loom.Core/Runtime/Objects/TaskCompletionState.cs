namespace Loom.Runtime.Objects;

/// <summary>
/// The model object of a task's completion in one execution: a <c>TaskCompletionSource</c>'s completions write it and
/// reads of the task's state (<c>IsCompleted</c>, <c>Status</c>, ...) read it, so that partial-order reduction orders
/// them (two completions of one source, or a check of the task and a completion). The state itself is the real
/// task's: completing it is what the code awaiting the task needs.
/// </summary>
internal sealed class TaskCompletionState : ModelObject
{
    public TaskCompletionState(Execution execution)
        : base(execution, "task")
    {
    }
}
