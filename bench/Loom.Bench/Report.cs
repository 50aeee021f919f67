using System.Runtime.InteropServices;
using System.Text;

namespace Loom.Bench;

/// <summary>Collects tables and writes them as one section of bench/RESULTS.md (the engine's, by default).</summary>
internal sealed class Report
{
    private readonly string _heading;
    private readonly string _project;
    private readonly string _begin;
    private readonly string _end;
    private readonly StringBuilder _body = new();
    private readonly string _loadAtStart = LoadAverage();

    /// <param name="heading">The section's heading in the results file.</param>
    /// <param name="project">The bench project that writes it, for the command line and the section's markers.</param>
    public Report(string heading = "Engine", string project = "bench/Loom.Bench")
    {
        _heading = heading;
        _project = project;
        var key = heading.ToLowerInvariant();
        _begin = $"<!-- BEGIN {key} (written by {project}) -->";
        _end = $"<!-- END {key} -->";
    }

    public void Table(string title, string note, string[] header, IEnumerable<string[]> rows)
    {
        _body.Append($"### {title}\n\n");
        if (note.Length > 0)
            _body.Append(note).Append("\n\n");
        _body.Append("| ").Append(string.Join(" | ", header)).Append(" |\n");
        _body.Append('|').Append(string.Concat(header.Select(_ => " --- |"))).Append('\n');
        foreach (var row in rows)
            _body.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
        _body.Append('\n');
        Console.Error.WriteLine($"done: {title}");
    }

    public string ToMarkdown(string arguments)
    {
        var machine = $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription.Trim()}, {RuntimeInformation.ProcessArchitecture}, .NET {Environment.Version}";
        return $"## {_heading}\n\nMachine: {machine}. Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.\n" +
            $"Load average (1, 5, 15 min): {_loadAtStart} at the start, {LoadAverage()} at the end. " +
            "Thread handoffs and everything built on them slow down many times on a loaded 2-core machine; compare figures run at a similar load.\n" +
            $"Command: `dotnet run -c Release --project {_project} -- {arguments}`\n\n{_body}";
    }

    /// <summary>The machine's load averages, as <c>/proc/loadavg</c> gives them, or "unknown" where it does not exist.</summary>
    private static string LoadAverage()
    {
        const string path = "/proc/loadavg";
        if (!File.Exists(path))
            return "unknown";
        var fields = File.ReadAllText(path).Split(' ');
        return string.Join(", ", fields.Take(3));
    }

    /// <summary>Replaces this report's section of the results file, keeping every other section.</summary>
    public void WriteInto(string path, string text)
    {
        var existing = File.Exists(path) ? File.ReadAllText(path) : "# Benchmark results\n\n";
        var section = $"{_begin}\n{text.TrimEnd()}\n{_end}";
        var start = existing.IndexOf(_begin, StringComparison.Ordinal);
        var end = existing.IndexOf(_end, StringComparison.Ordinal);
        var updated = start >= 0 && end > start
            ? existing[..start] + section + existing[(end + _end.Length)..]
            : existing.TrimEnd() + "\n\n" + section + "\n";
        File.WriteAllText(path, updated);
        Console.Error.WriteLine($"wrote {path}");
    }
}
