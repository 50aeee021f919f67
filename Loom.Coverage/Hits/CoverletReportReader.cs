using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Loom.Coverage.Catalog;

namespace Loom.Coverage.Hits;

/// <summary>
/// Reads Coverlet's reports: Cobertura XML (coverlet.collector's default, <c>coverage.cobertura.xml</c>) or
/// Coverlet's own JSON (<c>coverage.json</c>). A file that is missing or not in either format is a problem the
/// report names; the lines it would have given are reported as having no coverage data.
/// </summary>
public static class CoverletReportReader
{
    /// <summary>Reads one report into <paramref name="hits"/>.</summary>
    /// <param name="path">The report file.</param>
    /// <param name="hits">Where the line hits go.</param>
    /// <param name="problems">Where a file that cannot be read is reported.</param>
    /// <returns>Whether any line was read.</returns>
    public static bool Read(string path, LineHits hits, ICollection<CoverageProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(problems);
        try
        {
            var text = File.ReadAllText(path);
            var start = text.TrimStart();
            if (start.StartsWith('<'))
                return ReadCobertura(path, XDocument.Parse(text), hits, problems);
            if (start.StartsWith('{'))
                return ReadCoverletJson(path, text, hits, problems);
            problems.Add(new CoverageProblem("coverlet", path, 0, "The Coverlet report is neither Cobertura XML nor Coverlet JSON; its line hits were not used."));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException or JsonException or FormatException or InvalidDataException)
        {
            problems.Add(new CoverageProblem("coverlet", path, 0, $"The Coverlet report could not be read ({e.Message}); its line hits were not used."));
        }
        return false;
    }

    // <coverage><sources><source>/root/</source></sources><packages><package><classes><class filename="rel/File.cs"><lines><line number="12" hits="3"/>
    private static bool ReadCobertura(string path, XDocument document, LineHits hits, ICollection<CoverageProblem> problems)
    {
        if (document.Root?.Name.LocalName != "coverage")
        {
            problems.Add(new CoverageProblem("coverlet", path, 0, $"The XML report's root element is <{document.Root?.Name.LocalName}>, not Cobertura's <coverage>; its line hits were not used."));
            return false;
        }
        var sources = document.Root.Element("sources")?.Elements("source").Select(s => s.Value.Trim()).Where(s => s.Length > 0).ToList() ?? [];
        var any = false;
        foreach (var type in document.Descendants("class"))
        {
            var filename = type.Attribute("filename")?.Value;
            if (string.IsNullOrEmpty(filename))
                continue;
            var file = Resolve(filename, sources);
            // Lines appear once under the class and again under each method; the class's list is the whole of it.
            var lines = type.Element("lines")?.Elements("line") ?? type.Descendants("line");
            foreach (var line in lines)
            {
                if (int.TryParse(line.Attribute("number")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) &&
                    long.TryParse(line.Attribute("hits")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
                {
                    hits.Add(file, number, count);
                    any = true;
                }
            }
        }
        if (!any)
            problems.Add(new CoverageProblem("coverlet", path, 0, "The Cobertura report holds no line data (no instrumented module, or every module was excluded). Under Microsoft.Testing.Platform coverlet.MTP leaves the test assembly out, so code compiled into the test project gets no line counts: its sites are reached under Loom, reached outside it by Loom's own record, or without data. Keep the code under test in its own project for every status (docs/coverage.md)."));
        return any;
    }

    private static string Resolve(string filename, List<string> sources)
    {
        if (Path.IsPathRooted(filename) || sources.Count == 0)
            return Path.GetFullPath(filename);
        foreach (var source in sources)
        {
            var candidate = Path.GetFullPath(Path.Combine(source, filename));
            if (File.Exists(candidate))
                return candidate;
        }
        return Path.GetFullPath(Path.Combine(sources[0], filename));
    }

    // { "Module.dll": { "/src/File.cs": { "Ns.Type": { "Ret Ns.Type::Method()": { "Lines": { "12": 3 }, "Branches": [] } } } } }
    private static bool ReadCoverletJson(string path, string text, LineHits hits, ICollection<CoverageProblem> problems)
    {
        using var json = JsonDocument.Parse(text);
        var any = false;
        if (json.RootElement.ValueKind != JsonValueKind.Object)
            throw new FormatException("the JSON root is not an object of modules");
        foreach (var module in json.RootElement.EnumerateObject())
        {
            if (module.Value.ValueKind != JsonValueKind.Object)
                throw new FormatException($"module '{module.Name}' is not an object of files");
            foreach (var file in module.Value.EnumerateObject())
            {
                foreach (var type in file.Value.EnumerateObject())
                {
                    foreach (var method in type.Value.EnumerateObject())
                    {
                        if (!method.Value.TryGetProperty("Lines", out var lines) || lines.ValueKind != JsonValueKind.Object)
                            throw new FormatException($"method '{method.Name}' has no \"Lines\" object");
                        foreach (var line in lines.EnumerateObject())
                        {
                            if (int.TryParse(line.Name, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && line.Value.TryGetInt64(out var count))
                            {
                                hits.Add(Path.GetFullPath(file.Name), number, count);
                                any = true;
                            }
                        }
                    }
                }
            }
        }
        if (!any)
            problems.Add(new CoverageProblem("coverlet", path, 0, "The Coverlet JSON report holds no line data."));
        return any;
    }
}
