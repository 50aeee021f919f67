using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Loom.Coverage.Catalog;
using Loom.Coverage.Hits;

namespace Loom.Coverage.Collector;

/// <summary>
/// What the collector hands the attachment processor for one test session, as one attachment
/// (<c>loom-coverage-run.json</c>): the test assemblies, the settings, and the Loom records the test processes
/// wrote, carried inside so that nothing is left behind in a temporary folder.
/// <code>
/// { "format": "loom-coverage-run/1", "testSources": ["/bin/Tests.dll"], "excludeAssemblies": [], "records": [ { "format": "loom-sites/1", ... } ] }
/// </code>
/// </summary>
internal sealed class RunFile
{
    public const string Format = "loom-coverage-run/1";

    public const string FileName = "loom-coverage-run.json";

    public List<string> TestSources { get; } = [];

    public List<string> ExcludeAssemblies { get; } = [];

    public static void Write(string path, IEnumerable<string> testSources, IEnumerable<string> excludeAssemblies, string recordFolder)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteStartArray("testSources");
        foreach (var source in testSources)
            json.WriteStringValue(source);
        json.WriteEndArray();
        json.WriteStartArray("excludeAssemblies");
        foreach (var name in excludeAssemblies)
            json.WriteStringValue(name);
        json.WriteEndArray();
        json.WriteStartArray("records");
        if (Directory.Exists(recordFolder))
        {
            foreach (var record in Directory.EnumerateFiles(recordFolder, "loom-sites-*.json").Order(StringComparer.Ordinal))
            {
                try
                {
                    using var parsed = JsonDocument.Parse(File.ReadAllBytes(record));
                    parsed.RootElement.WriteTo(json);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
                {
                    // A test process killed while writing leaves a damaged file; say so in the report.
                    json.WriteStartObject();
                    json.WriteString("format", "unreadable");
                    json.WriteString("error", $"{Path.GetFileName(record)}: {e.Message}");
                    json.WriteEndObject();
                }
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Reads a run file, adding its records to <paramref name="record"/>.</summary>
    public static RunFile? Read(string path, LoomRecord record, ICollection<CoverageProblem> problems)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = json.RootElement;
            if (!root.TryGetProperty("format", out var format) || format.GetString() != Format)
            {
                problems.Add(new CoverageProblem("loom-record", path, 0, $"The run file is not in format '{Format}'; it was not used."));
                return null;
            }
            var run = new RunFile();
            run.TestSources.AddRange(root.GetProperty("testSources").EnumerateArray().Select(e => e.GetString()!).Where(s => s is not null));
            run.ExcludeAssemblies.AddRange(root.GetProperty("excludeAssemblies").EnumerateArray().Select(e => e.GetString()!).Where(s => s is not null));
            foreach (var entry in root.GetProperty("records").EnumerateArray())
            {
                if (entry.TryGetProperty("error", out var error))
                    problems.Add(new CoverageProblem("loom-record", path, 0, $"A test process's Loom record could not be read ({error.GetString()}); the sites it held show as reached outside Loom's control or not at all."));
                else
                    record.Read(entry, path, problems);
            }
            return run;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            problems.Add(new CoverageProblem("loom-record", path, 0, $"The run file could not be read ({e.Message}); it was not used."));
            return null;
        }
    }
}
