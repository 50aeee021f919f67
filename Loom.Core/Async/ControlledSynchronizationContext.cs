using System.Threading;
using Loom.Runtime;

namespace Loom.Async;

/// <summary>
/// The synchronization context every logical thread of an execution runs with. An <c>await</c> captures it, so
/// the continuation comes back here, and each one becomes a separate schedulable step of the execution
/// instead of running on the thread pool.
/// </summary>
internal sealed class ControlledSynchronizationContext : SynchronizationContext
{
    private readonly Execution _execution;

    public ControlledSynchronizationContext(Execution execution) => _execution = execution;

    /// <inheritdoc />
    public override void Post(SendOrPostCallback d, object? state) =>
        _execution.QueueWork(() => d(state), WorkNames.Of(d, state), "continuation");

    /// <inheritdoc />
    public override void Send(SendOrPostCallback d, object? state) => d(state);

    /// <inheritdoc />
    public override SynchronizationContext CreateCopy() => this;
}
