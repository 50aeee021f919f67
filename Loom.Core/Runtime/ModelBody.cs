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

    public void Invoke()
    {
        if (_action is not null)
            _action();
        else
            _async!().GetAwaiter().GetResult();
    }
}
