using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Loom.Runtime;
using Loom.Threading.Models;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="ChannelReader{T}"/>: inside a Loom execution every operation is a scheduling point on the
/// channel's model (<see cref="ChannelModel"/>): the model channel's own for a channel made inside the execution, and
/// before the real operation for any other. Outside an execution each stand-in is the real member.
/// </summary>
[PassesThrough("get_CanCount", PassThroughReasons.FixedAtConstruction)]
[PassesThrough("get_CanPeek", PassThroughReasons.FixedAtConstruction)]
[Intercepts(typeof(ChannelReader<>))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ChannelReaderOfTCalls
{
    /// <summary>Stands in for <see cref="ChannelReader{T}.Completion"/>: inside an execution a scheduling point.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="reader">The reader.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The task that completes when the channel has completed and been read to its end.</returns>
    public static Task get_Completion<T>(ChannelReader<T> reader, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ChannelModel.Completion(reader, file, line);

    /// <summary>Stands in for <see cref="ChannelReader{T}.Count"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="reader">The reader.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>How many items the channel holds.</returns>
    public static int get_Count<T>(ChannelReader<T> reader, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ChannelModel.Count(reader, file, line);

    /// <summary>Stands in for <see cref="ChannelReader{T}.TryRead"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="reader">The reader.</param>
    /// <param name="item">The item read, or the default.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether an item was read.</returns>
    public static bool TryRead<T>(ChannelReader<T> reader, [MaybeNullWhen(false)] out T item, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ChannelModel.TryRead(reader, out item!, file, line);

    /// <summary>Stands in for <see cref="ChannelReader{T}.TryPeek"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="reader">The reader.</param>
    /// <param name="item">The next item, or the default.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether there was an item.</returns>
    public static bool TryPeek<T>(ChannelReader<T> reader, [MaybeNullWhen(false)] out T item, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ChannelModel.TryPeek(reader, out item!, file, line);

    /// <summary>Stands in for <see cref="ChannelReader{T}.ReadAsync"/>: inside an execution, a read of an empty channel completes when a logical thread writes, and the code awaiting it resumes under Loom's control.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="reader">The reader.</param>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The item.</returns>
    public static ValueTask<T> ReadAsync<T>(ChannelReader<T> reader, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ChannelModel.ReadAsync(reader, cancellationToken, file, line);

    /// <summary>Stands in for <see cref="ChannelReader{T}.WaitToReadAsync"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="reader">The reader.</param>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether an item is there to read; false once the channel has completed and is empty.</returns>
    public static ValueTask<bool> WaitToReadAsync<T>(ChannelReader<T> reader, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ChannelModel.WaitToReadAsync(reader, cancellationToken, file, line);

    /// <summary>Stands in for <see cref="ChannelReader{T}.ReadAllAsync"/>: its awaits keep Loom's synchronization context inside an execution (the real one's resume on the thread pool).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="reader">The reader.</param>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The items, as they are read.</returns>
    public static IAsyncEnumerable<T> ReadAllAsync<T>(ChannelReader<T> reader, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("ChannelReader.ReadAllAsync", file, line) is not null
            ? ChannelModel.ReadAll(StandIn.NotNull(reader), cancellationToken, file, line)
            : reader.ReadAllAsync(cancellationToken);
}
