using System;
using System.Collections.Generic;

namespace Loom.Simulation;

/// <summary>
/// A file on a simulated disk, in two versions: what reads see (the node's page cache: every write so far) and what
/// is on the disk (what survived the last flush, or crash). The writes in between are kept, in order, so that a crash
/// can lose, keep or tear each of them.
/// </summary>
internal sealed class FileData
{
    private byte[] _view = [];
    private byte[] _durable = [];
    private readonly List<PendingWrite> _pending = new();

    public FileData(string name) => Name = name;

    public string Name { get; set; }

    /// <summary>The length reads see.</summary>
    public long Length { get; private set; }

    /// <summary>The length on the disk.</summary>
    public long DurableLength { get; private set; }

    public IReadOnlyList<PendingWrite> Pending => _pending;

    public int Read(long offset, Span<byte> destination)
    {
        if (offset >= Length)
            return 0;
        var count = (int)Math.Min(destination.Length, Length - offset);
        _view.AsSpan((int)offset, count).CopyTo(destination);
        return count;
    }

    public void Write(long offset, ReadOnlySpan<byte> data)
    {
        var write = new PendingWrite(offset, data.ToArray());
        Apply(ref _view, Length, write, out var length);
        Length = length;
        _pending.Add(write);
    }

    public void SetLength(long length)
    {
        var change = new PendingWrite(length, null);
        Apply(ref _view, Length, change, out var newLength);
        Length = newLength;
        _pending.Add(change);
    }

    /// <summary>Everything written reaches the disk.</summary>
    public void Flush()
    {
        foreach (var write in _pending)
        {
            Apply(ref _durable, DurableLength, write, out var length);
            DurableLength = length;
        }
        _pending.Clear();
    }

    /// <summary>
    /// The machine lost power: each unflushed change reached the disk in full, in part (the sectors
    /// <paramref name="sectorsKept"/> returns, for a write), or not at all, as <paramref name="decide"/> says; then
    /// reads see what is on the disk.
    /// </summary>
    public void Crash(Func<PendingWrite, bool?> decide, Func<PendingWrite, List<(long Start, long End)>> sectorsKept)
    {
        foreach (var write in _pending)
        {
            switch (decide(write))
            {
                case true:
                    Apply(ref _durable, DurableLength, write, out var length);
                    DurableLength = length;
                    break;
                case null:
                    foreach (var (start, end) in sectorsKept(write))
                    {
                        var piece = new PendingWrite(start, write.Data.AsSpan((int)(start - write.Offset), (int)(end - start)).ToArray());
                        Apply(ref _durable, DurableLength, piece, out var tornLength);
                        DurableLength = tornLength;
                    }
                    break;
            }
        }
        _pending.Clear();
        _view = _durable.AsSpan(0, (int)DurableLength).ToArray();
        Length = DurableLength;
    }

    private static void Apply(ref byte[] buffer, long length, in PendingWrite write, out long newLength)
    {
        if (write.IsSetLength)
        {
            newLength = write.Offset;
            Ensure(ref buffer, newLength);
            if (newLength < length)
                buffer.AsSpan((int)newLength, (int)(length - newLength)).Clear();
            return;
        }
        Ensure(ref buffer, write.End);
        write.Data.CopyTo(buffer.AsSpan((int)write.Offset));
        newLength = Math.Max(length, write.End);
    }

    private static void Ensure(ref byte[] buffer, long length)
    {
        if (length > int.MaxValue)
            throw new System.IO.IOException("A simulated file is limited to 2 GB.");
        if (length > buffer.Length)
            Array.Resize(ref buffer, (int)Math.Max(length, Math.Min((long)buffer.Length * 2, int.MaxValue)));
    }
}
