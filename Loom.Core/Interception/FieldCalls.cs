using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using Loom.Runtime;
using Loom.Runtime.Sharing;

namespace Loom.Interception;

/// <summary>
/// Stands in for the field accesses of rewritten code (<c>ldfld</c>, <c>stfld</c>, <c>ldsfld</c>, <c>stsfld</c>,
/// <c>ldflda</c>, <c>ldsflda</c>, with or without the <c>volatile.</c> prefix). The rewriter's fields pass passes the
/// object, a reference to the field, the field's handle and name, and the access's source line. Inside a Loom
/// execution each access is tracked by object and field (<see cref="SharedMemory"/>): an object only one logical
/// thread has seen costs no scheduling point; a field that races becomes a scheduling point whose loads the
/// .NET memory model may answer with an older store; a volatile access acquires or releases. Outside an execution
/// each stand-in is the plain access.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FieldCalls
{
    /// <summary>Stands in for <c>ldfld</c>: reads an instance field of a class.</summary>
    /// <typeparam name="T">The field's type.</typeparam>
    /// <param name="owner">The object whose field it is.</param>
    /// <param name="field">The field of <paramref name="owner"/>.</param>
    /// <param name="handle">The field's handle: its identity.</param>
    /// <param name="name">The field's name for traces, <c>Type.field</c>.</param>
    /// <param name="file">The access's source file.</param>
    /// <param name="line">The access's source line.</param>
    /// <returns>The value the load returns.</returns>
    public static T Read<T>(object owner, ref T field, RuntimeFieldHandle handle, string name, string? file, int line) =>
        LoomRuntime.AnyActive && LogicalThread.Current is { } me
            ? SharedMemory.Of(me).Load(me, owner, ref field, handle, name, MemoryOrder.Plain, file, line)
            : field;

    /// <summary>Stands in for <c>volatile. ldfld</c>: an acquiring read of an instance field of a class.</summary>
    /// <typeparam name="T">The field's type.</typeparam>
    /// <param name="owner">The object whose field it is.</param>
    /// <param name="field">The field of <paramref name="owner"/>.</param>
    /// <param name="handle">The field's handle: its identity.</param>
    /// <param name="name">The field's name for traces, <c>Type.field</c>.</param>
    /// <param name="file">The access's source file.</param>
    /// <param name="line">The access's source line.</param>
    /// <returns>The value the load returns.</returns>
    public static T ReadVolatile<T>(object owner, ref T field, RuntimeFieldHandle handle, string name, string? file, int line) =>
        LoomRuntime.AnyActive && LogicalThread.Current is { } me
            ? SharedMemory.Of(me).Load(me, owner, ref field, handle, name, MemoryOrder.Acquire, file, line)
            : VolatileRead(ref field);

    /// <summary>Stands in for <c>stfld</c>: writes an instance field of a class.</summary>
    /// <typeparam name="T">The field's type.</typeparam>
    /// <param name="owner">The object whose field it is.</param>
    /// <param name="field">The field of <paramref name="owner"/>.</param>
    /// <param name="value">The value to store.</param>
    /// <param name="handle">The field's handle: its identity.</param>
    /// <param name="name">The field's name for traces, <c>Type.field</c>.</param>
    /// <param name="file">The access's source file.</param>
    /// <param name="line">The access's source line.</param>
    public static void Write<T>(object owner, ref T field, T value, RuntimeFieldHandle handle, string name, string? file, int line)
    {
        if (LoomRuntime.AnyActive && LogicalThread.Current is { } me)
            SharedMemory.Of(me).Store(me, owner, ref field, value, handle, name, MemoryOrder.Plain, file, line);
        else
            field = value;
    }

    /// <summary>Stands in for <c>volatile. stfld</c>: a releasing write of an instance field of a class.</summary>
    /// <typeparam name="T">The field's type.</typeparam>
    /// <param name="owner">The object whose field it is.</param>
    /// <param name="field">The field of <paramref name="owner"/>.</param>
    /// <param name="value">The value to store.</param>
    /// <param name="handle">The field's handle: its identity.</param>
    /// <param name="name">The field's name for traces, <c>Type.field</c>.</param>
    /// <param name="file">The access's source file.</param>
    /// <param name="line">The access's source line.</param>
    public static void WriteVolatile<T>(object owner, ref T field, T value, RuntimeFieldHandle handle, string name, string? file, int line)
    {
        if (LoomRuntime.AnyActive && LogicalThread.Current is { } me)
            SharedMemory.Of(me).Store(me, owner, ref field, value, handle, name, MemoryOrder.Release, file, line);
        else
            VolatileWrite(ref field, value);
    }

    /// <summary>
    /// Stands in for <c>ldflda</c>: the field's address, unchanged. Inside an execution Loom remembers which object
    /// and field it is, so a stand-in that receives the reference (Interlocked, Volatile, a struct's method) names
    /// the same location as the field's plain reads and writes, and a garbage collection moving the object
    /// changes nothing.
    /// </summary>
    /// <typeparam name="T">The field's type.</typeparam>
    /// <param name="owner">The object whose field it is.</param>
    /// <param name="field">The field of <paramref name="owner"/>.</param>
    /// <param name="handle">The field's handle: its identity.</param>
    /// <param name="name">The field's name for traces, <c>Type.field</c>.</param>
    /// <returns><paramref name="field"/>.</returns>
    public static ref T Address<T>(object owner, ref T field, RuntimeFieldHandle handle, string name)
    {
        if (LoomRuntime.AnyActive && LogicalThread.Current is { } me)
            SharedMemory.Of(me).NoteAddress(me, owner, ref field, handle, name);
        return ref field;
    }

    /// <summary>Stands in for <c>ldsfld</c>: reads a static field.</summary>
    /// <typeparam name="T">The field's type.</typeparam>
    /// <param name="field">The field.</param>
    /// <param name="handle">The field's handle: its identity.</param>
    /// <param name="name">The field's name for traces, <c>Type.field</c>.</param>
    /// <param name="file">The access's source file.</param>
    /// <param name="line">The access's source line.</param>
    /// <returns>The value the load returns.</returns>
    public static T ReadStatic<T>(ref T field, RuntimeFieldHandle handle, string name, string? file, int line) =>
        LoomRuntime.AnyActive && LogicalThread.Current is { } me
            ? SharedMemory.Of(me).Load(me, null, ref field, handle, name, MemoryOrder.Plain, file, line)
            : field;

    /// <summary>Stands in for <c>volatile. ldsfld</c>: an acquiring read of a static field.</summary>
    /// <typeparam name="T">The field's type.</typeparam>
    /// <param name="field">The field.</param>
    /// <param name="handle">The field's handle: its identity.</param>
    /// <param name="name">The field's name for traces, <c>Type.field</c>.</param>
    /// <param name="file">The access's source file.</param>
    /// <param name="line">The access's source line.</param>
    /// <returns>The value the load returns.</returns>
    public static T ReadStaticVolatile<T>(ref T field, RuntimeFieldHandle handle, string name, string? file, int line) =>
        LoomRuntime.AnyActive && LogicalThread.Current is { } me
            ? SharedMemory.Of(me).Load(me, null, ref field, handle, name, MemoryOrder.Acquire, file, line)
            : VolatileRead(ref field);

    /// <summary>Stands in for <c>stsfld</c>: writes a static field.</summary>
    /// <typeparam name="T">The field's type.</typeparam>
    /// <param name="field">The field.</param>
    /// <param name="value">The value to store.</param>
    /// <param name="handle">The field's handle: its identity.</param>
    /// <param name="name">The field's name for traces, <c>Type.field</c>.</param>
    /// <param name="file">The access's source file.</param>
    /// <param name="line">The access's source line.</param>
    public static void WriteStatic<T>(ref T field, T value, RuntimeFieldHandle handle, string name, string? file, int line)
    {
        if (LoomRuntime.AnyActive && LogicalThread.Current is { } me)
            SharedMemory.Of(me).Store(me, null, ref field, value, handle, name, MemoryOrder.Plain, file, line);
        else
            field = value;
    }

    /// <summary>Stands in for <c>volatile. stsfld</c>: a releasing write of a static field.</summary>
    /// <typeparam name="T">The field's type.</typeparam>
    /// <param name="field">The field.</param>
    /// <param name="value">The value to store.</param>
    /// <param name="handle">The field's handle: its identity.</param>
    /// <param name="name">The field's name for traces, <c>Type.field</c>.</param>
    /// <param name="file">The access's source file.</param>
    /// <param name="line">The access's source line.</param>
    public static void WriteStaticVolatile<T>(ref T field, T value, RuntimeFieldHandle handle, string name, string? file, int line)
    {
        if (LoomRuntime.AnyActive && LogicalThread.Current is { } me)
            SharedMemory.Of(me).Store(me, null, ref field, value, handle, name, MemoryOrder.Release, file, line);
        else
            VolatileWrite(ref field, value);
    }

    /// <summary>Stands in for <c>ldsflda</c>: the static field's address, unchanged (see <see cref="Address{T}"/>).</summary>
    /// <typeparam name="T">The field's type.</typeparam>
    /// <param name="field">The field.</param>
    /// <param name="handle">The field's handle: its identity.</param>
    /// <param name="name">The field's name for traces, <c>Type.field</c>.</param>
    /// <returns><paramref name="field"/>.</returns>
    public static ref T AddressStatic<T>(ref T field, RuntimeFieldHandle handle, string name)
    {
        if (LoomRuntime.AnyActive && LogicalThread.Current is { } me)
            SharedMemory.Of(me).NoteAddress(me, null, ref field, handle, name);
        return ref field;
    }

    // A volatile field holds a reference, a primitive or an enum, which .NET reads and writes atomically; the
    // barriers give the acquire and release that Volatile.Read and Volatile.Write give the types they accept.
    private static T VolatileRead<T>(ref T field)
    {
        var value = field;
        System.Threading.Volatile.ReadBarrier();
        return value;
    }

    private static void VolatileWrite<T>(ref T field, T value)
    {
        System.Threading.Volatile.WriteBarrier();
        field = value;
    }
}
