using System.IO;
using System.Linq;
using System.Reflection.PortableExecutable;
using Xunit;

namespace Loom.Packaging.Tests;

/// <summary>What <c>dotnet pack</c> on the solution produced: which packages, and what each one holds and declares.</summary>
[Collection(PackagedConsumersCollection.Name)]
public class PackageContentTests(PackagedConsumers packed)
{
    [Fact]
    public void Pack_produces_the_six_packages_and_their_symbols_with_one_version_and_nothing_else()
    {
        var expected = PackagedConsumers.PackageIds.SelectMany(id => new[] { $"{id}.{packed.Version}.nupkg", $"{id}.{packed.Version}.snupkg" }).Order();

        var produced = Directory.EnumerateFiles(packed.Feed).Select(Path.GetFileName).Order();

        Assert.Equal(expected, produced);
        foreach (var id in PackagedConsumers.PackageIds)
            Assert.Equal(packed.Version, packed.Package(id).Field("version"));
    }

    [Theory]
    [InlineData("Loom.Core")]
    [InlineData("Loom.Xunit")]
    [InlineData("Loom.NUnit")]
    [InlineData("Loom.MSTest")]
    [InlineData("Loom.Coverage")]
    [InlineData("Loom.Coverage.Mtp")]
    public void Every_package_has_its_metadata_readme_and_symbols(string id)
    {
        var package = packed.Package(id);

        Assert.Equal("MIT", package.Element("license")?.Value);
        Assert.Equal("expression", (string?)package.Element("license")?.Attribute("type"));
        Assert.False(string.IsNullOrWhiteSpace(package.Field("description")), package.ToString());
        Assert.Contains("loom", package.Field("tags")!.Split(' '));
        Assert.Equal("README.md", package.Field("readme"));
        Assert.Contains("README.md", package.Files);
        Assert.StartsWith("# Loom.TestAdapters", System.Text.Encoding.UTF8.GetString(package.Read("README.md")).TrimStart('\uFEFF'));
        var repository = package.Element("repository");
        Assert.Equal("git", (string?)repository?.Attribute("type"));
        Assert.StartsWith("https://", (string?)repository?.Attribute("url"));
        Assert.Contains($"lib/net10.0/{id}.dll", package.Files);
        Assert.Contains($"lib/net10.0/{id}.xml", package.Files);
        Assert.Contains($"lib/net10.0/{id}.pdb", package.SymbolFiles);
    }

    [Theory]
    [InlineData("Loom.Core")]
    [InlineData("Loom.Xunit")]
    [InlineData("Loom.Coverage")]
    public void Assemblies_are_built_deterministically(string id)
    {
        using var reader = new PEReader(new MemoryStream(packed.Package(id).Read($"lib/net10.0/{id}.dll")));

        // The compiler marks a deterministic build with a Reproducible entry in the debug directory.
        Assert.Contains(reader.ReadDebugDirectory(), entry => entry.Type == DebugDirectoryEntryType.Reproducible);
    }

    [Theory]
    [InlineData("Loom.Xunit", "xunit.v3.extensibility.core", "[3.0.1, 5.0.0)")]
    [InlineData("Loom.NUnit", "NUnit", "[4.1.0, 6.0.0)")]
    [InlineData("Loom.MSTest", "MSTest.TestFramework", "[4.5.2, 5.0.0)")]
    public void An_adapter_brings_Loom_Core_of_its_own_version_and_its_framework_in_the_supported_range(string id, string framework, string range)
    {
        var dependencies = packed.Package(id).Dependencies("net10.0");

        Assert.Equal(new[] { framework, "Loom.Core" }.Order(), dependencies.Keys.Order());
        Assert.Equal(packed.Version, dependencies["Loom.Core"].Version);
        Assert.Equal(range, dependencies[framework].Version);
    }

    [Fact]
    public void Loom_Coverage_carries_the_collector_beside_its_build_files_and_passes_on_Coverlets_build_files()
    {
        var package = packed.Package("Loom.Coverage");

        foreach (var file in new[] { "Loom.Coverage.props", "Loom.Coverage.targets", "Loom.Coverage.runsettings", "Loom.Checks.targets" })
            Assert.Contains("build/" + file, package.Files);
        // VSTest loads the collector from this folder in its own process, so what it loads must be there too.
        foreach (var assembly in new[] { "Loom.Coverage.Collector.dll", "Loom.Coverage.dll", "Microsoft.CodeAnalysis.dll", "Microsoft.CodeAnalysis.CSharp.dll" })
            Assert.Contains("build/collector/" + assembly, package.Files);
        var coverlet = package.Dependencies("net10.0")["coverlet.collector"];
        Assert.Equal("All", coverlet.Include);
    }

    [Fact]
    public void Loom_Coverage_Mtp_registers_its_extension_and_keeps_the_VSTest_build_files_away()
    {
        var package = packed.Package("Loom.Coverage.Mtp");
        var dependencies = package.Dependencies("net10.0");

        // The hook is registered in the .targets, after the hooks of the packages' .props (coverlet.MTP's among them).
        Assert.DoesNotContain("build/Loom.Coverage.Mtp.props", package.Files);
        Assert.Contains("build/Loom.Coverage.Mtp.targets", package.Files);
        Assert.Equal(packed.Version, dependencies["Loom.Coverage"].Version);
        // NuGet writes the asset types that flow either as include= or as exclude=; build/ must not flow either way.
        var coverage = dependencies["Loom.Coverage"];
        Assert.True(coverage.Include is null ? coverage.Exclude!.Split(',').Contains("Build") : !coverage.Include.Split(',').Contains("Build"), coverage.ToString());
        Assert.StartsWith("2.", dependencies["Microsoft.Testing.Platform"].Version);
    }

    [Fact]
    public void Loom_Core_carries_the_rewriter_and_its_build_file_and_no_dependency_for_it()
    {
        var package = packed.Package("Loom.Core");

        Assert.Contains("buildTransitive/Loom.Rewriting.targets", package.Files);
        // The rewriter runs as a process of its own: its runtime files and Mono.Cecil come with it.
        foreach (var file in new[] { "Loom.Rewriting.dll", "Loom.Rewriting.runtimeconfig.json", "Loom.Rewriting.deps.json", "Mono.Cecil.dll", "Mono.Cecil.Rocks.dll" })
            Assert.Contains("tools/rewriter/" + file, package.Files);
        Assert.Empty(package.Dependencies("net10.0"));
    }

    [Theory]
    [InlineData("Loom.Core", "buildTransitive/Loom.Core.targets")]
    [InlineData("Loom.Xunit", "buildTransitive/Loom.Xunit.targets")]
    [InlineData("Loom.NUnit", "buildTransitive/Loom.NUnit.targets")]
    [InlineData("Loom.MSTest", "buildTransitive/Loom.MSTest.targets")]
    public void Packages_carry_the_build_files_that_check_the_consumer(string id, string targets)
    {
        var package = packed.Package(id);

        Assert.Contains(targets, package.Files);
        Assert.Contains("buildTransitive/Loom.Checks.targets", package.Files);
        // So that a project on an older framework restores and is stopped by the check, not by NuGet's NU1202.
        Assert.Contains("lib/netstandard2.0/_._", package.Files);
    }
}
