using System;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading;
using Loom.Runtime;
using Loom.Runtime.Objects;
using Loom.Runtime.Sharing;

namespace Loom.Threading.Models;

/// <summary>
/// The model of a <see cref="Lazy{T}"/>, for its stand-ins (Loom.Interception.LazyOfTCalls). Each execution's model
/// starts from the real instance as the execution first finds it (its mode and factory, private members read with
/// <see cref="UnsafeAccessorAttribute"/>, and whether it holds a value or a cached exception); the real instance is
/// never changed inside an execution. Each mode follows what the real <see cref="Lazy{T}"/> does, step by step:
/// <list type="bullet">
/// <item>ExecutionAndPublication: a check, then the lock: one thread runs the factory while the others wait for it
/// (a controlled wait) and get its value or its cached exception. A recursive Value throws
/// <see cref="InvalidOperationException"/>, and that is cached too.</item>
/// <item>PublicationOnly: every thread that finds no value runs the factory; the first to publish wins and the
/// others' results are dropped. Exceptions are not cached.</item>
/// <item>None: the factory field is plain shared memory (race-checked, and a scheduling point once a race on it is
/// found): a thread that finds the factory taken (a recursive or concurrent Value) throws
/// <see cref="InvalidOperationException"/> and caches it, and two threads may both take it and both run the factory.</item>
/// </list>
/// A value made by T's parameterless constructor caches no exception, in any mode, as in .NET.
/// </summary>
internal static class LazyModel
{
    private const string ValueApi = "Lazy.Value";

    /// <summary>The name of .NET's factory field, the location a None-mode Lazy's first use races on.</summary>
    private const string FactoryField = "_factory";

    /// <summary>The message of .NET's exception for a Value that finds the factory taken.</summary>
    private const string RecursiveValue = "ValueFactory attempted to access the Value property of this instance.";

    /// <summary>Whether the value is created: a scheduling point that reads the state.</summary>
    public static bool IsValueCreated<T>(LogicalThread me, Lazy<T> real, string? file, int line)
    {
        var state = State(me, real);
        Blocking.Step(me, state, "Lazy.IsValueCreated", AccessKind.Read, file, line);
        return MemoryAccess.Result(me, state.Phase == LazyPhase.Created);
    }

    /// <summary>The value's text, or .NET's text for a value not created: a scheduling point that reads the state.</summary>
    /// <exception cref="NullReferenceException">The value is created and is <see langword="null"/>, as in .NET.</exception>
    public static string? ToString<T>(LogicalThread me, Lazy<T> real, string? file, int line)
    {
        var state = State(me, real);
        Blocking.Step(me, state, "Lazy.ToString", AccessKind.Read, file, line);
        return state.Phase == LazyPhase.Created ? state.Value!.ToString() : "Value is not created.";
    }

    /// <summary>The value: creates it as the instance's mode says, or returns what is published.</summary>
    /// <exception cref="InvalidOperationException">A recursive or concurrent (None mode) Value found the factory taken.</exception>
    /// <exception cref="MissingMemberException">T has no public parameterless constructor.</exception>
    public static T Value<T>(LogicalThread me, Lazy<T> real, string? file, int line)
    {
        var state = State(me, real);
        Blocking.Step(me, state, ValueApi, AccessKind.Read, file, line);
        if (Published(me, state, real, out var value))
            return value;
        return state.Mode switch
        {
            LazyThreadSafetyMode.ExecutionAndPublication => ExecutionAndPublication(me, state, real, file, line),
            LazyThreadSafetyMode.PublicationOnly => PublicationOnly(me, state, file, line),
            _ => NotThreadSafe(me, state, real, file, line),
        };
    }

    /// <summary>The instance's model in the calling thread's execution, made from the real instance on first use.</summary>
    private static LazyState<T> State<T>(LogicalThread me, Lazy<T> real) =>
        me.Execution.ModelOf(real, static (execution, key) =>
        {
            var lazy = (Lazy<T>)key;
            if (lazy.IsValueCreated)
                return new LazyState<T>(execution, LazyThreadSafetyMode.None, null) { Phase = LazyPhase.Created, Value = lazy.Value };
            var faulted = Fields<T>.IsValueFaulted(lazy);
            // Mode is null only once created; a faulted instance keeps the mode it was made with.
            return new LazyState<T>(execution, Fields<T>.Mode(lazy) ?? LazyThreadSafetyMode.None, Fields<T>.Factory(lazy))
            {
                Phase = faulted ? LazyPhase.Faulted : LazyPhase.NotCreated,
            };
        });

    /// <summary>Whether the state holds a value (returned in <paramref name="value"/>); rethrows a cached exception.</summary>
    private static bool Published<T>(LogicalThread me, LazyState<T> state, Lazy<T> real, out T value)
    {
        value = state.Value;
        switch (state.Phase)
        {
            case LazyPhase.Created:
                Blocking.Record(me, "created");
                return true;
            case LazyPhase.Faulted:
                Blocking.Record(me, "faulted: rethrows the cached exception");
                if (state.Fault is null)
                    _ = real.Value;
                state.Fault!.Throw();
                return false;
            default:
                return false;
        }
    }

    /// <summary>The lock: one thread runs the factory, the others wait and then take what it published.</summary>
    private static T ExecutionAndPublication<T>(LogicalThread me, LazyState<T> state, Lazy<T> real, string? file, int line)
    {
        if (state.Runner == me)
        {
            // The lock is reentrant, and the running factory has cleared the factory field.
            Blocking.Step(me, state, ValueApi, AccessKind.Write, file, line);
            if (state.Factory is not null)
                return Fail(me, state, new InvalidOperationException(RecursiveValue), file, line);
            return Run(me, state, file, line);
        }
        Blocking.Wait(me, state, ValueApi, AccessKind.Write, 0, CancellationToken.None, file, line);
        if (Published(me, state, real, out var value))
            return value;
        state.Runner = me;
        state.RunnerSite = Blocking.Where(file, line);
        try
        {
            return Run(me, state, file, line);
        }
        finally
        {
            state.Runner = null;
        }
    }

    /// <summary>Runs the factory (or the constructor) and publishes its value, or caches its exception if it came from a factory.</summary>
    private static T Run<T>(LogicalThread me, LazyState<T> state, string? file, int line)
    {
        T value;
        try
        {
            value = Create(state);
        }
        catch (Exception ex) when (ex is not ExecutionAbortedException && state.Factory is not null)
        {
            return Fail(me, state, ex, file, line);
        }
        // The value is published at a scheduling point of its own, after everything the factory did.
        Blocking.Step(me, state, ValueApi, AccessKind.Write, file, line);
        state.Phase = LazyPhase.Created;
        state.Value = value;
        Blocking.Record(me, "published");
        return value;
    }

    /// <summary>Caches <paramref name="exception"/> at a scheduling point of its own and rethrows it.</summary>
    private static T Fail<T>(LogicalThread me, LazyState<T> state, Exception exception, string? file, int line)
    {
        Blocking.Step(me, state, ValueApi, AccessKind.Write, file, line);
        state.Phase = LazyPhase.Faulted;
        state.Fault = ExceptionDispatchInfo.Capture(exception);
        Blocking.Record(me, $"cached {exception.GetType().Name}");
        state.Fault.Throw();
        return default!;
    }

    /// <summary>Runs the factory without a lock; publishes the result unless another thread published first.</summary>
    private static T PublicationOnly<T>(LogicalThread me, LazyState<T> state, string? file, int line)
    {
        var value = Create(state);
        Blocking.Step(me, state, ValueApi, AccessKind.Write, file, line);
        if (state.Phase == LazyPhase.Created)
        {
            Blocking.Record(me, "another thread published first: this result is dropped");
            return state.Value;
        }
        state.Phase = LazyPhase.Created;
        state.Value = value;
        Blocking.Record(me, "published");
        return value;
    }

    /// <summary>
    /// None mode, as .NET does it: the factory field is plain memory, read and then cleared before the factory runs.
    /// Those two accesses go to the execution's shared memory, so two threads that make them without
    /// synchronization are a data race, and once it is found they are scheduling points: a concurrent first use then
    /// runs the factory twice in some schedules and throws in others. The state field is volatile in .NET; its
    /// accesses are scheduling points on the model.
    /// </summary>
    private static T NotThreadSafe<T>(LogicalThread me, LazyState<T> state, Lazy<T> real, string? file, int line)
    {
        if (state.Factory is null)
            return Run(me, state, file, line);
        var memory = SharedMemory.Of(me);
        memory.Access(me, real, FactoryField, write: false, file, line);
        if (state.FactoryTaken)
            return Fail(me, state, new InvalidOperationException(RecursiveValue), file, line);
        memory.Access(me, real, FactoryField, write: true, file, line);
        state.FactoryTaken = true;
        return Run(me, state, file, line);
    }

    private static T Create<T>(LazyState<T> state)
    {
        if (state.Factory is { } factory)
            return factory();
        try
        {
            return Activator.CreateInstance<T>();
        }
        catch (MissingMethodException)
        {
            throw new MissingMemberException("The lazily-initialized type does not have a public, parameterless constructor.");
        }
    }

    /// <summary>The real instance's private members.</summary>
    private static class Fields<T>
    {
        [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_factory")]
        private static extern ref Func<T>? FactoryField(Lazy<T> lazy);

        [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_Mode")]
        public static extern LazyThreadSafetyMode? Mode(Lazy<T> lazy);

        [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_IsValueFaulted")]
        public static extern bool IsValueFaulted(Lazy<T> lazy);

        public static Func<T>? Factory(Lazy<T> lazy) => FactoryField(lazy);
    }
}
