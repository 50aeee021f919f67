using System;
using Loom.Runtime;

namespace Loom.Threading.Models;

/// <summary>
/// <see cref="System.Threading.LazyInitializer"/> inside an execution, for its stand-ins
/// (Loom.Interception.LazyInitializerCalls): .NET's algorithm, step by step, on the caller's own fields. Every
/// access to the target, the flag and the lock object goes through the memory model (the Volatile and Interlocked
/// mirrors, or a plain access where .NET makes one), and the lock is Loom's Monitor model, so:
/// <list type="bullet">
/// <item>without a lock (publication-only) the factory or T's constructor may run on several threads; the first
/// compare-exchange publishes, and the others return what it published;</item>
/// <item>with a lock (<c>ref bool initialized, ref object syncLock</c>, or <c>ref object syncLock</c>) one thread
/// runs the factory while the others wait for the lock under Loom's control.</item>
/// </list>
/// </summary>
internal static class LazyInitializerModel
{
    private const string Api = "LazyInitializer.EnsureInitialized";

    private const string FactoryReturnedNull = "ValueFactory returned null.";

    /// <summary>Publication-only: a volatile read of the target, then the factory and a compare-exchange if it was null.</summary>
    /// <exception cref="InvalidOperationException">The factory returned <see langword="null"/>.</exception>
    /// <exception cref="MissingMemberException">No factory, and T has no public parameterless constructor.</exception>
    public static T PublicationOnly<T>(ref T? target, Func<T>? valueFactory, string? name, string? file, int line)
        where T : class
    {
        if (Volatile.Read(ref target, name, file, line) is { } published)
            return published;
        var value = valueFactory is null ? Construct<T>() : valueFactory() ?? throw new InvalidOperationException(FactoryReturnedNull);
        return Interlocked.CompareExchange(ref target, value, null, name, file, line) ?? value;
    }

    /// <summary>With a flag and a lock: a volatile read of the flag, then the lock, a second read, and the factory.</summary>
    /// <exception cref="MissingMemberException">No factory, and T has no public parameterless constructor.</exception>
    public static T WithFlag<T>(LogicalThread me, ref T target, ref bool initialized, ref object? syncLock, Func<T>? valueFactory, string? name, string? file, int line)
    {
        if (!Volatile.Read(ref initialized, "initialized", file, line))
        {
            var gate = LockOf(me, ref syncLock, file, line);
            var taken = false;
            try
            {
                Monitor.Enter(gate, ref taken, file, line);
                if (!Volatile.Read(ref initialized, "initialized", file, line))
                {
                    var value = valueFactory is null ? Construct<T>() : valueFactory();
                    MemoryAccess.Store(me, Api, ref target, value, MemoryOrder.Plain, name, file, line);
                    Volatile.Write(ref initialized, true, "initialized", file, line);
                }
            }
            finally
            {
                if (taken)
                    Monitor.Exit(gate, file, line);
            }
        }
        return MemoryAccess.Load(me, Api, ref target, MemoryOrder.Plain, name, file, line);
    }

    /// <summary>With a lock only: a volatile read of the target, then the lock, a second read, and the factory if it is still null.</summary>
    /// <exception cref="InvalidOperationException">The factory returned <see langword="null"/>.</exception>
    public static T WithLock<T>(LogicalThread me, ref T? target, ref object? syncLock, Func<T> valueFactory, string? name, string? file, int line)
        where T : class
    {
        if (Volatile.Read(ref target, name, file, line) is { } published)
            return published;
        var gate = LockOf(me, ref syncLock, file, line);
        var taken = false;
        try
        {
            Monitor.Enter(gate, ref taken, file, line);
            if (Volatile.Read(ref target, name, file, line) is null)
            {
                Volatile.Write(ref target, valueFactory(), name, file, line);
                if (MemoryAccess.Load(me, Api, ref target, MemoryOrder.Plain, name, file, line) is null)
                    throw new InvalidOperationException(FactoryReturnedNull);
            }
        }
        finally
        {
            if (taken)
                Monitor.Exit(gate, file, line);
        }
        return MemoryAccess.Load(me, Api, ref target, MemoryOrder.Plain, name, file, line)!;
    }

    /// <summary>The lock object, made and published with a compare-exchange if the caller's field is still null, as .NET does.</summary>
    private static object LockOf(LogicalThread me, ref object? syncLock, string? file, int line) =>
        MemoryAccess.Load(me, Api, ref syncLock, MemoryOrder.Plain, "syncLock", file, line)
        ?? Interlocked.CompareExchange(ref syncLock, new object(), null, "syncLock", file, line)
        ?? MemoryAccess.Load(me, Api, ref syncLock, MemoryOrder.Plain, "syncLock", file, line)!;

    private static T Construct<T>()
    {
        try
        {
            return Activator.CreateInstance<T>();
        }
        catch (MissingMethodException)
        {
            throw new MissingMemberException("The lazily-initialized type does not have a public, parameterless constructor.");
        }
    }
}
