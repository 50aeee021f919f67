using System;

namespace Loom.Runtime.Sharing;

/// <summary>
/// The memory of one execution that rewritten code reaches by plain field and array accesses, and the
/// collections modelled as shared state: each location is named by its object and field (or array and index),
/// never by address, so a garbage collection changes nothing.
/// </summary>
internal sealed class SharedMemory
{
    /// <summary>The shared memory of <paramref name="me"/>'s execution.</summary>
    public static SharedMemory Of(LogicalThread me) => me.Execution.Shared;

    /// <summary>A load of a field (<paramref name="owner"/> is <see langword="null"/> for a static field).</summary>
    public T Load<T>(LogicalThread me, object? owner, ref T field, RuntimeFieldHandle handle, string name, MemoryOrder order, string? file, int line) => field;

    /// <summary>A store to a field (<paramref name="owner"/> is <see langword="null"/> for a static field); writes real memory.</summary>
    public void Store<T>(LogicalThread me, object? owner, ref T field, T value, RuntimeFieldHandle handle, string name, MemoryOrder order, string? file, int line) => field = value;

    /// <summary>Remembers that <paramref name="field"/> is this object's field, for the next stand-in that receives the reference.</summary>
    public void NoteAddress<T>(LogicalThread me, object? owner, ref T field, RuntimeFieldHandle handle, string name)
    {
    }

    /// <summary>A load of an array element.</summary>
    public T LoadElement<T>(LogicalThread me, T[] array, nint index, ref T element, string? file, int line) => element;

    /// <summary>A store to an array element; writes real memory.</summary>
    public void StoreElement<T>(LogicalThread me, T[] array, nint index, ref T element, T value, string? file, int line) => element = value;

    /// <summary>Remembers that <paramref name="element"/> is this array's element, for the next stand-in that receives the reference.</summary>
    public void NoteElementAddress<T>(LogicalThread me, T[] array, nint index, ref T element)
    {
    }

    /// <summary>
    /// An operation on an object whose insides Loom does not see (an ordinary collection): a read or a write of its
    /// contents, tracked like a field named <paramref name="what"/>, so two threads using it without a lock race.
    /// </summary>
    public void Access(LogicalThread me, object owner, string what, bool write, string? file, int line)
    {
    }
}
