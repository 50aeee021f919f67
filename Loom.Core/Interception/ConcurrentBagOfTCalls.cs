using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Loom.Runtime;
using Loom.Threading;
using Loom.Threading.Models;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="ConcurrentBag{T}"/>, on the real bags: inside a Loom execution every operation is a
/// scheduling point on the bag's model (<see cref="ConcurrentBagModel"/>), which decides which item a take returns
/// (the thread's own newest, else the oldest it steals) so that a schedule gives the same items on every run; the
/// real bag holds the same items. Outside an execution each stand-in is the real member.
/// </summary>
[PassesThrough("New", "makes an empty or filled bag that no other thread can see yet")]
[Intercepts(typeof(ConcurrentBag<>))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ConcurrentBagOfTCalls
{
    /// <summary>Stands in for <see cref="ConcurrentBag{T}.Add"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="bag">The bag.</param>
    /// <param name="item">The item.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    public static void Add<T>(ConcurrentBag<T> bag, T item, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ConcurrentBag.Add", file, line) is { } me)
            ConcurrentBagModel.Add(me, StandIn.NotNull(bag), item, file, line);
        else
            bag.Add(item);
    }

    /// <summary>Stands in for <see cref="ConcurrentBag{T}.TryTake"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="bag">The bag.</param>
    /// <param name="result">The item removed, or the default.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether an item was removed.</returns>
    public static bool TryTake<T>(ConcurrentBag<T> bag, [MaybeNullWhen(false)] out T result, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("ConcurrentBag.TryTake", file, line) is { } me
            ? ConcurrentBagModel.TryTake(me, StandIn.NotNull(bag), out result!, file, line)
            : bag.TryTake(out result);

    /// <summary>Stands in for <see cref="ConcurrentBag{T}.TryPeek"/>: the item a take would return now.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="bag">The bag.</param>
    /// <param name="result">The item, or the default.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether there was an item.</returns>
    public static bool TryPeek<T>(ConcurrentBag<T> bag, [MaybeNullWhen(false)] out T result, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("ConcurrentBag.TryPeek", file, line) is { } me
            ? ConcurrentBagModel.TryPeek(me, StandIn.NotNull(bag), out result!, file, line)
            : bag.TryPeek(out result);

    /// <summary>Stands in for <see cref="ConcurrentBag{T}.CopyTo"/>: a snapshot, in the model's order.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="bag">The bag.</param>
    /// <param name="array">The destination.</param>
    /// <param name="index">Where to start in it.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    public static void CopyTo<T>(ConcurrentBag<T> bag, T[] array, int index, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ConcurrentBag.CopyTo", file, line) is { } me)
            ConcurrentBagModel.Snapshot(me, StandIn.NotNull(bag), "ConcurrentBag.CopyTo", file, line).CopyTo(array, index);
        else
            bag.CopyTo(array, index);
    }

    /// <summary>Stands in for <see cref="ConcurrentBag{T}.ToArray"/>: a snapshot, in the model's order.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="bag">The bag.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The items.</returns>
    public static T[] ToArray<T>(ConcurrentBag<T> bag, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("ConcurrentBag.ToArray", file, line) is { } me
            ? ConcurrentBagModel.Snapshot(me, StandIn.NotNull(bag), "ConcurrentBag.ToArray", file, line)
            : bag.ToArray();

    /// <summary>Stands in for <see cref="ConcurrentBag{T}.GetEnumerator"/>: a snapshot's enumerator, in the model's order.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="bag">The bag.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The enumerator.</returns>
    public static IEnumerator<T> GetEnumerator<T>(ConcurrentBag<T> bag, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("ConcurrentBag.GetEnumerator", file, line) is { } me
            ? ((IEnumerable<T>)ConcurrentBagModel.Snapshot(me, StandIn.NotNull(bag), "ConcurrentBag.GetEnumerator", file, line)).GetEnumerator()
            : bag.GetEnumerator();

    /// <summary>Stands in for <see cref="ConcurrentBag{T}.Clear"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="bag">The bag.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    public static void Clear<T>(ConcurrentBag<T> bag, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ConcurrentBag.Clear", file, line) is { } me)
            ConcurrentBagModel.Clear(me, StandIn.NotNull(bag), file, line);
        else
            bag.Clear();
    }

    /// <summary>Stands in for <see cref="ConcurrentBag{T}.Count"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="bag">The bag.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>How many items it holds.</returns>
    public static int get_Count<T>(ConcurrentBag<T> bag, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("ConcurrentBag.Count", file, line) is { } me
            ? MemoryAccess.Result(me, ConcurrentBagModel.Snapshot(me, StandIn.NotNull(bag), "ConcurrentBag.Count", file, line).Length)
            : bag.Count;

    /// <summary>Stands in for <see cref="ConcurrentBag{T}.IsEmpty"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="bag">The bag.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether it holds no item.</returns>
    public static bool get_IsEmpty<T>(ConcurrentBag<T> bag, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("ConcurrentBag.IsEmpty", file, line) is { } me
            ? MemoryAccess.Result(me, ConcurrentBagModel.Snapshot(me, StandIn.NotNull(bag), "ConcurrentBag.IsEmpty", file, line).Length == 0)
            : bag.IsEmpty;
}
