using System;
using System.IO;
using System.Linq;
using Loom.Coverage.Catalog;
using Xunit;

namespace Loom.Coverage.Tests.Catalog;

public sealed class CatalogCacheTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("loom-coverage-cache-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private ProjectSources Project(params string[] sources)
    {
        var files = sources.Select((text, i) =>
        {
            var path = Path.Combine(_folder, $"Source{i}.cs");
            File.WriteAllText(path, text);
            return path;
        }).ToHashSet();
        return new ProjectSources(Path.Combine(_folder, "Shop.dll"), new Guid("7c1d2f4e-0000-4000-8000-000000000001"), new PdbCompilationInfo(), files);
    }

    private static SiteCatalog Catalog() => new(
        [
            new Site(SiteCategory.Atomic, "/src/Counter.cs", 10, "Shop.Counter.Increment", ["Interlocked.Increment", "Volatile.Read"]),
            new Site(SiteCategory.Retry, "/src/Gate.cs", 15, "Shop.Gate.Enter", ["LOOM-RETRY-BEGIN"], "spins until free", 19),
        ],
        [new ExcludedSite(new Site(SiteCategory.Time, "/src/Debug.cs", 16, "Shop.Debug.Pause", ["Thread.Sleep"]), "LOOM-EXCLUDE-BEGIN (line 15): by hand only")],
        [new CoverageProblem("marker", "/src/Debug.cs", 22, "LOOM-RETRY gives no reason"), new CoverageProblem("source", null, 0, "did not compile cleanly")],
        ["/src/Counter.cs", "/src/Debug.cs", "/src/Gate.cs"]);

    [Fact]
    public void A_catalog_reads_back_as_it_was_written()
    {
        var key = CatalogCache.Key([Project("class A {}")], [])!;
        var cache = Path.Combine(_folder, CatalogCache.FolderName);
        var written = Catalog();

        CatalogCache.Write(cache, key, written, ["/bin/Shop.dll"]);
        var (read, scanned) = CatalogCache.TryRead(cache, key)!.Value;

        Assert.Equal(written.Sites.Select(Describe), read.Sites.Select(Describe));
        Assert.Equal(written.Excluded.Select(e => Describe(e.Site) + " " + e.Reason), read.Excluded.Select(e => Describe(e.Site) + " " + e.Reason));
        Assert.Equal(written.Problems, read.Problems);
        Assert.Equal(written.Files, read.Files);
        Assert.Equal(["/bin/Shop.dll"], scanned);
    }

    [Fact]
    public void Editing_a_scanned_source_changes_the_key_and_restoring_it_brings_the_key_back()
    {
        var project = Project("class A { }", "class B { }");
        var before = CatalogCache.Key([project], []);

        File.WriteAllText(project.UserFiles.Order().Last(), "class B { void M() => System.Threading.Thread.Sleep(1); }");
        var edited = CatalogCache.Key([project], []);
        File.WriteAllText(project.UserFiles.Order().Last(), "class B { }");

        Assert.NotNull(before);
        Assert.NotEqual(before, edited);
        Assert.Equal(before, CatalogCache.Key([project], []));
    }

    [Fact]
    public void Excluding_an_assembly_or_rebuilding_one_changes_the_key()
    {
        var project = Project("class A { }");
        var key = CatalogCache.Key([project], []);

        Assert.NotEqual(key, CatalogCache.Key([project], ["Shop.Migrations"]));
        Assert.NotEqual(key, CatalogCache.Key([project with { Mvid = Guid.NewGuid() }], []));
    }

    [Fact]
    public void A_damaged_or_foreign_file_is_a_miss_and_a_new_write_replaces_older_catalogs()
    {
        var cache = Path.Combine(_folder, CatalogCache.FolderName);
        Directory.CreateDirectory(cache);
        File.WriteAllText(Path.Combine(cache, "catalog-0123.json"), "{ \"format\": \"loom-coverage-catalog/1\", \"key\": \"0123\", \"sites\": [ { \"category\": ");
        File.WriteAllText(Path.Combine(cache, "catalog-4567.json"), "{ \"format\": \"something-else\", \"key\": \"4567\" }");

        Assert.Null(CatalogCache.TryRead(cache, "0123"));
        Assert.Null(CatalogCache.TryRead(cache, "4567"));
        Assert.Null(CatalogCache.TryRead(cache, "89ab"));

        CatalogCache.Write(cache, "89ab", Catalog(), []);
        Assert.Equal(["catalog-89ab.json"], Directory.EnumerateFiles(cache).Select(Path.GetFileName));
        Assert.NotNull(CatalogCache.TryRead(cache, "89ab"));
    }

    private static string Describe(Site site) =>
        $"{site.Category} {site.File}:{site.Line}-{site.LastLine} {site.Member} [{string.Join(",", site.Apis)}] {site.Reason}";
}
