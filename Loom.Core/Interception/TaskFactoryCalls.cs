using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Loom.Async;

namespace Loom.Interception;

/// <summary>
/// Stand-ins for <see cref="TaskFactory.StartNew(Action)"/> and its overloads (<c>Task.Factory.StartNew</c>). Inside
/// a Loom execution a task bound for the thread pool (the factory's scheduler or the current one, when that is the
/// default) starts on Loom's scheduler as a step of its own; a task for any other scheduler the code chose starts
/// there, as it asked. The factory's token and options apply as they do for real. Outside an execution each calls
/// the real member.
/// </summary>
[PassesThrough("New", PassThroughReasons.Configuration)]
[PassesThrough("get_CancellationToken", PassThroughReasons.Configuration)]
[PassesThrough("get_CreationOptions", PassThroughReasons.Configuration)]
[PassesThrough("get_ContinuationOptions", PassThroughReasons.Configuration)]
[PassesThrough("get_Scheduler", PassThroughReasons.Configuration)]
[PassesThrough("FromAsync", PassThroughReasons.FromAsync)]
[NotInterceptedYet("ContinueWhenAll", PassThroughReasons.ContinuationNotYet)]
[NotInterceptedYet("ContinueWhenAny", PassThroughReasons.ContinuationNotYet)]
[Intercepts(typeof(TaskFactory))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TaskFactoryCalls
{
    private const string Api = "TaskFactory.StartNew";

    /// <summary>Stands in for <see cref="TaskFactory.StartNew(Action)"/>.</summary>
    /// <returns>The started task.</returns>
    public static Task StartNew(TaskFactory factory, Action action, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.SchedulerFor(factory.Scheduler ?? TaskScheduler.Current, Api, action, file, line) is { } controlled
            ? ControlledTasks.Started(factory.StartNew(action, factory.CancellationToken, factory.CreationOptions, controlled))
            : factory.StartNew(action);

    /// <summary>Stands in for <see cref="TaskFactory.StartNew(Action, CancellationToken)"/>.</summary>
    /// <returns>The started task.</returns>
    public static Task StartNew(TaskFactory factory, Action action, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.SchedulerFor(factory.Scheduler ?? TaskScheduler.Current, Api, action, file, line) is { } controlled
            ? ControlledTasks.Started(factory.StartNew(action, cancellationToken, factory.CreationOptions, controlled))
            : factory.StartNew(action, cancellationToken);

    /// <summary>Stands in for <see cref="TaskFactory.StartNew(Action, TaskCreationOptions)"/>.</summary>
    /// <returns>The started task.</returns>
    public static Task StartNew(TaskFactory factory, Action action, TaskCreationOptions creationOptions, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.SchedulerFor(factory.Scheduler ?? TaskScheduler.Current, Api, action, file, line) is { } controlled
            ? ControlledTasks.Started(factory.StartNew(action, factory.CancellationToken, creationOptions, controlled))
            : factory.StartNew(action, creationOptions);

    /// <summary>Stands in for <see cref="TaskFactory.StartNew(Action, CancellationToken, TaskCreationOptions, TaskScheduler)"/>.</summary>
    /// <returns>The started task.</returns>
    public static Task StartNew(TaskFactory factory, Action action, CancellationToken cancellationToken, TaskCreationOptions creationOptions, TaskScheduler scheduler, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.SchedulerFor(scheduler, Api, action, file, line) is { } controlled
            ? ControlledTasks.Started(factory.StartNew(action, cancellationToken, creationOptions, controlled))
            : factory.StartNew(action, cancellationToken, creationOptions, scheduler);

    /// <summary>Stands in for <see cref="TaskFactory.StartNew(Action{object}, object)"/>.</summary>
    /// <returns>The started task.</returns>
    public static Task StartNew(TaskFactory factory, Action<object?> action, object? state, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.SchedulerFor(factory.Scheduler ?? TaskScheduler.Current, Api, action, file, line) is { } controlled
            ? ControlledTasks.Started(factory.StartNew(action, state, factory.CancellationToken, factory.CreationOptions, controlled))
            : factory.StartNew(action, state);

    /// <summary>Stands in for <see cref="TaskFactory.StartNew(Action{object}, object, CancellationToken)"/>.</summary>
    /// <returns>The started task.</returns>
    public static Task StartNew(TaskFactory factory, Action<object?> action, object? state, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.SchedulerFor(factory.Scheduler ?? TaskScheduler.Current, Api, action, file, line) is { } controlled
            ? ControlledTasks.Started(factory.StartNew(action, state, cancellationToken, factory.CreationOptions, controlled))
            : factory.StartNew(action, state, cancellationToken);

    /// <summary>Stands in for <see cref="TaskFactory.StartNew(Action{object}, object, TaskCreationOptions)"/>.</summary>
    /// <returns>The started task.</returns>
    public static Task StartNew(TaskFactory factory, Action<object?> action, object? state, TaskCreationOptions creationOptions, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.SchedulerFor(factory.Scheduler ?? TaskScheduler.Current, Api, action, file, line) is { } controlled
            ? ControlledTasks.Started(factory.StartNew(action, state, factory.CancellationToken, creationOptions, controlled))
            : factory.StartNew(action, state, creationOptions);

    /// <summary>Stands in for <see cref="TaskFactory.StartNew(Action{object}, object, CancellationToken, TaskCreationOptions, TaskScheduler)"/>.</summary>
    /// <returns>The started task.</returns>
    public static Task StartNew(TaskFactory factory, Action<object?> action, object? state, CancellationToken cancellationToken, TaskCreationOptions creationOptions, TaskScheduler scheduler, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.SchedulerFor(scheduler, Api, action, file, line) is { } controlled
            ? ControlledTasks.Started(factory.StartNew(action, state, cancellationToken, creationOptions, controlled))
            : factory.StartNew(action, state, cancellationToken, creationOptions, scheduler);

    /// <summary>Stands in for <see cref="TaskFactory.StartNew{TResult}(Func{TResult})"/>.</summary>
    /// <returns>The started task.</returns>
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<TResult> function, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.SchedulerFor(factory.Scheduler ?? TaskScheduler.Current, Api, function, file, line) is { } controlled
            ? ControlledTasks.Started(factory.StartNew(function, factory.CancellationToken, factory.CreationOptions, controlled))
            : factory.StartNew(function);

    /// <summary>Stands in for <see cref="TaskFactory.StartNew{TResult}(Func{TResult}, CancellationToken)"/>.</summary>
    /// <returns>The started task.</returns>
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<TResult> function, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.SchedulerFor(factory.Scheduler ?? TaskScheduler.Current, Api, function, file, line) is { } controlled
            ? ControlledTasks.Started(factory.StartNew(function, cancellationToken, factory.CreationOptions, controlled))
            : factory.StartNew(function, cancellationToken);

    /// <summary>Stands in for <see cref="TaskFactory.StartNew{TResult}(Func{TResult}, TaskCreationOptions)"/>.</summary>
    /// <returns>The started task.</returns>
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<TResult> function, TaskCreationOptions creationOptions, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.SchedulerFor(factory.Scheduler ?? TaskScheduler.Current, Api, function, file, line) is { } controlled
            ? ControlledTasks.Started(factory.StartNew(function, factory.CancellationToken, creationOptions, controlled))
            : factory.StartNew(function, creationOptions);

    /// <summary>Stands in for <see cref="TaskFactory.StartNew{TResult}(Func{TResult}, CancellationToken, TaskCreationOptions, TaskScheduler)"/>.</summary>
    /// <returns>The started task.</returns>
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<TResult> function, CancellationToken cancellationToken, TaskCreationOptions creationOptions, TaskScheduler scheduler, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.SchedulerFor(scheduler, Api, function, file, line) is { } controlled
            ? ControlledTasks.Started(factory.StartNew(function, cancellationToken, creationOptions, controlled))
            : factory.StartNew(function, cancellationToken, creationOptions, scheduler);

    /// <summary>Stands in for <see cref="TaskFactory.StartNew{TResult}(Func{object, TResult}, object)"/>.</summary>
    /// <returns>The started task.</returns>
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<object?, TResult> function, object? state, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.SchedulerFor(factory.Scheduler ?? TaskScheduler.Current, Api, function, file, line) is { } controlled
            ? ControlledTasks.Started(factory.StartNew(function, state, factory.CancellationToken, factory.CreationOptions, controlled))
            : factory.StartNew(function, state);

    /// <summary>Stands in for <see cref="TaskFactory.StartNew{TResult}(Func{object, TResult}, object, CancellationToken)"/>.</summary>
    /// <returns>The started task.</returns>
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<object?, TResult> function, object? state, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.SchedulerFor(factory.Scheduler ?? TaskScheduler.Current, Api, function, file, line) is { } controlled
            ? ControlledTasks.Started(factory.StartNew(function, state, cancellationToken, factory.CreationOptions, controlled))
            : factory.StartNew(function, state, cancellationToken);

    /// <summary>Stands in for <see cref="TaskFactory.StartNew{TResult}(Func{object, TResult}, object, TaskCreationOptions)"/>.</summary>
    /// <returns>The started task.</returns>
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<object?, TResult> function, object? state, TaskCreationOptions creationOptions, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.SchedulerFor(factory.Scheduler ?? TaskScheduler.Current, Api, function, file, line) is { } controlled
            ? ControlledTasks.Started(factory.StartNew(function, state, factory.CancellationToken, creationOptions, controlled))
            : factory.StartNew(function, state, creationOptions);

    /// <summary>Stands in for <see cref="TaskFactory.StartNew{TResult}(Func{object, TResult}, object, CancellationToken, TaskCreationOptions, TaskScheduler)"/>.</summary>
    /// <returns>The started task.</returns>
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<object?, TResult> function, object? state, CancellationToken cancellationToken, TaskCreationOptions creationOptions, TaskScheduler scheduler, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.SchedulerFor(scheduler, Api, function, file, line) is { } controlled
            ? ControlledTasks.Started(factory.StartNew(function, state, cancellationToken, creationOptions, controlled))
            : factory.StartNew(function, state, cancellationToken, creationOptions, scheduler);
}
