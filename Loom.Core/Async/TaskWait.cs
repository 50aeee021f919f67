using System.Threading.Tasks;
using Loom.Runtime;

namespace Loom.Async;

/// <summary>What a logical thread blocked on a task waits for: the task to complete.</summary>
internal sealed class TaskWait : ModelObject
{
    private readonly Task _task;
    private readonly string _what;

    public TaskWait(Execution execution, Task task, string what)
        : base(execution, "task")
    {
        _task = task;
        _what = what;
    }

    /// <inheritdoc />
    public override bool CanProceed(LogicalThread thread, in Operation op) => _task.IsCompleted;

    /// <inheritdoc />
    public override string DescribeBlocked(LogicalThread thread, in Operation op) =>
        $"waiting for {_what}, which nothing left to run can complete (an await on a TaskCompletionSource nobody completes, " +
        "a semaphore nobody releases, or work that escaped to the real thread pool)";
}
