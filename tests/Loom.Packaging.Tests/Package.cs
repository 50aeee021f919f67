using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace Loom.Packaging.Tests;

/// <summary>One packed .nupkg (and its .snupkg): the files it holds and its nuspec.</summary>
public sealed class Package
{
    public Package(string feed, string id, string version)
    {
        Id = id;
        NupkgPath = Path.Combine(feed, $"{id}.{version}.nupkg");
        SymbolsPath = Path.Combine(feed, $"{id}.{version}.snupkg");
        Files = Entries(NupkgPath);
        SymbolFiles = File.Exists(SymbolsPath) ? Entries(SymbolsPath) : [];
        using var archive = ZipFile.OpenRead(NupkgPath);
        using var nuspec = archive.GetEntry(id + ".nuspec")?.Open() ?? throw new InvalidOperationException($"{NupkgPath} has no {id}.nuspec.");
        var document = XDocument.Load(nuspec);
        Metadata = document.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    public string Id { get; }

    public string NupkgPath { get; }

    public string SymbolsPath { get; }

    public IReadOnlyList<string> Files { get; }

    public IReadOnlyList<string> SymbolFiles { get; }

    public XElement Metadata { get; }

    public string? Field(string name) => Metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    public XElement? Element(string name) => Metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    /// <summary>The dependencies for one target framework: id to (version range, include, exclude).</summary>
    public IReadOnlyDictionary<string, (string Version, string? Include, string? Exclude)> Dependencies(string targetFramework) =>
        Metadata.Descendants().Where(e => e.Name.LocalName == "group" && (string?)e.Attribute("targetFramework") == targetFramework)
            .SelectMany(g => g.Elements())
            .ToDictionary(d => (string)d.Attribute("id")!, d => ((string)d.Attribute("version")!, (string?)d.Attribute("include"), (string?)d.Attribute("exclude")));

    /// <summary>The bytes of one file of the package.</summary>
    public byte[] Read(string entry)
    {
        using var archive = ZipFile.OpenRead(NupkgPath);
        using var stream = archive.GetEntry(entry)?.Open() ?? throw new InvalidOperationException($"{NupkgPath} has no {entry}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public override string ToString() => $"{NupkgPath}:\n  {string.Join("\n  ", Files)}";

    private static IReadOnlyList<string> Entries(string path)
    {
        using var archive = ZipFile.OpenRead(path);
        // The package's own files, without the OPC bookkeeping every .nupkg has.
        return archive.Entries.Select(e => e.FullName)
            .Where(n => !n.StartsWith("_rels/", StringComparison.Ordinal) && !n.StartsWith("package/", StringComparison.Ordinal) && n != "[Content_Types].xml")
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
