using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Loom.Runtime;

namespace Loom.Simulation;

/// <summary>
/// An open file on a <see cref="SimDisk"/>, as a seekable <see cref="Stream"/>. Writes go to the node's memory (reads
/// see them at once); <see cref="Flush(bool)"/> with <see langword="true"/> or <see cref="FlushToDiskAsync"/> puts them
/// on the disk, as <see cref="FileStream.Flush(bool)"/> does. <see cref="Flush()"/> and <see cref="FlushAsync"/> only
/// hand data to the operating system, as on a real <see cref="FileStream"/>: a crash may still lose it. The async
/// methods take the disk's latency; the synchronous ones take none. A handle closes when its node crashes.
/// </summary>
public sealed class SimFile : Stream, IIncarnationResource
{
    private readonly SimDisk _disk;
    private readonly FileData _data;
    private readonly NodeIncarnation? _life;
    private readonly FileAccess _access;
    private long _position;
    private bool _closed;
    private bool _dead;

    internal SimFile(SimDisk disk, FileData data, NodeIncarnation? life, FileAccess access, long position)
    {
        _disk = disk;
        _data = data;
        _life = life;
        _access = access;
        _position = position;
    }

    /// <summary>The file's name when it was opened (or last renamed).</summary>
    public string Name => _data.Name;

    /// <summary>The disk the file is on.</summary>
    public SimDisk Disk => _disk;

    /// <inheritdoc />
    public override bool CanRead => !_closed && !_dead && (_access & FileAccess.Read) != 0;

    /// <inheritdoc />
    public override bool CanWrite => !_closed && !_dead && (_access & FileAccess.Write) != 0;

    /// <inheritdoc />
    public override bool CanSeek => !_closed && !_dead;

    /// <inheritdoc />
    public override long Length
    {
        get
        {
            ThrowIfUnusable();
            return _data.Length;
        }
    }

    /// <inheritdoc />
    public override long Position
    {
        get
        {
            ThrowIfUnusable();
            return _position;
        }
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ThrowIfUnusable();
            _position = value;
        }
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin)
    {
        ThrowIfUnusable();
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => _data.Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin), origin, "Unknown SeekOrigin."),
        };
        if (target < 0)
            throw new IOException("An attempt was made to move the position before the beginning of the stream.");
        _position = target;
        return target;
    }

    /// <inheritdoc />
    /// <exception cref="IOException">The disk is full, or an injected IO error.</exception>
    public override void SetLength(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ThrowIfUnusable();
        ThrowIfCannot(FileAccess.Write);
        _disk.CheckSpace(Name, value - _data.Length);
        _disk.MaybeIoError(Name, "set length");
        _data.SetLength(value);
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    /// <inheritdoc />
    /// <exception cref="IOException">An injected IO error.</exception>
    public override int Read(Span<byte> buffer)
    {
        ThrowIfUnusable();
        ThrowIfCannot(FileAccess.Read);
        _disk.MaybeIoError(Name, $"read of {buffer.Length} bytes at {_position}");
        var count = _data.Read(_position, buffer);
        if (count > 0 && _disk.Draw(_disk.Faults.CorruptReadProbability))
        {
            var bit = _disk.Next(count * 8);
            buffer[bit / 8] ^= (byte)(1 << (bit % 8));
            _disk.Record(Name, $"read of {count} bytes at {_position} returned corrupted data (bit {bit % 8} of byte {_position + bit / 8} flipped; the disk is intact)");
        }
        _position += count;
        return count;
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    /// <inheritdoc />
    /// <exception cref="IOException">Through the task: an injected IO error.</exception>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ThrowIfUnusable();
        ThrowIfCannot(FileAccess.Read);
        await Wait(_disk.Latency(), cancellationToken);
        return Read(buffer.Span);
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        Write(buffer.AsSpan(offset, count));
    }

    /// <inheritdoc />
    /// <exception cref="IOException">The disk is full, or an injected IO error.</exception>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ThrowIfUnusable();
        ThrowIfCannot(FileAccess.Write);
        if (buffer.Length == 0)
            return;
        if (IsAppendOnly)
            _position = _data.Length;
        _disk.CheckSpace(Name, Math.Max(0, _position + buffer.Length - _data.Length));
        _disk.MaybeIoError(Name, $"write of {buffer.Length} bytes at {_position}");
        _data.Write(_position, buffer);
        _position += buffer.Length;
    }

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    /// <inheritdoc />
    /// <exception cref="IOException">Through the task: the disk is full, or an injected IO error.</exception>
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ThrowIfUnusable();
        ThrowIfCannot(FileAccess.Write);
        await Wait(_disk.Latency(), cancellationToken);
        Write(buffer.Span);
    }

    /// <summary>Hands written data to the operating system: nothing to do here, and it does not make the data durable.</summary>
    public override void Flush() => ThrowIfUnusable();

    /// <summary>Hands written data to the operating system, and with <paramref name="flushToDisk"/> puts it on the disk (at once, without latency).</summary>
    /// <param name="flushToDisk">Whether to make the data durable, as <see cref="FileStream.Flush(bool)"/>.</param>
    /// <exception cref="IOException">An injected IO error: the data is not durable.</exception>
    public void Flush(bool flushToDisk)
    {
        ThrowIfUnusable();
        if (!flushToDisk)
            return;
        _disk.MaybeIoError(Name, "flush to disk");
        _data.Flush();
    }

    /// <summary>Hands written data to the operating system; like <see cref="FileStream.FlushAsync(CancellationToken)"/>, it does not make the data durable.</summary>
    /// <param name="cancellationToken">Cancels the flush.</param>
    /// <returns>A completed task.</returns>
    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        return cancellationToken.IsCancellationRequested ? Task.FromCanceled(cancellationToken) : Task.CompletedTask;
    }

    /// <summary>Puts everything written to this file on the disk, after the disk's flush latency. A crash before it completes leaves the writes unflushed.</summary>
    /// <param name="cancellationToken">Cancels the flush.</param>
    /// <returns>A task that completes when the data is durable.</returns>
    /// <exception cref="IOException">Through the task: an injected IO error; the data is not durable.</exception>
    public async Task FlushToDiskAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfUnusable();
        await Wait(_disk.FlushLatency(), cancellationToken);
        Flush(flushToDisk: true);
    }

    /// <summary>Closes the handle. It does not flush to disk (as a <see cref="FileStream"/> does not fsync on close).</summary>
    /// <param name="disposing">Whether called from <see cref="Stream.Dispose()"/>.</param>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_closed)
        {
            _closed = true;
            _life?.Disown(this);
        }
        base.Dispose(disposing);
    }

    void IIncarnationResource.OnOwnerDied(bool crashed) => _dead = true;

    /// <summary>Whether the handle was opened to append: its writes always go to the end.</summary>
    internal bool IsAppendOnly { get; init; }

    private Task Wait(TimeSpan latency, CancellationToken cancellationToken) =>
        latency > TimeSpan.Zero ? Task.Delay(latency, _disk.Node.World.Clock, cancellationToken) :
        cancellationToken.IsCancellationRequested ? Task.FromCanceled(cancellationToken) : Task.CompletedTask;

    private void ThrowIfUnusable()
    {
        if (LogicalThread.Current is { Killed: true })
            throw new ExecutionAbortedException();
        ObjectDisposedException.ThrowIf(_closed, this);
        if (_dead)
            throw new ObjectDisposedException(Name, $"Node '{_disk.Node.Name}', which opened this file, crashed or exited; its handles are closed.");
    }

    private void ThrowIfCannot(FileAccess needed)
    {
        if ((_access & needed) == 0)
            throw new NotSupportedException(needed == FileAccess.Read ? "The file was not opened for reading." : "The file was not opened for writing.");
    }

    /// <inheritdoc />
    public override string ToString() => $"{_disk.Node.Name}:{Name}";
}
