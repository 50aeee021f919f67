using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Loom.Coverage.Catalog;

/// <summary>
/// Keeps the last catalog built for a test assembly, so that running the tests again without changing the code
/// under test costs no compilation at all (Roslyn's start-up is most of a report's cost). The catalog lives in a
/// <c>loom-coverage-cache</c> folder beside the test assembly, one file, named by a hash of everything the scan
/// reads: the scanner's own build, the runtime the sources are bound against, the excluded assemblies, the module
/// version id of every assembly beside the tests (it changes whenever their build inputs do), and the content of
/// every source file scanned (a file edited since the build is read as it is now, as the scanner would).
/// A file that cannot be read is ignored: the sources are then scanned as if there were no cache.
/// </summary>
internal static class CatalogCache
{
    /// <summary>Set this environment variable to <c>0</c> to scan the sources on every run.</summary>
    public const string DisableVariable = "LOOM_COVERAGE_CACHE";

    /// <summary>The cache folder's name, beside the test assembly.</summary>
    public const string FolderName = "loom-coverage-cache";

    private const string Format = "loom-coverage-catalog/1";

    /// <summary>The cache folder for these projects, or <see langword="null"/> when caching is off or there is nothing to cache.</summary>
    public static string? FolderFor(IReadOnlyList<ProjectSources> projects)
    {
        if (Environment.GetEnvironmentVariable(DisableVariable) is "0" or "false" || projects.Count == 0)
            return null;
        return Path.Combine(Path.GetDirectoryName(projects[0].AssemblyPath)!, FolderName);
    }

    /// <summary>The key of the catalog these projects would give, or <see langword="null"/> when an input cannot be read.</summary>
    public static string? Key(IReadOnlyList<ProjectSources> projects, IEnumerable<string> excludedAssemblies)
    {
        try
        {
            var text = new StringBuilder();
            text.Append(Format).Append('\n');
            text.Append(typeof(CatalogCache).Assembly.ManifestModule.ModuleVersionId).Append('\n');
            text.Append(Path.GetDirectoryName(typeof(object).Assembly.Location)).Append('\n');
            foreach (var name in excludedAssemblies.Order(StringComparer.OrdinalIgnoreCase))
                text.Append("exclude ").Append(name).Append('\n');
            foreach (var folder in projects.Select(p => Path.GetDirectoryName(p.AssemblyPath)!).Distinct(StringComparer.Ordinal))
            {
                // Binding reads every assembly beside the tests, so a change to any of them may change a site.
                foreach (var dll in Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal))
                    text.Append("reference ").Append(dll).Append(' ').Append(Mvid(dll)).Append('\n');
            }
            foreach (var project in projects)
            {
                text.Append("project ").Append(project.AssemblyPath).Append(' ').Append(project.Mvid).Append('\n');
                foreach (var file in project.UserFiles.Order(StringComparer.Ordinal))
                    text.Append("source ").Append(file).Append(' ').Append(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)))).Append('\n');
            }
            return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32].ToLowerInvariant();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            return null;
        }
    }

    /// <summary>The cached catalog with this key, or <see langword="null"/> when there is none or it cannot be read.</summary>
    public static (SiteCatalog Catalog, IReadOnlyList<string> ScannedAssemblies)? TryRead(string folder, string key)
    {
        var path = PathOf(folder, key);
        try
        {
            if (!File.Exists(path))
                return null;
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = json.RootElement;
            if (root.GetProperty("format").GetString() != Format || root.GetProperty("key").GetString() != key)
                return null;
            var sites = root.GetProperty("sites").EnumerateArray().Select(CatalogJson.ReadSite).ToList();
            var excluded = CatalogJson.ReadExcluded(root.GetProperty("excluded"));
            var problems = CatalogJson.ReadProblems(root.GetProperty("problems"));
            var files = CatalogJson.ReadStrings(root.GetProperty("files"));
            return (new SiteCatalog(sites, excluded, problems, files), CatalogJson.ReadStrings(root.GetProperty("scannedAssemblies")));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            // A damaged or foreign file is only a missed cache: the sources are scanned again and the file replaced.
            return null;
        }
    }

    /// <summary>Stores a catalog under its key, replacing the folder's older catalogs. Failing to write only costs the next run a scan.</summary>
    public static void Write(string folder, string key, SiteCatalog catalog, IReadOnlyList<string> scannedAssemblies)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var path = PathOf(folder, key);
            var temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
            using (var stream = File.Create(temporary))
            using (var json = new Utf8JsonWriter(stream))
            {
                json.WriteStartObject();
                json.WriteString("format", Format);
                json.WriteString("key", key);
                CatalogJson.WriteStrings(json, "scannedAssemblies", scannedAssemblies);
                CatalogJson.WriteStrings(json, "files", catalog.Files);
                json.WriteStartArray("sites");
                foreach (var site in catalog.Sites)
                {
                    json.WriteStartObject();
                    CatalogJson.WriteSite(json, site);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                CatalogJson.WriteExcluded(json, catalog.Excluded);
                CatalogJson.WriteProblems(json, catalog.Problems);
                json.WriteEndObject();
            }
            File.Move(temporary, path, overwrite: true);
            // One test assembly, one current catalog: older ones would only fill the disk.
            foreach (var old in Directory.EnumerateFiles(folder, "catalog-*.json").Where(f => f != path))
                File.Delete(old);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The report does not depend on the cache; the next run scans again.
        }
    }

    private static string PathOf(string folder, string key) => Path.Combine(folder, $"catalog-{key}.json");

    private static Guid Mvid(string dll)
    {
        using var stream = File.OpenRead(dll);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
            return Guid.Empty;
        var metadata = pe.GetMetadataReader();
        return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
    }
}
