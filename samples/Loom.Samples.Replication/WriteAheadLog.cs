using System.Buffers.Binary;
using Loom.Simulation;

namespace Loom.Samples.Replication;

/// <summary>
/// An append-only log of records on a node's disk: each record is its length, its CRC-32 and its bytes. A record is
/// durable once <see cref="FlushAsync"/> has returned after it. Recovery keeps the records up to the first one that
/// is incomplete or fails its checksum (what a crash leaves of unflushed appends) and cuts the file there.
/// </summary>
public sealed class WriteAheadLog : IDisposable
{
    /// <summary>The log's file name on the node's disk.</summary>
    public const string FileName = "kv.wal";

    private const int HeaderSize = 8;

    private readonly SimFile _file;

    private WriteAheadLog(SimFile file) => _file = file;

    /// <summary>Opens the log on <paramref name="disk"/>, returning it with the records that survived, in order.</summary>
    public static async Task<(WriteAheadLog Log, List<byte[]> Records)> OpenAsync(SimDisk disk)
    {
        var file = disk.Open(FileName, FileMode.OpenOrCreate, FileAccess.ReadWrite);
        var (records, validLength) = await ReadValidAsync(file);
        if (validLength < file.Length)
        {
            // Cut the torn tail, durably, before appending after it.
            file.SetLength(validLength);
            await file.FlushToDiskAsync();
        }
        file.Position = validLength;
        return (new WriteAheadLog(file), records);
    }

    /// <summary>Reads the records a log on <paramref name="disk"/> holds now, without changing it (for checks).</summary>
    public static async Task<List<byte[]>> ReadAllAsync(SimDisk disk)
    {
        if (!disk.Exists(FileName))
            return [];
        using var file = disk.Open(FileName, FileMode.Open, FileAccess.Read);
        return (await ReadValidAsync(file)).Records;
    }

    /// <summary>Appends a record. It is not durable until the next <see cref="FlushAsync"/> returns.</summary>
    public async Task AppendAsync(byte[] record)
    {
        var frame = new byte[HeaderSize + record.Length];
        BinaryPrimitives.WriteInt32LittleEndian(frame, record.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), Crc32.Of(record));
        record.CopyTo(frame, HeaderSize);
        await _file.WriteAsync(frame);
    }

    /// <summary>Makes every record appended so far durable.</summary>
    public Task FlushAsync() => _file.FlushToDiskAsync();

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();

    private static async Task<(List<byte[]> Records, long ValidLength)> ReadValidAsync(SimFile file)
    {
        var records = new List<byte[]>();
        var content = new byte[file.Length];
        file.Position = 0;
        await file.ReadExactlyAsync(content);
        var offset = 0;
        while (offset + HeaderSize <= content.Length)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(content.AsSpan(offset));
            if (length <= 0 || offset + HeaderSize + length > content.Length)
                break;
            var payload = content.AsSpan(offset + HeaderSize, length);
            if (Crc32.Of(payload) != BinaryPrimitives.ReadUInt32LittleEndian(content.AsSpan(offset + 4)))
                break;
            records.Add(payload.ToArray());
            offset += HeaderSize + length;
        }
        return (records, offset);
    }
}
