using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Loom.Coverage.Catalog;

/// <summary>
/// The JSON form of a catalog's sites, excluded sites and problems: one shape for the report
/// (<c>loom-coverage/1</c>, docs/coverage.md) and for the catalog cache, which reads back what it wrote.
/// </summary>
internal static class CatalogJson
{
    /// <summary>A site's properties, inside an object the caller opened. <c>lastLine</c> only for a region that spans lines.</summary>
    public static void WriteSite(Utf8JsonWriter json, Site site)
    {
        json.WriteString("category", SiteCategoryNames.Name(site.Category));
        json.WriteString("file", site.File);
        json.WriteNumber("line", site.Line);
        if (site.LastLine != site.Line)
            json.WriteNumber("lastLine", site.LastLine);
        json.WriteString("member", site.Member);
        WriteStrings(json, "apis", site.Apis);
        if (site.Reason is not null)
            json.WriteString("reason", site.Reason);
    }

    /// <summary>The site <see cref="WriteSite"/> wrote. Throws <see cref="InvalidOperationException"/> or <see cref="KeyNotFoundException"/> on anything else.</summary>
    public static Site ReadSite(JsonElement json)
    {
        if (!SiteCategoryNames.TryParse(json.GetProperty("category").GetString()!, out var category))
            throw new InvalidOperationException("unknown category");
        var line = json.GetProperty("line").GetInt32();
        var reason = json.TryGetProperty("reason", out var r) ? r.GetString() : null;
        var lastLine = json.TryGetProperty("lastLine", out var last) ? last.GetInt32() : line;
        return new Site(category, json.GetProperty("file").GetString()!, line, json.GetProperty("member").GetString()!,
            ReadStrings(json.GetProperty("apis")), reason, lastLine);
    }

    /// <summary>The array <c>excluded</c>: each site with <c>excludedBecause</c>.</summary>
    public static void WriteExcluded(Utf8JsonWriter json, IEnumerable<ExcludedSite> excluded)
    {
        json.WriteStartArray("excluded");
        foreach (var item in excluded)
        {
            json.WriteStartObject();
            WriteSite(json, item.Site);
            json.WriteString("excludedBecause", item.Reason);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>The excluded sites <see cref="WriteExcluded"/> wrote.</summary>
    public static List<ExcludedSite> ReadExcluded(JsonElement array) =>
        array.EnumerateArray().Select(e => new ExcludedSite(ReadSite(e), e.GetProperty("excludedBecause").GetString()!)).ToList();

    /// <summary>The array <c>problems</c>: kind, file, line and message of each.</summary>
    public static void WriteProblems(Utf8JsonWriter json, IEnumerable<CoverageProblem> problems)
    {
        json.WriteStartArray("problems");
        foreach (var problem in problems)
        {
            json.WriteStartObject();
            json.WriteString("kind", problem.Kind);
            json.WriteString("file", problem.File);
            json.WriteNumber("line", problem.Line);
            json.WriteString("message", problem.Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>The problems <see cref="WriteProblems"/> wrote.</summary>
    public static List<CoverageProblem> ReadProblems(JsonElement array) =>
        array.EnumerateArray().Select(p => new CoverageProblem(
            p.GetProperty("kind").GetString()!, p.GetProperty("file").GetString(), p.GetProperty("line").GetInt32(), p.GetProperty("message").GetString()!)).ToList();

    /// <summary>An array of strings under <paramref name="name"/>.</summary>
    public static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }

    /// <summary>The strings of an array <see cref="WriteStrings"/> wrote.</summary>
    public static List<string> ReadStrings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();
}
