using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Loom.Runtime;
using Loom.Threading.Models;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="ConcurrentStack{T}"/>, on the real stacks: inside a Loom execution every operation is
/// a scheduling point on the stack's model, then the real operation, which is atomic
/// (<see cref="ConcurrentCollectionModel"/>). Outside an execution each stand-in is the real member.
/// </summary>
[PassesThrough("New", "makes an empty or filled stack that no other thread can see yet")]
[Intercepts(typeof(ConcurrentStack<>))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ConcurrentStackOfTCalls
{
    /// <summary>Stands in for <see cref="ConcurrentStack{T}.Push"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="stack">The stack.</param>
    /// <param name="item">The item.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    public static void Push<T>(ConcurrentStack<T> stack, T item, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        ConcurrentCollectionModel.Step(stack, "ConcurrentStack.Push", AccessKind.Write, file, line);
        stack.Push(item);
    }

    /// <summary>Stands in for <see cref="ConcurrentStack{T}.PushRange(T[])"/>: one atomic push of them all.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="stack">The stack.</param>
    /// <param name="items">The items.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    public static void PushRange<T>(ConcurrentStack<T> stack, T[] items, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        ConcurrentCollectionModel.Step(stack, "ConcurrentStack.PushRange", AccessKind.Write, file, line);
        stack.PushRange(items);
    }

    /// <summary>Stands in for <see cref="ConcurrentStack{T}.PushRange(T[], int, int)"/>: one atomic push of them all.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="stack">The stack.</param>
    /// <param name="items">The items.</param>
    /// <param name="startIndex">The first index to use.</param>
    /// <param name="count">How many.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    public static void PushRange<T>(ConcurrentStack<T> stack, T[] items, int startIndex, int count, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        ConcurrentCollectionModel.Step(stack, "ConcurrentStack.PushRange", AccessKind.Write, file, line);
        stack.PushRange(items, startIndex, count);
    }

    /// <summary>Stands in for <see cref="ConcurrentStack{T}.TryPop"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="stack">The stack.</param>
    /// <param name="result">The newest item, or the default.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether an item was removed.</returns>
    public static bool TryPop<T>(ConcurrentStack<T> stack, [MaybeNullWhen(false)] out T result, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var me = ConcurrentCollectionModel.Step(stack, "ConcurrentStack.TryPop", AccessKind.Write, file, line);
        return ConcurrentCollectionModel.Result(me, stack.TryPop(out result));
    }

    /// <summary>Stands in for <see cref="ConcurrentStack{T}.TryPopRange(T[])"/>: one atomic pop.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="stack">The stack.</param>
    /// <param name="items">The items.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>How many items were popped.</returns>
    public static int TryPopRange<T>(ConcurrentStack<T> stack, T[] items, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var me = ConcurrentCollectionModel.Step(stack, "ConcurrentStack.TryPopRange", AccessKind.Write, file, line);
        return ConcurrentCollectionModel.Result(me, stack.TryPopRange(items));
    }

    /// <summary>Stands in for <see cref="ConcurrentStack{T}.TryPopRange(T[], int, int)"/>: one atomic pop.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="stack">The stack.</param>
    /// <param name="items">The items.</param>
    /// <param name="startIndex">The first index to use.</param>
    /// <param name="count">How many.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>How many items were popped.</returns>
    public static int TryPopRange<T>(ConcurrentStack<T> stack, T[] items, int startIndex, int count, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var me = ConcurrentCollectionModel.Step(stack, "ConcurrentStack.TryPopRange", AccessKind.Write, file, line);
        return ConcurrentCollectionModel.Result(me, stack.TryPopRange(items, startIndex, count));
    }

    /// <summary>Stands in for <see cref="ConcurrentStack{T}.TryPeek"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="stack">The stack.</param>
    /// <param name="result">The newest item, or the default.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether there was an item.</returns>
    public static bool TryPeek<T>(ConcurrentStack<T> stack, [MaybeNullWhen(false)] out T result, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var me = ConcurrentCollectionModel.Step(stack, "ConcurrentStack.TryPeek", AccessKind.Read, file, line);
        return ConcurrentCollectionModel.Result(me, stack.TryPeek(out result));
    }

    /// <summary>Stands in for <see cref="ConcurrentStack{T}.IsEmpty"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="stack">The stack.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether it holds no item.</returns>
    public static bool get_IsEmpty<T>(ConcurrentStack<T> stack, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var me = ConcurrentCollectionModel.Step(stack, "ConcurrentStack.IsEmpty", AccessKind.Read, file, line);
        return ConcurrentCollectionModel.Result(me, stack.IsEmpty);
    }

    /// <summary>Stands in for <see cref="ConcurrentStack{T}.Count"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="stack">The stack.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>How many items it holds.</returns>
    public static int get_Count<T>(ConcurrentStack<T> stack, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var me = ConcurrentCollectionModel.Step(stack, "ConcurrentStack.Count", AccessKind.Read, file, line);
        return ConcurrentCollectionModel.Result(me, stack.Count);
    }

    /// <summary>Stands in for <see cref="ConcurrentStack{T}.ToArray"/>: a snapshot.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="stack">The stack.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The items.</returns>
    public static T[] ToArray<T>(ConcurrentStack<T> stack, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        ConcurrentCollectionModel.Step(stack, "ConcurrentStack.ToArray", AccessKind.Read, file, line);
        return stack.ToArray();
    }

    /// <summary>Stands in for <see cref="ConcurrentStack{T}.CopyTo"/>: a snapshot.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="stack">The stack.</param>
    /// <param name="array">The destination.</param>
    /// <param name="index">Where to start in it.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    public static void CopyTo<T>(ConcurrentStack<T> stack, T[] array, int index, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        ConcurrentCollectionModel.Step(stack, "ConcurrentStack.CopyTo", AccessKind.Read, file, line);
        stack.CopyTo(array, index);
    }

    /// <summary>Stands in for <see cref="ConcurrentStack{T}.GetEnumerator"/>: a snapshot's enumerator.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="stack">The stack.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The enumerator.</returns>
    public static IEnumerator<T> GetEnumerator<T>(ConcurrentStack<T> stack, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        ConcurrentCollectionModel.Step(stack, "ConcurrentStack.GetEnumerator", AccessKind.Read, file, line);
        return stack.GetEnumerator();
    }

    /// <summary>Stands in for <see cref="ConcurrentStack{T}.Clear"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="stack">The stack.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    public static void Clear<T>(ConcurrentStack<T> stack, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        ConcurrentCollectionModel.Step(stack, "ConcurrentStack.Clear", AccessKind.Write, file, line);
        stack.Clear();
    }
}
