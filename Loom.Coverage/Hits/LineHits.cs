using System;
using System.Collections.Generic;

namespace Loom.Coverage.Hits;

/// <summary>
/// Coverlet's line hits for the whole run: for each source file it instrumented, the hit count of each line that
/// holds code. A line missing from a known file has no code Coverlet could count (a comment, a brace).
/// </summary>
public sealed class LineHits
{
    private readonly Dictionary<string, Dictionary<int, long>> _files = new(StringComparer.Ordinal);

    /// <summary>The files Coverlet reported on.</summary>
    public IReadOnlyCollection<string> Files => _files.Keys;

    /// <summary>Whether any line data was read at all.</summary>
    public bool IsEmpty => _files.Count == 0;

    /// <summary>Adds hits for one line; hits of several reports (several test processes) add up.</summary>
    /// <param name="file">The full path of the source file.</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="hits">How many times the line ran.</param>
    public void Add(string file, int line, long hits)
    {
        if (!_files.TryGetValue(file, out var lines))
            _files[file] = lines = [];
        lines[line] = lines.GetValueOrDefault(line) + hits;
    }

    /// <summary>Whether Coverlet reported on the file.</summary>
    /// <param name="file">The full path.</param>
    /// <returns><see langword="true"/> when the file is known.</returns>
    public bool HasFile(string file) => _files.ContainsKey(file);

    /// <summary>Whether any line of the file ran.</summary>
    /// <param name="file">The full path.</param>
    /// <returns><see langword="true"/> when some line of the file has a hit.</returns>
    public bool AnyLineRan(string file)
    {
        if (!_files.TryGetValue(file, out var lines))
            return false;
        foreach (var hits in lines.Values)
        {
            if (hits > 0)
                return true;
        }
        return false;
    }

    /// <summary>The hits of a line, or <see langword="null"/> when Coverlet has no data for it.</summary>
    /// <param name="file">The full path.</param>
    /// <param name="line">The 1-based line.</param>
    /// <returns>The hit count, or <see langword="null"/>.</returns>
    public long? Get(string file, int line) =>
        _files.TryGetValue(file, out var lines) && lines.TryGetValue(line, out var hits) ? hits : null;
}
