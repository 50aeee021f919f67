using Loom.Rewriting.Interception;

namespace Loom.Rewriting.Passes;

/// <summary>
/// Threads and synchronization: <c>Thread</c>, <c>Monitor</c> (what <c>lock</c> compiles to), <c>Lock</c> and its
/// scope, <c>Interlocked</c>, <c>Volatile</c>, semaphores, events, wait handles, <c>CountdownEvent</c>,
/// <c>Barrier</c>, <c>ReaderWriterLockSlim</c>, <c>SpinLock</c>, <c>SpinWait</c>, and a thread's identity
/// (<c>Environment.CurrentManagedThreadId</c>): every intercepted type of <c>System.Threading</c> that is not a
/// task, the thread pool, a timer, <c>LazyInitializer</c> or a channel.
/// </summary>
internal sealed class SynchronizationPass : CallRedirectPass
{
    public SynchronizationPass(InterceptionTable table)
        : base(table)
    {
    }

    public override string Concern => "synchronization";

    public override bool Owns(string typeFullName, string member) =>
        typeFullName == "System.Environment"
            ? member == "get_CurrentManagedThreadId"
            : typeFullName.StartsWith("System.Threading.", System.StringComparison.Ordinal)
                && !TasksAndTimersPass.IsTaskOrTimerType(typeFullName)
                && !ConcurrentTypesPass.IsConcurrentType(typeFullName);
}
