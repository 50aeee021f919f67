namespace Loom.Runtime.Objects;

/// <summary>
/// The model object of a <c>TaskCompletionSource</c> in one execution: what its completions are scheduling points
/// on, so that partial-order reduction orders two completions of one source (only the first succeeds). The state
/// itself is the real task's: completing it is what the code awaiting the task needs.
/// </summary>
internal sealed class CompletionSourceState : ModelObject
{
    public CompletionSourceState(Execution execution)
        : base(execution, "TaskCompletionSource")
    {
    }
}
