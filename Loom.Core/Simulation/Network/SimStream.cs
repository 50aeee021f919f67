using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Loom.Runtime;

namespace Loom.Simulation;

/// <summary>
/// One end of a simulated stream connection, as a <see cref="Stream"/>: what one side writes arrives at the other in
/// order, after the link's latency, in chunks that need not match the writes. A reset fails reads and writes with
/// the <see cref="IOException"/> a <c>NetworkStream</c> throws; reading after the peer closed returns 0.
/// </summary>
public sealed class SimStream : Stream, IIncarnationResource
{
    private readonly StreamPipe _input;
    private readonly StreamPipe _output;
    private readonly Queue<byte[]> _received = new();
    private int _headOffset;
    private bool _endReceived;
    private bool _closed;
    private bool _dead;
    private PendingRead? _pending;

    internal SimStream(SimConnection connection, SimNode local, NodeIncarnation life, int localPort, string remote, int remotePort, StreamPipe input, StreamPipe output)
    {
        Connection = connection;
        LocalNode = local;
        Life = life;
        LocalPort = localPort;
        RemoteNode = remote;
        RemotePort = remotePort;
        _input = input;
        _output = output;
    }

    /// <summary>The node this end belongs to.</summary>
    public SimNode LocalNode { get; }

    /// <summary>This end's port.</summary>
    public int LocalPort { get; }

    /// <summary>The node at the other end.</summary>
    public string RemoteNode { get; }

    /// <summary>The other end's port.</summary>
    public int RemotePort { get; }

    /// <summary>How many received bytes wait to be read.</summary>
    public int Available
    {
        get
        {
            var total = -_headOffset;
            foreach (var chunk in _received)
                total += chunk.Length;
            return total;
        }
    }

    internal SimConnection Connection { get; }

    internal NodeIncarnation Life { get; }

    internal bool IsClosed => _closed || _dead;

    /// <inheritdoc />
    public override bool CanRead => !_closed;

    /// <inheritdoc />
    public override bool CanWrite => !_closed;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException("A network stream has no length.");

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException("A network stream has no position.");
        set => throw new NotSupportedException("A network stream has no position.");
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A network stream cannot seek.");

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException("A network stream has no length.");

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    /// <inheritdoc />
    /// <remarks>If no data has arrived, the calling logical thread waits for it at a scheduling point.</remarks>
    public override int Read(Span<byte> buffer)
    {
        var rented = ArrayPool<byte>.Shared.Rent(buffer.Length);
        try
        {
            var read = ReadAsync(rented.AsMemory(0, buffer.Length)).AsTask();
            if (!read.IsCompleted && LogicalThread.Current is { } me)
                me.Execution.WaitForTask(me, read, "SimStream.Read", null, 0);
            var count = read.GetAwaiter().GetResult();
            rented.AsSpan(0, count).CopyTo(buffer);
            return count;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">This end is closed.</exception>
    /// <exception cref="IOException">The connection was reset (inner <see cref="System.Net.Sockets.SocketException"/>, <see cref="System.Net.Sockets.SocketError.ConnectionReset"/>).</exception>
    /// <exception cref="InvalidOperationException">Another read is already waiting.</exception>
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ThrowIfUnusable();
        if (Connection.IsReset)
            return ValueTask.FromException<int>(NetworkErrors.ResetOnRead());
        if (buffer.Length == 0)
            return ValueTask.FromResult(0);
        if (_received.Count > 0)
            return ValueTask.FromResult(Take(buffer.Span));
        if (_endReceived)
            return ValueTask.FromResult(0);
        if (_pending is not null)
            throw new InvalidOperationException("Another read on this SimStream is still waiting; a stream supports one read at a time.");
        if (cancellationToken.IsCancellationRequested)
            return ValueTask.FromCanceled<int>(cancellationToken);
        var pending = new PendingRead(buffer, new TaskCompletionSource<int>());
        if (cancellationToken.CanBeCanceled)
        {
            pending.Registration = cancellationToken.Register(() => ContextFree.Run(() =>
            {
                if (_pending == pending)
                    _pending = null;
                pending.Completion.TrySetCanceled(cancellationToken);
            }));
        }
        _pending = pending;
        return new ValueTask<int>(pending.Completion.Task);
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        Write(buffer.AsSpan(offset, count));
    }

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">This end is closed.</exception>
    /// <exception cref="IOException">The connection was reset, or reset by this write (an injected fault).</exception>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ThrowIfUnusable();
        if (Connection.IsReset)
            throw NetworkErrors.ResetOnWrite();
        if (buffer.Length == 0)
            return;
        var network = LocalNode.World.Network;
        var faults = network.FaultsOf(_output.From, _output.To);
        if (faults.ResetProbability > 0 && network.Random.NextDouble() < faults.ResetProbability)
        {
            Connection.Reset($"injected on a write of {buffer.Length} bytes by {LocalNode.Name}");
            throw NetworkErrors.ResetOnWrite();
        }
        _output.Send(buffer.ToArray());
    }

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    /// <inheritdoc />
    /// <remarks>The data is handed to the network at once; the task completes without waiting for delivery.</remarks>
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
            return ValueTask.FromCanceled(cancellationToken);
        try
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }
        catch (IOException ex)
        {
            return ValueTask.FromException(ex);
        }
    }

    /// <summary>Closes this end: the peer reads the data already sent, then the end of the stream; a read waiting here fails.</summary>
    /// <param name="disposing">Whether called from <see cref="Stream.Dispose()"/>.</param>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_closed && !_dead)
        {
            _closed = true;
            Life.Disown(this);
            if (!Connection.IsReset)
                _output.Send(null);
            if (this == Connection.Client)
                LocalNode.Network.ReleaseConnectionPort(LocalPort);
            if (_pending is { } pending)
            {
                _pending = null;
                pending.Registration.Dispose();
                ContextFree.Run(() => pending.Completion.TrySetException(new IOException("The read was aborted because the stream was closed.", NetworkErrors.Aborted())));
            }
        }
        _closed = true;
        base.Dispose(disposing);
    }

    void IIncarnationResource.OnOwnerDied(bool crashed)
    {
        if (_dead || _closed)
            return;
        _dead = true;
        _pending = null;
        if (this == Connection.Client)
            LocalNode.Network.ReleaseConnectionPort(LocalPort);
        if (crashed || _received.Count > 0)
        {
            Connection.EndpointDied(this, crashed);
        }
        else if (!Connection.IsReset)
        {
            // A process that exits has its sockets closed by the kernel: the peer reads the end of the stream.
            _output.Send(null);
        }
    }

    internal void Receive(byte[]? data)
    {
        if (data is null)
            _endReceived = true;
        else
            _received.Enqueue(data);
    }

    /// <summary>Completes a waiting read with what arrived; called after the state is updated, so inline continuations see it whole.</summary>
    internal void WakeReader()
    {
        if (_pending is not { } pending || (_received.Count == 0 && !_endReceived))
            return;
        _pending = null;
        pending.Registration.Dispose();
        var count = _received.Count > 0 ? Take(pending.Buffer.Span) : 0;
        pending.Completion.TrySetResult(count);
    }

    internal void OnReset()
    {
        _received.Clear();
        _headOffset = 0;
        if (_pending is { } pending)
        {
            _pending = null;
            pending.Registration.Dispose();
            pending.Completion.TrySetException(NetworkErrors.ResetOnRead());
        }
    }

    private int Take(Span<byte> destination)
    {
        var copied = 0;
        while (copied < destination.Length && _received.TryPeek(out var chunk))
        {
            var count = Math.Min(chunk.Length - _headOffset, destination.Length - copied);
            chunk.AsSpan(_headOffset, count).CopyTo(destination[copied..]);
            copied += count;
            _headOffset += count;
            if (_headOffset == chunk.Length)
            {
                _received.Dequeue();
                _headOffset = 0;
            }
        }
        return copied;
    }

    private void ThrowIfUnusable()
    {
        if (LogicalThread.Current is { Killed: true })
            throw new ExecutionAbortedException();
        ObjectDisposedException.ThrowIf(_closed, this);
        if (_dead)
            throw new ObjectDisposedException(ToString(), $"Node '{LocalNode.Name}', which owned this stream, crashed or exited.");
    }

    /// <inheritdoc />
    public override string ToString() => $"stream {LocalNode.Name}:{LocalPort} -> {RemoteNode}:{RemotePort}";

    private sealed class PendingRead(Memory<byte> buffer, TaskCompletionSource<int> completion)
    {
        public Memory<byte> Buffer { get; } = buffer;

        public TaskCompletionSource<int> Completion { get; } = completion;

        public CancellationTokenRegistration Registration { get; set; }
    }
}
