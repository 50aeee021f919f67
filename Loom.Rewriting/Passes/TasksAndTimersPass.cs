using Loom.Rewriting.Interception;

namespace Loom.Rewriting.Passes;

/// <summary>
/// Tasks, the thread pool and timers: <c>Task.Run</c>, <c>TaskFactory.StartNew</c>, <c>Task.Delay</c>, blocking
/// waits on tasks (<c>Wait</c>, <c>Result</c>, an awaiter's <c>GetResult</c>, <c>WaitAll</c>, <c>WaitAny</c>),
/// <c>ConfigureAwait</c>, <c>ThreadPool.QueueUserWorkItem</c>, <c>System.Threading.Timer</c>, <c>PeriodicTimer</c>.
/// </summary>
internal sealed class TasksAndTimersPass : CallRedirectPass
{
    public TasksAndTimersPass(InterceptionTable table)
        : base(table)
    {
    }

    public override string Concern => "tasks and timers";

    public override bool Owns(string typeFullName, string member) => IsTaskOrTimerType(typeFullName);

    /// <summary>Whether the type is one this pass owns (the synchronization pass leaves these alone).</summary>
    public static bool IsTaskOrTimerType(string typeFullName) =>
        typeFullName.StartsWith("System.Threading.Tasks.", System.StringComparison.Ordinal)
        || typeFullName.StartsWith("System.Runtime.CompilerServices.", System.StringComparison.Ordinal)
        || typeFullName is "System.Threading.ThreadPool" or "System.Threading.Timer" or "System.Threading.PeriodicTimer";
}
