using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Loom.Async;

namespace Loom.Interception;

/// <summary>
/// Stand-ins for <see cref="TaskFactory{TResult}.StartNew(Func{TResult})"/> and its overloads
/// (<c>Task&lt;TResult&gt;.Factory.StartNew</c>), as <see cref="TaskFactoryCalls"/> does for <see cref="TaskFactory"/>.
/// </summary>
[PassesThrough("New", PassThroughReasons.Configuration)]
[PassesThrough("get_CancellationToken", PassThroughReasons.Configuration)]
[PassesThrough("get_CreationOptions", PassThroughReasons.Configuration)]
[PassesThrough("get_ContinuationOptions", PassThroughReasons.Configuration)]
[PassesThrough("get_Scheduler", PassThroughReasons.Configuration)]
[PassesThrough("FromAsync", PassThroughReasons.FromAsync)]
[NotInterceptedYet("ContinueWhenAll", PassThroughReasons.ContinuationNotYet)]
[NotInterceptedYet("ContinueWhenAny", PassThroughReasons.ContinuationNotYet)]
[Intercepts(typeof(TaskFactory<>))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TaskFactoryOfTResultCalls
{
    private const string Api = "TaskFactory.StartNew";

    /// <summary>Stands in for <see cref="TaskFactory{TResult}.StartNew(Func{TResult})"/>.</summary>
    /// <returns>The started task.</returns>
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<TResult> function, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.SchedulerFor(factory.Scheduler ?? TaskScheduler.Current, Api, function, file, line) is { } controlled
            ? ControlledTasks.Started(factory.StartNew(function, factory.CancellationToken, factory.CreationOptions, controlled))
            : factory.StartNew(function);

    /// <summary>Stands in for <see cref="TaskFactory{TResult}.StartNew(Func{TResult}, CancellationToken)"/>.</summary>
    /// <returns>The started task.</returns>
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<TResult> function, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.SchedulerFor(factory.Scheduler ?? TaskScheduler.Current, Api, function, file, line) is { } controlled
            ? ControlledTasks.Started(factory.StartNew(function, cancellationToken, factory.CreationOptions, controlled))
            : factory.StartNew(function, cancellationToken);

    /// <summary>Stands in for <see cref="TaskFactory{TResult}.StartNew(Func{TResult}, TaskCreationOptions)"/>.</summary>
    /// <returns>The started task.</returns>
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<TResult> function, TaskCreationOptions creationOptions, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.SchedulerFor(factory.Scheduler ?? TaskScheduler.Current, Api, function, file, line) is { } controlled
            ? ControlledTasks.Started(factory.StartNew(function, factory.CancellationToken, creationOptions, controlled))
            : factory.StartNew(function, creationOptions);

    /// <summary>Stands in for <see cref="TaskFactory{TResult}.StartNew(Func{TResult}, CancellationToken, TaskCreationOptions, TaskScheduler)"/>.</summary>
    /// <returns>The started task.</returns>
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<TResult> function, CancellationToken cancellationToken, TaskCreationOptions creationOptions, TaskScheduler scheduler, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.SchedulerFor(scheduler, Api, function, file, line) is { } controlled
            ? ControlledTasks.Started(factory.StartNew(function, cancellationToken, creationOptions, controlled))
            : factory.StartNew(function, cancellationToken, creationOptions, scheduler);

    /// <summary>Stands in for <see cref="TaskFactory{TResult}.StartNew(Func{object, TResult}, object)"/>.</summary>
    /// <returns>The started task.</returns>
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<object?, TResult> function, object? state, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.SchedulerFor(factory.Scheduler ?? TaskScheduler.Current, Api, function, file, line) is { } controlled
            ? ControlledTasks.Started(factory.StartNew(function, state, factory.CancellationToken, factory.CreationOptions, controlled))
            : factory.StartNew(function, state);

    /// <summary>Stands in for <see cref="TaskFactory{TResult}.StartNew(Func{object, TResult}, object, CancellationToken)"/>.</summary>
    /// <returns>The started task.</returns>
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<object?, TResult> function, object? state, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.SchedulerFor(factory.Scheduler ?? TaskScheduler.Current, Api, function, file, line) is { } controlled
            ? ControlledTasks.Started(factory.StartNew(function, state, cancellationToken, factory.CreationOptions, controlled))
            : factory.StartNew(function, state, cancellationToken);

    /// <summary>Stands in for <see cref="TaskFactory{TResult}.StartNew(Func{object, TResult}, object, TaskCreationOptions)"/>.</summary>
    /// <returns>The started task.</returns>
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<object?, TResult> function, object? state, TaskCreationOptions creationOptions, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.SchedulerFor(factory.Scheduler ?? TaskScheduler.Current, Api, function, file, line) is { } controlled
            ? ControlledTasks.Started(factory.StartNew(function, state, factory.CancellationToken, creationOptions, controlled))
            : factory.StartNew(function, state, creationOptions);

    /// <summary>Stands in for <see cref="TaskFactory{TResult}.StartNew(Func{object, TResult}, object, CancellationToken, TaskCreationOptions, TaskScheduler)"/>.</summary>
    /// <returns>The started task.</returns>
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<object?, TResult> function, object? state, CancellationToken cancellationToken, TaskCreationOptions creationOptions, TaskScheduler scheduler, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.SchedulerFor(scheduler, Api, function, file, line) is { } controlled
            ? ControlledTasks.Started(factory.StartNew(function, state, cancellationToken, creationOptions, controlled))
            : factory.StartNew(function, state, cancellationToken, creationOptions, scheduler);
}
