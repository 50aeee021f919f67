using System;
using System.Threading.Tasks;

namespace Loom.Runtime;

/// <summary>A test body, synchronous or asynchronous, run as logical thread 0.</summary>
internal sealed class ModelBody
{
    private readonly Action? _action;
    private readonly Func<Task>? _async;

    private ModelBody(Action? action, Func<Task>? async)
    {
        _action = action;
        _async = async;
    }

    public static ModelBody From(Action action) => new(action, null);

    public static ModelBody From(Func<Task> async) => new(null, async);

    /// <summary>Whether the body is asynchronous: its exploration then runs on a pooled worker (see <see cref="Explorer"/>).</summary>
    public bool IsAsync => _async is not null;

    /// <summary>
    /// Runs the body on logical thread <paramref name="main"/>. An asynchronous body's continuations run as their
    /// own steps; thread 0 waits for its task under the scheduler's control, not in a real wait.
    /// </summary>
    public void Invoke(Execution execution, LogicalThread main)
    {
        if (_action is not null)
        {
            _action();
            return;
        }
        var task = _async!();
        if (!task.IsCompleted)
            execution.WaitForTask(main, task, "the test body's task", null, 0);
        task.GetAwaiter().GetResult();
    }
}
