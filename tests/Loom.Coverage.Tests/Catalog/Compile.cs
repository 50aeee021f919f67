using System.Linq;
using Loom.Coverage.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Loom.Coverage.Tests.Catalog;

/// <summary>Builds real Roslyn compilations in memory, against the running runtime's assemblies, and scans them.</summary>
internal static class Compile
{
    private static readonly MetadataReference[] Runtime =
        System.IO.Directory.EnumerateFiles(System.IO.Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll")
            .Where(IsManaged)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();

    /// <summary>The mirror's shape, as code under test sees it: the same names as System.Threading, in Loom.Threading.</summary>
    public const string LoomMirror = """
        namespace Loom.Threading
        {
            public static class Interlocked { public static int Increment(ref int location) => System.Threading.Interlocked.Increment(ref location); }
            public static class Monitor { public static void Enter(object o) { } public static void Exit(object o) { } }
            public sealed class Thread { public static void Sleep(int ms) { } }
        }
        """;

    public static CSharpCompilation Of(params (string Path, string Text)[] files) =>
        CSharpCompilation.Create("UnderTest",
            files.Select(f => CSharpSyntaxTree.ParseText(f.Text, new CSharpParseOptions(LanguageVersion.Preview), f.Path)),
            Runtime,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    public static SiteCatalog Scan(params (string Path, string Text)[] files)
    {
        var scanner = new SiteScanner();
        scanner.Add(Of(files), tree => tree.FilePath != "/src/Mirror.cs");
        return scanner.Build();
    }

    public static SiteCatalog Scan(string text) => Scan(("/src/Code.cs", text), ("/src/Mirror.cs", LoomMirror));

    private static bool IsManaged(string path)
    {
        try
        {
            using var stream = System.IO.File.OpenRead(path);
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            return pe.HasMetadata;
        }
        catch (System.BadImageFormatException)
        {
            return false;
        }
    }
}
