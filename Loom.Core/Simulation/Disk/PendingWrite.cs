namespace Loom.Simulation;

/// <summary>A change to a file that its node has made but not flushed to disk: a write, or a change of length.</summary>
/// <param name="Offset">Where the write starts, or the new length.</param>
/// <param name="Data">The bytes written, or <see langword="null"/> for a change of length.</param>
internal readonly record struct PendingWrite(long Offset, byte[]? Data)
{
    public bool IsSetLength => Data is null;

    public long End => Offset + (Data?.Length ?? 0);

    public string Describe() => IsSetLength ? $"length change to {Offset}" : $"write of {Data!.Length} bytes at {Offset}";
}
