using System.Buffers.Binary;
using System.Text;

namespace Loom.Samples.Replication;

/// <summary>What a request asks the store to do.</summary>
public enum KvOperation : byte
{
    /// <summary>Set a key to a value.</summary>
    Put = 1,

    /// <summary>Add a number to a key's value and return the sum.</summary>
    Add = 2,

    /// <summary>Read a key's value.</summary>
    Get = 3,
}

/// <summary>
/// A request to the store, as a datagram. <see cref="RequestId"/> matches a reply to the attempt that caused it;
/// <see cref="IdempotencyKey"/>, when not 0, names the operation itself, the same on every retry, so the store can
/// apply it once however many copies arrive.
/// </summary>
public sealed record KvRequest(KvOperation Operation, int ClientId, long RequestId, long IdempotencyKey, string Key, long Value)
{
    /// <summary>Encodes the request.</summary>
    public byte[] Encode()
    {
        var key = Encoding.UTF8.GetBytes(Key);
        var bytes = new byte[1 + 4 + 8 + 8 + 8 + 2 + key.Length];
        bytes[0] = (byte)Operation;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(1), ClientId);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(5), RequestId);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(13), IdempotencyKey);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(21), Value);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(29), (ushort)key.Length);
        key.CopyTo(bytes, 31);
        return bytes;
    }

    /// <summary>Decodes a request.</summary>
    public static KvRequest Decode(ReadOnlySpan<byte> bytes) => new(
        (KvOperation)bytes[0],
        BinaryPrimitives.ReadInt32LittleEndian(bytes[1..]),
        BinaryPrimitives.ReadInt64LittleEndian(bytes[5..]),
        BinaryPrimitives.ReadInt64LittleEndian(bytes[13..]),
        Encoding.UTF8.GetString(bytes.Slice(31, BinaryPrimitives.ReadUInt16LittleEndian(bytes[29..]))),
        BinaryPrimitives.ReadInt64LittleEndian(bytes[21..]));
}

/// <summary>The store's answer to the attempt <see cref="RequestId"/>: the key's value after the operation.</summary>
public sealed record KvReply(long RequestId, long Value)
{
    /// <summary>Encodes the reply.</summary>
    public byte[] Encode()
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, RequestId);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8), Value);
        return bytes;
    }

    /// <summary>Decodes a reply.</summary>
    public static KvReply Decode(ReadOnlySpan<byte> bytes) =>
        new(BinaryPrimitives.ReadInt64LittleEndian(bytes), BinaryPrimitives.ReadInt64LittleEndian(bytes[8..]));
}
