using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Loom.Runtime;

namespace Loom.Simulation;

/// <summary>
/// A node's disk: a flat set of named files with an API close to System.IO's, that survives the node's crashes.
/// A write reaches the disk only when the file is flushed to disk (<see cref="SimFile.Flush(bool)"/> with
/// <see langword="true"/>, or <see cref="SimFile.FlushToDiskAsync"/>); until then a crash loses it, or keeps or tears
/// it, as the seed and <see cref="DiskFaults"/> decide. Creating, deleting and renaming files are durable at once.
/// Reads may be corrupted, operations may fail with IO errors or a full disk, and take time, as the faults say.
/// </summary>
public sealed class SimDisk
{
    private readonly SimNode _node;
    private readonly SortedDictionary<string, FileData> _files = new(StringComparer.Ordinal);
    private readonly SimRandom _random;

    internal SimDisk(SimNode node, DiskFaults faults)
    {
        _node = node;
        Faults = faults;
        _random = SeedStreams.For(node.World.Seed, $"disk {node.Name}");
    }

    /// <summary>The node the disk belongs to.</summary>
    public SimNode Node => _node;

    /// <summary>How the disk misbehaves.</summary>
    public DiskFaults Faults { get; }

    /// <summary>The sum of the files' lengths, as the node sees them.</summary>
    public long UsedBytes => _files.Values.Sum(f => f.Length);

    /// <summary>Whether a file exists.</summary>
    /// <param name="path">The file's name.</param>
    /// <returns><see langword="true"/> if it exists.</returns>
    public bool Exists(string path) => _files.ContainsKey(CheckPath(path));

    /// <summary>The names of the disk's files, in ordinal order.</summary>
    /// <returns>The names.</returns>
    public IReadOnlyList<string> GetFiles() => _files.Keys.ToList();

    /// <summary>A file's length, as the node sees it (written data included, flushed or not).</summary>
    /// <param name="path">The file's name.</param>
    /// <returns>The length in bytes.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public long GetLength(string path) => Find(CheckPath(path)).Length;

    /// <summary>Opens a file, as <see cref="FileStream"/>'s constructor does.</summary>
    /// <param name="path">The file's name.</param>
    /// <param name="mode">How to open or create it.</param>
    /// <param name="access">What the handle may do.</param>
    /// <returns>The open file.</returns>
    /// <exception cref="ArgumentException">The path is empty or invalid, or the mode needs write access that <paramref name="access"/> does not give.</exception>
    /// <exception cref="FileNotFoundException">The mode needs an existing file and there is none.</exception>
    /// <exception cref="IOException">The mode is <see cref="FileMode.CreateNew"/> and the file exists.</exception>
    /// <exception cref="InvalidOperationException">Another node's code calls it.</exception>
    public SimFile Open(string path, FileMode mode, FileAccess access = FileAccess.ReadWrite)
    {
        path = CheckPath(path);
        if (!Enum.IsDefined(mode))
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown FileMode.");
        if (!Enum.IsDefined(access))
            throw new ArgumentOutOfRangeException(nameof(access), access, "Unknown FileAccess.");
        if ((access & FileAccess.Write) == 0 && mode is FileMode.Create or FileMode.CreateNew or FileMode.Truncate or FileMode.Append)
            throw new ArgumentException($"Combining FileMode.{mode} with FileAccess.{access} is invalid: the mode writes.", nameof(access));
        if (mode == FileMode.Append && access != FileAccess.Write)
            throw new ArgumentException("FileMode.Append can only be used with FileAccess.Write.", nameof(access));
        var life = Enter(nameof(Open));
        _files.TryGetValue(path, out var file);
        switch (mode)
        {
            case FileMode.Open or FileMode.Truncate when file is null:
                throw DiskErrors.NotFound(path);
            case FileMode.CreateNew when file is not null:
                throw DiskErrors.Exists(path);
        }
        if (file is null)
        {
            file = new FileData(path);
            _files.Add(path, file);
        }
        else if (mode is FileMode.Create or FileMode.Truncate && file.Length > 0)
        {
            file.SetLength(0);
        }
        var handle = new SimFile(this, file, life, access, mode == FileMode.Append ? file.Length : 0) { IsAppendOnly = mode == FileMode.Append };
        life?.Own(handle);
        return handle;
    }

    /// <summary>Deletes a file; nothing happens if it does not exist (as <see cref="File.Delete"/>). Open handles keep working on the deleted data.</summary>
    /// <param name="path">The file's name.</param>
    /// <exception cref="ArgumentException">The path is empty or invalid.</exception>
    public void Delete(string path)
    {
        path = CheckPath(path);
        Enter(nameof(Delete));
        _files.Remove(path);
    }

    /// <summary>Renames a file, atomically.</summary>
    /// <param name="source">The file's name.</param>
    /// <param name="destination">Its new name.</param>
    /// <param name="overwrite">Whether to replace a file of that name.</param>
    /// <exception cref="ArgumentException">A path is empty or invalid.</exception>
    /// <exception cref="FileNotFoundException">The source does not exist.</exception>
    /// <exception cref="IOException">The destination exists and <paramref name="overwrite"/> is <see langword="false"/>.</exception>
    public void Move(string source, string destination, bool overwrite = false)
    {
        source = CheckPath(source, nameof(source));
        destination = CheckPath(destination, nameof(destination));
        Enter(nameof(Move));
        var file = Find(source);
        if (source == destination)
            return;
        if (_files.ContainsKey(destination) && !overwrite)
            throw DiskErrors.Exists(destination);
        _files.Remove(source);
        _files[destination] = file;
        file.Name = destination;
    }

    /// <summary>Reads a whole file.</summary>
    /// <param name="path">The file's name.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Its bytes.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">An injected IO error.</exception>
    public async Task<byte[]> ReadAllBytesAsync(string path, CancellationToken cancellationToken = default)
    {
        using var file = Open(path, FileMode.Open, FileAccess.Read);
        var bytes = new byte[file.Length];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = await file.ReadAsync(bytes.AsMemory(read), cancellationToken);
            if (n == 0)
                break;
            read += n;
        }
        return read == bytes.Length ? bytes : bytes[..read];
    }

    /// <summary>Creates or replaces a file with <paramref name="bytes"/>, and flushes it to disk if asked.</summary>
    /// <param name="path">The file's name.</param>
    /// <param name="bytes">The content.</param>
    /// <param name="flushToDisk">Whether to flush it to disk before returning.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the content is written (and flushed).</returns>
    /// <exception cref="IOException">An injected IO error, or the disk is full.</exception>
    public async Task WriteAllBytesAsync(string path, ReadOnlyMemory<byte> bytes, bool flushToDisk, CancellationToken cancellationToken = default)
    {
        using var file = Open(path, FileMode.Create, FileAccess.Write);
        await file.WriteAsync(bytes, cancellationToken);
        if (flushToDisk)
            await file.FlushToDiskAsync(cancellationToken);
    }

    /// <summary>The node crashed: every unflushed change of every file is kept, lost or torn, and recorded.</summary>
    internal void OnCrash()
    {
        foreach (var file in _files.Values)
        {
            if (file.Pending.Count == 0)
                continue;
            var fates = new List<string>();
            file.Crash(
                write =>
                {
                    bool? fate = _random.NextDouble() < Faults.UnflushedWriteKeptProbability
                        ? true
                        : !write.IsSetLength && Spans(write) > 1 && _random.NextDouble() < Faults.TornWriteProbability ? null : false;
                    if (fate is not null)
                        fates.Add($"{write.Describe()} {(fate.Value ? "kept" : "lost")}");
                    return fate;
                },
                write =>
                {
                    var kept = Tear(write);
                    fates.Add($"{write.Describe()} torn: kept {string.Join(", ", kept.Select(k => $"{k.Start}..{k.End}"))} of {write.Offset}..{write.End}");
                    return kept;
                });
            Record(file.Name, $"crash left unflushed changes: {string.Join("; ", fates)}");
        }
    }

    /// <summary>Records a disk event.</summary>
    internal void Record(string file, string what) => _node.World.Record(SimEventKind.Disk, $"{_node.Name}:{file}", what);

    internal bool Draw(double probability) => probability > 0 && _random.NextDouble() < probability;

    internal int Next(int max) => _random.Next(max);

    internal TimeSpan Latency() => Faults.Latency.Sample(_random);

    internal TimeSpan FlushLatency() => Faults.FlushLatency.Sample(_random);

    /// <summary>Throws the disk-full error if <paramref name="growth"/> more bytes do not fit, or if the fault fires.</summary>
    internal void CheckSpace(string path, long growth)
    {
        if (growth > 0 && Faults.Capacity is { } capacity && UsedBytes + growth > capacity)
        {
            Record(path, $"disk full: {growth} more bytes do not fit in {capacity}");
            throw DiskErrors.DiskFull(path);
        }
        if (Draw(Faults.DiskFullProbability))
        {
            Record(path, "write failed: disk full (injected)");
            throw DiskErrors.DiskFull(path);
        }
    }

    internal void MaybeIoError(string path, string operation)
    {
        if (Draw(Faults.IoErrorProbability))
        {
            Record(path, $"{operation} failed: IO error (injected)");
            throw DiskErrors.IoError(path);
        }
    }

    /// <summary>
    /// The incarnation that owns a handle opened now: the node's current one when the node's own code (or the model,
    /// while the node is up) opens it. The model may also open files of a node that is down, to inspect them.
    /// </summary>
    internal NodeIncarnation? Enter(string api)
    {
        var me = _node.World.RunningThread(api);
        if (me.Killed)
            throw new ExecutionAbortedException();
        if (SimNode.Current is { } caller && caller != _node)
            throw new InvalidOperationException($"Code of node '{caller.Name}' used the disk of node '{_node.Name}'; each node uses its own (the SimNode its entry point receives).");
        return _node.IsUp ? _node.Life : null;
    }

    private int Spans(in PendingWrite write)
    {
        var size = Faults.SectorSize;
        return (int)((write.End - 1) / size - write.Offset / size) + 1;
    }

    /// <summary>Which sectors of a torn write reached the disk: a random subset, never none and never all.</summary>
    private List<(long Start, long End)> Tear(PendingWrite write)
    {
        var size = Faults.SectorSize;
        var sectors = Spans(write);
        var keep = new bool[sectors];
        var count = 0;
        for (var i = 0; i < sectors; i++)
        {
            keep[i] = _random.Next(2) == 0;
            count += keep[i] ? 1 : 0;
        }
        if (count == 0 || count == sectors)
        {
            var flip = _random.Next(sectors);
            keep[flip] = !keep[flip];
        }
        var pieces = new List<(long, long)>();
        var first = write.Offset / size;
        for (var i = 0; i < sectors; i++)
        {
            if (!keep[i])
                continue;
            var start = Math.Max(write.Offset, (first + i) * size);
            var end = Math.Min(write.End, (first + i + 1) * size);
            if (pieces.Count > 0 && pieces[^1].Item2 == start)
                pieces[^1] = (pieces[^1].Item1, end);
            else
                pieces.Add((start, end));
        }
        return pieces;
    }

    private FileData Find(string path) => _files.TryGetValue(path, out var file) ? file : throw DiskErrors.NotFound(path);

    private static string CheckPath(string path, string parameter = "path")
    {
        ArgumentNullException.ThrowIfNull(path, parameter);
        if (path.Length == 0 || path.Contains('\0'))
            throw new ArgumentException("A file name must be non-empty and must not contain a null character.", parameter);
        return path;
    }
}
