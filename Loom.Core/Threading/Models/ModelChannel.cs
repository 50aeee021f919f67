using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace Loom.Threading.Models;

/// <summary>
/// The channel that <c>Channel.Create*</c> makes inside a Loom execution, through the Loom.Threading.Channels.Channel
/// mirror or the stand-ins (Loom.Interception.ChannelCalls): a real <see cref="Channel{T}"/>, so code that was not
/// rewritten uses it as any other, whose reader and writer are scheduling points on its <see cref="ChannelBuffer{T}"/>.
/// The reader and writer stand-ins call the buffer with the call site; a call that was not rewritten reaches the same
/// buffer through the overrides, without one.
/// </summary>
internal sealed class ModelChannel<T> : Channel<T>
{
    public ModelChannel(ChannelBuffer<T> buffer)
    {
        Buffer = buffer;
        Reader = new ModelReader(buffer);
        Writer = new ModelWriter(buffer);
    }

    /// <summary>The channel's items and waiters.</summary>
    public ChannelBuffer<T> Buffer { get; }

    /// <summary>The reader of a model channel, which the reader stand-ins recognize.</summary>
    internal sealed class ModelReader(ChannelBuffer<T> buffer) : ChannelReader<T>
    {
        public ChannelBuffer<T> Buffer { get; } = buffer;

        /// <inheritdoc />
        public override Task Completion => Buffer.Completion(null, 0);

        /// <inheritdoc />
        public override bool CanCount => Buffer.CanCount;

        /// <inheritdoc />
        public override bool CanPeek => true;

        /// <inheritdoc />
        public override int Count => Buffer.Count(null, 0);

        /// <inheritdoc />
        public override bool TryRead(out T item) => Buffer.TryRead(out item, null, 0);

        /// <inheritdoc />
        public override bool TryPeek(out T item) => Buffer.TryPeek(out item, null, 0);

        /// <inheritdoc />
        public override ValueTask<T> ReadAsync(CancellationToken cancellationToken = default) => Buffer.ReadAsync(cancellationToken, null, 0);

        /// <inheritdoc />
        public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default) => Buffer.WaitToReadAsync(cancellationToken, null, 0);

        /// <inheritdoc />
        public override IAsyncEnumerable<T> ReadAllAsync(CancellationToken cancellationToken = default) => ChannelModel.ReadAll(this, cancellationToken, null, 0);
    }

    /// <summary>The writer of a model channel, which the writer stand-ins recognize.</summary>
    internal sealed class ModelWriter(ChannelBuffer<T> buffer) : ChannelWriter<T>
    {
        public ChannelBuffer<T> Buffer { get; } = buffer;

        /// <inheritdoc />
        public override bool TryComplete(Exception? error = null) => Buffer.TryComplete(error, null, 0);

        /// <inheritdoc />
        public override bool TryWrite(T item) => Buffer.TryWrite(item, null, 0);

        /// <inheritdoc />
        public override ValueTask WriteAsync(T item, CancellationToken cancellationToken = default) => Buffer.WriteAsync(item, cancellationToken, null, 0);

        /// <inheritdoc />
        public override ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken = default) => Buffer.WaitToWriteAsync(cancellationToken, null, 0);
    }
}
