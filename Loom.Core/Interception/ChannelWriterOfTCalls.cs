using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Loom.Runtime;
using Loom.Threading.Models;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="ChannelWriter{T}"/>: inside a Loom execution every operation is a scheduling point on the
/// channel's model (<see cref="ChannelModel"/>): the model channel's own for a channel made inside the execution, and
/// before the real operation for any other. Outside an execution each stand-in is the real member.
/// </summary>
[Intercepts(typeof(ChannelWriter<>))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ChannelWriterOfTCalls
{
    /// <summary>Stands in for <see cref="ChannelWriter{T}.TryComplete"/>: ends writing; waiting reads and writes fail, waits end.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="error">The error the channel completes with, if any.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether this call completed the channel.</returns>
    public static bool TryComplete<T>(ChannelWriter<T> writer, Exception? error, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ChannelModel.TryComplete(writer, error, file, line);

    /// <summary>Stands in for <see cref="ChannelWriter{T}.TryWrite"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="item">The item.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the item was written (or, in a dropping mode, accepted).</returns>
    public static bool TryWrite<T>(ChannelWriter<T> writer, T item, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ChannelModel.TryWrite(writer, item, file, line);

    /// <summary>Stands in for <see cref="ChannelWriter{T}.WriteAsync"/>: inside an execution, a write to a full channel completes when a logical thread reads.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="item">The item.</param>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>A task that completes once the item is written.</returns>
    public static ValueTask WriteAsync<T>(ChannelWriter<T> writer, T item, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ChannelModel.WriteAsync(writer, item, cancellationToken, file, line);

    /// <summary>Stands in for <see cref="ChannelWriter{T}.WaitToWriteAsync"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether there is room to write; false once the channel has completed.</returns>
    public static ValueTask<bool> WaitToWriteAsync<T>(ChannelWriter<T> writer, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ChannelModel.WaitToWriteAsync(writer, cancellationToken, file, line);


    /// <summary>Stands in for <see cref="ChannelWriter{T}.Complete"/>: <see cref="TryComplete"/>, and throws if the channel had completed already.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="error">The error the channel completes with, if any.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="ChannelClosedException">The channel had completed already.</exception>
    public static void Complete<T>(ChannelWriter<T> writer, Exception? error, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ChannelWriter.Complete", file, line) is null)
            writer.Complete(error);
        else if (!ChannelModel.TryComplete(writer, error, file, line))
            throw new ChannelClosedException();
    }
}
