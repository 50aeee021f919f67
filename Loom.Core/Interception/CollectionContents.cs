using System.Runtime.CompilerServices;
using Loom.Runtime;
using Loom.Runtime.Sharing;

namespace Loom.Interception;

/// <summary>
/// What the stand-ins of the ordinary collections (<c>Dictionary</c>, <c>List</c>, <c>HashSet</c>, ...) do before the
/// real operation: inside a Loom execution, a read or a write of the collection's contents, one shared location per
/// collection tracked like a field (<see cref="SharedMemory.Access"/>). The collection's insides are .NET's, never
/// rewritten, so this is the only place Loom sees them. Outside an execution nothing happens and the real member
/// runs, throwing what it throws (a <see langword="null"/> collection throws <see cref="System.NullReferenceException"/>
/// from the call itself, as inside an execution).
/// <para>
/// Enumeration is a read when <c>GetEnumerator</c> is called. The struct enumerator's <c>MoveNext</c> is not tracked:
/// it has no public link to its collection to name the location by, and a scheduling point per item would multiply
/// the interleavings by the collection's length. A write another thread makes mid-loop (at a scheduling point in the
/// loop's body) still meets the real enumerator's own "Collection was modified" check.
/// </para>
/// </summary>
internal static class CollectionContents
{
    /// <summary>The location's name after the collection's type: <c>Dictionary&lt;string, int&gt; contents</c>.</summary>
    private const string What = "contents";

    /// <summary>Records a read of <paramref name="collection"/>'s contents; returns the collection for the real call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Read<T>(T collection, string? file, int line)
        where T : class
    {
        if (LoomRuntime.AnyActive && LogicalThread.Current is { } me)
            Access(me, collection, write: false, file, line);
        return collection;
    }

    /// <summary>Records a write of <paramref name="collection"/>'s contents; returns the collection for the real call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Write<T>(T collection, string? file, int line)
        where T : class
    {
        if (LoomRuntime.AnyActive && LogicalThread.Current is { } me)
            Access(me, collection, write: true, file, line);
        return collection;
    }

    private static void Access(LogicalThread me, object collection, bool write, string? file, int line) =>
        SharedMemory.Of(me).Access(me, StandIn.NotNull(collection), What, write, file, line);
}
