using System;
using System.Threading;
using System.Threading.Tasks;

namespace Loom.Async;

/// <summary>
/// The name of queued work in traces, worked out when a trace or report first shows it. Naming a task after its
/// delegate takes reflection, and most executions are never reported: naming every work item eagerly cost about a
/// tenth of an async model's throughput (bench/RESULTS.md).
/// </summary>
internal sealed class WorkName
{
    private readonly Kind _kind;
    private readonly object? _source;
    private readonly object? _state;
    private string? _text;

    private WorkName(Kind kind, object? source, object? state, string? text)
    {
        _kind = kind;
        _source = source;
        _state = state;
        _text = text;
    }

    private enum Kind
    {
        Text,
        Task,
        TaskId,
        Continuation,
        Timer,
    }

    /// <summary>A name known already.</summary>
    public static WorkName Of(string text) => new(Kind.Text, null, null, text);

    /// <summary>A task named after the delegate it runs.</summary>
    public static WorkName OfTask(Delegate work) => new(Kind.Task, work, null, null);

    /// <summary>A task nobody named, by its id.</summary>
    public static WorkName OfTask(Task task) => new(Kind.TaskId, task, null, null);

    /// <summary>Work posted to a synchronization context: usually the continuation of an async method.</summary>
    public static WorkName OfPost(SendOrPostCallback callback, object? state) => new(Kind.Continuation, callback, state, null);

    /// <summary>A timer's callback.</summary>
    public static WorkName OfTimer(Delegate callback) => new(Kind.Timer, callback, null, null);

    /// <inheritdoc />
    public override string ToString() => _text ??= _kind switch
    {
        Kind.Task => WorkNames.TaskName((Delegate)_source!),
        Kind.TaskId => $"task {((Task)_source!).Id}",
        Kind.Continuation => WorkNames.Of((SendOrPostCallback)_source!, _state),
        Kind.Timer => $"timer callback {WorkNames.Describe((Delegate)_source!)}",
        _ => "",
    };
}
