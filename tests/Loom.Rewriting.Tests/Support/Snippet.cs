using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace Loom.Rewriting.Tests.Support;

/// <summary>A small C# program compiled to a real assembly and portable PDB on disk, as a test build would.</summary>
internal sealed class Snippet
{
    private Snippet(string folder, string name)
    {
        Folder = folder;
        Name = name;
    }

    public string Folder { get; }

    public string Name { get; }

    public string AssemblyPath => Path.Combine(Folder, Name + ".dll");

    public string PdbPath => Path.Combine(Folder, Name + ".pdb");

    public string SourcePath => Path.Combine(Folder, Name + ".cs");

    /// <summary>
    /// Compiles <paramref name="source"/> (written to a file first, so the PDB names a real path), as a Debug build
    /// does, or as a Release build does with <paramref name="optimize"/>, against .NET and the assemblies
    /// <paramref name="references"/> names.
    /// </summary>
    public static Snippet Compile(string source, string name = "Snippet", bool embedPdb = false, byte[]? publicKey = null, bool optimize = false,
        IEnumerable<string>? references = null)
    {
        var folder = Directory.CreateTempSubdirectory("loom-rewriting-").FullName;
        var snippet = new Snippet(folder, name);
        File.WriteAllText(snippet.SourcePath, source);
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), snippet.SourcePath, System.Text.Encoding.UTF8);
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: optimize ? OptimizationLevel.Release : OptimizationLevel.Debug, nullableContextOptions: NullableContextOptions.Enable);
        if (publicKey is not null)
            options = options.WithCryptoPublicKey(System.Collections.Immutable.ImmutableArray.Create(publicKey)).WithPublicSign(true);
        var compilation = CSharpCompilation.Create(name, [tree], References().Concat((references ?? []).Select(r => MetadataReference.CreateFromFile(r))), options);
        using var dll = File.Create(snippet.AssemblyPath);
        using var pdb = embedPdb ? null : File.Create(snippet.PdbPath);
        var emit = new EmitOptions(debugInformationFormat: embedPdb ? DebugInformationFormat.Embedded : DebugInformationFormat.PortablePdb, pdbFilePath: snippet.PdbPath);
        var result = compilation.Emit(dll, pdb, options: emit);
        if (!result.Success)
            throw new InvalidOperationException("The snippet does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return snippet;
    }

    private static IEnumerable<MetadataReference> References()
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted.Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
    }
}

/// <summary>Loads a rewritten assembly in a context of its own, beside this test assembly's stand-ins.</summary>
internal sealed class LoadedAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;

    /// <param name="path">The assembly to load.</param>
    /// <param name="folders">Folders whose assemblies it may reference (loaded in the same context).</param>
    public LoadedAssembly(string path, params string[] folders)
    {
        _context = new AssemblyLoadContext("rewritten-" + Guid.NewGuid(), isCollectible: true);
        // The stand-ins come from the default context (this test assembly), as Loom.Core does in a test host.
        _context.Resolving += (context, name) =>
            AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => a.GetName().Name == name.Name)
            ?? folders.Select(f => Path.Combine(f, name.Name + ".dll")).Where(File.Exists).Select(context.LoadFromAssemblyPath).FirstOrDefault();
        using var stream = File.OpenRead(path);
        var pdb = Path.ChangeExtension(path, ".pdb");
        using var symbols = File.Exists(pdb) ? File.OpenRead(pdb) : null;
        Assembly = _context.LoadFromStream(stream, symbols);
    }

    public Assembly Assembly { get; }

    public object? Call(string type, string method, params object?[] arguments)
    {
        var target = Assembly.GetType(type, throwOnError: true)!.GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!;
        try
        {
            return target.Invoke(null, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    public void Dispose() => _context.Unload();
}
