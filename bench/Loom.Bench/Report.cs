using System.Runtime.InteropServices;
using System.Text;

namespace Loom.Bench;

/// <summary>Collects tables and writes them as the engine section of bench/RESULTS.md.</summary>
internal sealed class Report
{
    private const string Begin = "<!-- BEGIN engine (written by bench/Loom.Bench) -->";
    private const string End = "<!-- END engine -->";

    private readonly StringBuilder _body = new();
    private readonly string _loadAtStart = LoadAverage();

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
        return $"## Engine\n\nMachine: {machine}. Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.\n" +
            $"Load average (1, 5, 15 min): {_loadAtStart} at the start, {LoadAverage()} at the end. " +
            "Thread handoffs and everything built on them slow down many times on a loaded 2-core machine; compare figures run at a similar load.\n" +
            $"Command: `dotnet run -c Release --project bench/Loom.Bench -- {arguments}`\n\n{_body}";
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

    /// <summary>Replaces the engine section of the results file, keeping every other section.</summary>
    public void WriteInto(string path, string text)
    {
        var existing = File.Exists(path) ? File.ReadAllText(path) : "# Benchmark results\n\n";
        var section = $"{Begin}\n{text.TrimEnd()}\n{End}";
        var start = existing.IndexOf(Begin, StringComparison.Ordinal);
        var end = existing.IndexOf(End, StringComparison.Ordinal);
        var updated = start >= 0 && end > start
            ? existing[..start] + section + existing[(end + End.Length)..]
            : existing.TrimEnd() + "\n\n" + section + "\n";
        File.WriteAllText(path, updated);
        Console.Error.WriteLine($"wrote {path}");
    }
}
