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
    private readonly LogicalThread _thread;

    public ControlledSynchronizationContext(LogicalThread thread) => _thread = thread;

    /// <inheritdoc />
    /// <remarks>
    /// The continuation belongs to the simulated node whose code awaited on this thread, whoever completes the
    /// awaited task: if that node crashed meanwhile, the continuation never runs.
    /// </remarks>
    public override void Post(SendOrPostCallback d, object? state) =>
        _thread.Execution.QueueWork(() => d(state), WorkName.OfPost(d, state), "continuation", _thread.Owner);

    /// <inheritdoc />
    public override void Send(SendOrPostCallback d, object? state) => d(state);

    /// <inheritdoc />
    public override SynchronizationContext CreateCopy() => this;
}
