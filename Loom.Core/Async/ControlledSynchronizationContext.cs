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
    /// awaited task: if that node crashed meanwhile, the continuation never runs. A completion that .NET would
    /// follow with its continuations inline runs this one inline too (<see cref="InlineContinuations"/>).
    /// </remarks>
    public override void Post(SendOrPostCallback d, object? state)
    {
        if (!InlineContinuations.TryRun(_thread.Execution, _thread.Owner, d, state))
            _thread.Execution.QueueWork(() => d(state), WorkName.OfPost(d, state), "continuation", _thread.Owner);
    }

    /// <inheritdoc />
    public override void Send(SendOrPostCallback d, object? state) => d(state);

    /// <inheritdoc />
    public override SynchronizationContext CreateCopy() => this;
}
