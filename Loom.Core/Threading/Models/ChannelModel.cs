using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Loom.Runtime;

namespace Loom.Threading.Models;

/// <summary>
/// Channels inside a Loom execution, shared by the Loom.Threading.Channels.Channel mirror and the stand-ins
/// (Loom.Interception.ChannelCalls, ChannelReaderOfTCalls, ChannelWriterOfTCalls). A channel made inside an
/// execution is a <see cref="ModelChannel{T}"/>, whose operations are scheduling points on its buffer. A reader or
/// writer of any other channel (a real one made outside the execution, or the user's own) gets a scheduling point
/// on its channel's model, then the real operation: its items are the real channel's, and a read that has to wait
/// completes when a logical thread writes.
/// </summary>
internal static class ChannelModel
{
    /// <summary>The real readers' and writers' field that names their channel, by type (null for a type without one).</summary>
    private static readonly ConcurrentDictionary<Type, FieldInfo?> s_parentFields = new();

    /// <summary>A model unbounded channel with the options' behaviour (a single reader makes it uncountable, as in .NET).</summary>
    public static Channel<T> CreateUnbounded<T>(UnboundedChannelOptions options) =>
        new ModelChannel<T>(new ChannelBuffer<T>(null, BoundedChannelFullMode.Wait, null, null, options.AllowSynchronousContinuations, canCount: !options.SingleReader));

    /// <summary>A model bounded channel with the options' capacity and full mode.</summary>
    public static Channel<T> CreateBounded<T>(BoundedChannelOptions options, Action<T>? itemDropped) =>
        new ModelChannel<T>(new ChannelBuffer<T>(options.Capacity, options.FullMode, itemDropped, null, options.AllowSynchronousContinuations, canCount: true));

    /// <summary>A model unbounded channel that reads the smallest item first.</summary>
    public static Channel<T> CreateUnboundedPrioritized<T>(UnboundedPrioritizedChannelOptions<T> options) =>
        new ModelChannel<T>(new ChannelBuffer<T>(null, BoundedChannelFullMode.Wait, null, options.Comparer ?? Comparer<T>.Default, options.AllowSynchronousContinuations, canCount: true));

    public static Task Completion<T>(ChannelReader<T> reader, string? file, int line) =>
        reader is ModelChannel<T>.ModelReader model ? model.Buffer.Completion(file, line) : Real(reader, "ChannelReader.Completion", AccessKind.Read, file, line).Completion;

    public static int Count<T>(ChannelReader<T> reader, string? file, int line) =>
        reader is ModelChannel<T>.ModelReader model ? model.Buffer.Count(file, line) : Real(reader, "ChannelReader.Count", AccessKind.Read, file, line).Count;

    public static bool TryRead<T>(ChannelReader<T> reader, out T item, string? file, int line) =>
        reader is ModelChannel<T>.ModelReader model ? model.Buffer.TryRead(out item, file, line) : Real(reader, "ChannelReader.TryRead", AccessKind.Write, file, line).TryRead(out item!);

    public static bool TryPeek<T>(ChannelReader<T> reader, out T item, string? file, int line) =>
        reader is ModelChannel<T>.ModelReader model ? model.Buffer.TryPeek(out item, file, line) : Real(reader, "ChannelReader.TryPeek", AccessKind.Read, file, line).TryPeek(out item!);

    public static ValueTask<T> ReadAsync<T>(ChannelReader<T> reader, CancellationToken cancellationToken, string? file, int line) =>
        reader is ModelChannel<T>.ModelReader model ? model.Buffer.ReadAsync(cancellationToken, file, line) : Real(reader, "ChannelReader.ReadAsync", AccessKind.Write, file, line).ReadAsync(cancellationToken);

    public static ValueTask<bool> WaitToReadAsync<T>(ChannelReader<T> reader, CancellationToken cancellationToken, string? file, int line) =>
        reader is ModelChannel<T>.ModelReader model ? model.Buffer.WaitToReadAsync(cancellationToken, file, line) : Real(reader, "ChannelReader.WaitToReadAsync", AccessKind.Write, file, line).WaitToReadAsync(cancellationToken);

    /// <summary>
    /// Every item until the channel completes. Unlike the base class's, whose awaits drop the synchronization context
    /// and would resume on the real thread pool, its awaits keep it, which inside an execution is Loom's: each
    /// resumption is a step of the execution.
    /// </summary>
    public static async IAsyncEnumerable<T> ReadAll<T>(ChannelReader<T> reader, [EnumeratorCancellation] CancellationToken cancellationToken, string? file, int line)
    {
        while (await WaitToReadAsync(reader, cancellationToken, file, line))
        {
            while (TryRead(reader, out var item, file, line))
                yield return item;
        }
    }

    public static bool TryComplete<T>(ChannelWriter<T> writer, Exception? error, string? file, int line) =>
        writer is ModelChannel<T>.ModelWriter model ? model.Buffer.TryComplete(error, file, line) : Real(writer, "ChannelWriter.TryComplete", AccessKind.Write, file, line).TryComplete(error);

    public static bool TryWrite<T>(ChannelWriter<T> writer, T item, string? file, int line) =>
        writer is ModelChannel<T>.ModelWriter model ? model.Buffer.TryWrite(item, file, line) : Real(writer, "ChannelWriter.TryWrite", AccessKind.Write, file, line).TryWrite(item);

    public static ValueTask WriteAsync<T>(ChannelWriter<T> writer, T item, CancellationToken cancellationToken, string? file, int line) =>
        writer is ModelChannel<T>.ModelWriter model ? model.Buffer.WriteAsync(item, cancellationToken, file, line) : Real(writer, "ChannelWriter.WriteAsync", AccessKind.Write, file, line).WriteAsync(item, cancellationToken);

    public static ValueTask<bool> WaitToWriteAsync<T>(ChannelWriter<T> writer, CancellationToken cancellationToken, string? file, int line) =>
        writer is ModelChannel<T>.ModelWriter model ? model.Buffer.WaitToWriteAsync(cancellationToken, file, line) : Real(writer, "ChannelWriter.WaitToWriteAsync", AccessKind.Write, file, line).WaitToWriteAsync(cancellationToken);

    /// <summary>
    /// Inside an execution, the scheduling point of an operation on a reader or writer of a channel Loom did not make,
    /// on its channel's model, so a read and a write of one channel are ordered; then the reader or writer itself.
    /// </summary>
    private static TEnd Real<TEnd>(TEnd end, string api, AccessKind access, string? file, int line)
        where TEnd : class
    {
        if (LoomRuntime.Controlled(api, file, line) is { } me)
            ConcurrentCollectionModel.Step(me, ChannelOf(Interception.StandIn.NotNull(end)), api, access, file, line);
        return end;
    }

    /// <summary>The channel a real reader or writer belongs to (its private parent field), or the object itself.</summary>
    private static object ChannelOf(object end) =>
        s_parentFields.GetOrAdd(end.GetType(), static type => type.GetField("_parent", BindingFlags.Instance | BindingFlags.NonPublic))?.GetValue(end) ?? end;
}
