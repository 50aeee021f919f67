using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Loom.Runtime;
using Loom.Runtime.Sharing;

namespace Loom.Interception;

/// <summary>
/// Stands in for the array element accesses of rewritten code (<c>ldelem.*</c>, <c>stelem.*</c>, <c>ldelema</c>). The
/// rewriter's fields pass chooses the element type from the instruction (its type operand, or the element
/// type the opcode names: <c>ldelem.i4</c> is <see cref="int"/>, <c>ldelem.ref</c> is <see cref="object"/>) and
/// widens the index to a native integer. Inside a Loom execution each element is a location of its own, tracked by
/// array and index like a field (<see cref="SharedMemory"/>); outside one each stand-in is the plain access, with
/// the same bounds and covariance checks.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ArrayCalls
{
    /// <summary>Stands in for <c>ldelem</c>: reads an element.</summary>
    /// <typeparam name="T">The element type the instruction reads.</typeparam>
    /// <param name="array">The array.</param>
    /// <param name="index">The element's index.</param>
    /// <param name="file">The access's source file.</param>
    /// <param name="line">The access's source line.</param>
    /// <returns>The value the load returns.</returns>
    /// <exception cref="System.NullReferenceException"><paramref name="array"/> is <see langword="null"/>.</exception>
    /// <exception cref="System.IndexOutOfRangeException"><paramref name="index"/> is outside the array.</exception>
    public static T Read<T>(T[] array, nint index, string? file, int line)
    {
        ref var element = ref ElementOf(array, index);
        return LoomRuntime.AnyActive && LogicalThread.Current is { } me
            ? SharedMemory.Of(me).LoadElement(me, array, index, ref element, file, line)
            : element;
    }

    /// <summary>Stands in for <c>stelem</c>: writes an element.</summary>
    /// <typeparam name="T">The element type the instruction writes.</typeparam>
    /// <param name="array">The array.</param>
    /// <param name="index">The element's index.</param>
    /// <param name="value">The value to store.</param>
    /// <param name="file">The access's source file.</param>
    /// <param name="line">The access's source line.</param>
    /// <exception cref="System.NullReferenceException"><paramref name="array"/> is <see langword="null"/>.</exception>
    /// <exception cref="System.IndexOutOfRangeException"><paramref name="index"/> is outside the array.</exception>
    /// <exception cref="System.ArrayTypeMismatchException"><paramref name="value"/> cannot be stored in the array's element type.</exception>
    public static void Write<T>(T[] array, nint index, T value, string? file, int line)
    {
        if (LoomRuntime.AnyActive && LogicalThread.Current is { } me)
        {
            // The checks stelem makes, before the store is scheduled: other threads must not see it early.
            ref var element = ref ElementOf(array, index);
            if (!typeof(T).IsValueType && value is not null && array.GetType() != typeof(T[]) && !array.GetType().GetElementType()!.IsInstanceOfType(value!))
                throw new System.ArrayTypeMismatchException("Attempted to access an element as a type incompatible with the array.");
            SharedMemory.Of(me).StoreElement(me, array, index, ref element, value, file, line);
        }
        else
        {
            array[index] = value;
        }
    }

    /// <summary>Stands in for <c>ldelema</c>: the element's address, unchanged (see <see cref="FieldCalls.Address{T}"/>).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="array">The array.</param>
    /// <param name="index">The element's index.</param>
    /// <returns>A reference to the element.</returns>
    /// <exception cref="System.NullReferenceException"><paramref name="array"/> is <see langword="null"/>.</exception>
    /// <exception cref="System.IndexOutOfRangeException"><paramref name="index"/> is outside the array.</exception>
    public static ref T Address<T>(T[] array, nint index)
    {
        ref T element = ref array[index];
        if (LoomRuntime.AnyActive && LogicalThread.Current is { } me)
            SharedMemory.Of(me).NoteElementAddress(me, array, index, ref element);
        return ref element;
    }

    /// <summary>
    /// Stands in for <c>readonly. ldelema</c> (a call on an element of a type parameter's array): the element's
    /// address, unchanged, without the exact element type check of <see cref="Address{T}"/>, so a covariant array
    /// (a <c>string[]</c> seen as <c>object[]</c>) is accepted as <c>readonly.</c> accepts it.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="array">The array.</param>
    /// <param name="index">The element's index.</param>
    /// <returns>A read-only reference to the element.</returns>
    /// <exception cref="System.NullReferenceException"><paramref name="array"/> is <see langword="null"/>.</exception>
    /// <exception cref="System.IndexOutOfRangeException"><paramref name="index"/> is outside the array.</exception>
    public static ref readonly T ReadOnlyAddress<T>(T[] array, nint index)
    {
        ref T element = ref ElementOf(array, index);
        if (LoomRuntime.AnyActive && LogicalThread.Current is { } me)
            SharedMemory.Of(me).NoteElementAddress(me, array, index, ref element);
        return ref element;
    }

    // ldelem and stelem take an array whose element type derives from T (ldelem.ref reads a string[] as object[]);
    // ldelema, which `ref array[index]` compiles to, would throw ArrayTypeMismatchException for it.
    private static ref T ElementOf<T>(T[] array, nint index)
    {
        if ((nuint)index >= (nuint)array.Length)
            throw new System.IndexOutOfRangeException();
        return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), index);
    }
}
