using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Loom.Coverage.Catalog;

namespace Loom.Coverage.Hits;

/// <summary>
/// Loom's own record of the lines it ran under control, read from the <c>loom-sites-*.json</c> files that
/// Loom.Core writes into the folder named by <c>LOOM_COVERAGE_DIR</c> (one file per test process).
/// </summary>
public sealed class LoomRecord
{
    /// <summary>The record's file format, as Loom.Core writes it.</summary>
    public const string Format = "loom-sites/2";

    private readonly Dictionary<(string File, int Line), RecordedSite> _sites = new();

    /// <summary>How many record files were read.</summary>
    public int FilesRead { get; private set; }

    /// <summary>Every recorded line.</summary>
    public IReadOnlyDictionary<(string File, int Line), RecordedSite> Sites => _sites;

    /// <summary>Adds every record file in a folder.</summary>
    /// <param name="folder">The folder the test processes wrote to.</param>
    /// <param name="problems">Where unreadable files are reported.</param>
    public void ReadFolder(string folder, ICollection<CoverageProblem> problems)
    {
        if (!Directory.Exists(folder))
            return;
        foreach (var file in Directory.EnumerateFiles(folder, "loom-sites-*.json").Order(StringComparer.Ordinal))
            ReadFile(file, problems);
    }

    /// <summary>Adds one record file; hits of several processes add up, and the first test named is kept.</summary>
    /// <param name="path">The file.</param>
    /// <param name="problems">Where an unreadable file is reported.</param>
    public void ReadFile(string path, ICollection<CoverageProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            Read(json.RootElement, path, problems);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            problems.Add(new CoverageProblem("loom-record", path, 0, $"The Loom record could not be read ({e.Message}); the sites it holds show as reached outside Loom's control or not at all."));
        }
    }

    /// <summary>Adds one record, already parsed (the collector carries records inside its run file).</summary>
    /// <param name="root">The record's root object.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <param name="problems">Where an unreadable record is reported.</param>
    public void Read(JsonElement root, string source, ICollection<CoverageProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        try
        {
            var format = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("format", out var f) ? f.GetString() : null;
            if (format != Format)
            {
                problems.Add(new CoverageProblem("loom-record", source, 0, $"The Loom record has format '{format}', where '{Format}' was expected (Loom.Core and Loom.Coverage versions differ?); it was not used."));
                return;
            }
            var read = new List<((string, int) Key, RecordedSite Site)>();
            foreach (var site in root.GetProperty("sites").EnumerateArray())
            {
                var key = (site.GetProperty("file").GetString()!, site.GetProperty("line").GetInt32());
                var test = site.TryGetProperty("test", out var t) ? t.GetString() : null;
                var schedule = site.TryGetProperty("schedule", out var s) ? s.GetString() : null;
                var outside = site.TryGetProperty("outside", out var o) && o.GetBoolean();
                read.Add((key, new RecordedSite(site.GetProperty("api").GetString() ?? "", site.GetProperty("hits").GetInt64(), test, schedule, outside)));
            }
            // Only a record read whole is used, so a damaged one cannot leave half its sites behind.
            foreach (var (key, site) in read)
                _sites[key] = _sites.TryGetValue(key, out var known) ? Merge(known, site) : site;
            FilesRead++;
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            problems.Add(new CoverageProblem("loom-record", source, 0, $"The Loom record is not in the expected shape ({e.Message}); it was not used."));
        }
    }

    /// <summary>
    /// One line's records from two places (processes, or a retry site's lines): hits add up, a call outside in either
    /// counts, and the first test and schedule are those of the first record that ran the line under Loom.
    /// </summary>
    /// <param name="first">The record read first.</param>
    /// <param name="second">The record read after it.</param>
    /// <returns>Both as one.</returns>
    public static RecordedSite Merge(RecordedSite first, RecordedSite second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var named = first.Hits > 0 || second.Hits == 0 ? first : second;
        return named with { Hits = first.Hits + second.Hits, ReachedOutside = first.ReachedOutside || second.ReachedOutside };
    }
}
