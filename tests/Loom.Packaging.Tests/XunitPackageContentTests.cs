using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace Loom.Packaging.Tests;

/// <summary>
/// Loom.Xunit's two builds in its package: for xUnit v3 3.x where NuGet looks (lib/net10.0) and for 4.x beside it
/// (xunit4/net10.0), where its build file looks (docs/xunit.md, "Supported xUnit versions").
/// </summary>
[Collection(PackagedConsumersCollection.Name)]
public class XunitPackageContentTests(PackagedConsumers packed)
{
    [Theory]
    [InlineData("lib/net10.0", 3)]
    [InlineData("xunit4/net10.0", 4)]
    public void Each_build_is_documented_deterministic_has_symbols_and_is_compiled_against_its_xUnit_major_version(string folder, int major)
    {
        var package = packed.Package("Loom.Xunit");

        Assert.Contains($"{folder}/Loom.Xunit.xml", package.Files);
        Assert.Contains($"{folder}/Loom.Xunit.pdb", package.SymbolFiles);
        using var reader = new PEReader(new MemoryStream(package.Read($"{folder}/Loom.Xunit.dll")));
        Assert.Contains(reader.ReadDebugDirectory(), entry => entry.Type == DebugDirectoryEntryType.Reproducible);
        var metadata = reader.GetMetadataReader();
        var xunitCore = metadata.AssemblyReferences.Select(metadata.GetAssemblyReference).Single(r => metadata.GetString(r.Name) == "xunit.v3.core");
        Assert.Equal(major, xunitCore.Version.Major);
        Assert.Equal("Loom.Xunit", metadata.GetString(metadata.GetAssemblyDefinition().Name));
    }
}
