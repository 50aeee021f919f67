using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Loom.Coverage.Recording;

/// <summary>
/// Writes the recorder's tally as JSON, the format Loom.Coverage reads (versioned by <see cref="Format"/>):
/// <code>
/// { "format": "loom-sites/2", "process": 4242,
///   "sites": [ { "file": "/src/Counter.cs", "line": 17, "api": "Volatile.Read", "hits": 12, "test": "CounterTests.Hits", "schedule": "0" },
///              { "file": "/src/Counter.cs", "line": 30, "api": "Interlocked.Increment", "hits": 0, "outside": true } ] }
/// </code>
/// A line with <c>hits</c> 0 was reached only outside executions (<c>outside</c>), and has no test or schedule.
/// The file is replaced whole (written beside it, then moved), so a reader never sees half of it.
/// </summary>
internal static class SiteLogWriter
{
    public const string Format = "loom-sites/2";

    public static void Write(string path, IReadOnlyDictionary<(string File, int Line), SiteTally> sites)
    {
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteNumber("process", System.Environment.ProcessId);
            json.WriteStartArray("sites");
            foreach (var ((file, line), tally) in sites)
            {
                json.WriteStartObject();
                json.WriteString("file", file);
                json.WriteNumber("line", line);
                json.WriteString("api", tally.Api);
                json.WriteNumber("hits", tally.Hits);
                if (tally.FirstTest is { } test)
                    json.WriteString("test", test);
                if (tally.FirstSchedule is { } schedule)
                    json.WriteString("schedule", schedule);
                if (tally.ReachedOutside)
                    json.WriteBoolean("outside", true);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        File.Move(temporary, path, overwrite: true);
    }
}
