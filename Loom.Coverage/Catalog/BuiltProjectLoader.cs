using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Loom.Coverage.Catalog;

/// <summary>
/// Finds the code under test beside a test assembly (<see cref="Find"/>) and compiles it again in memory for the
/// scanner (<see cref="Compile(IReadOnlyList{ProjectSources}, List{CoverageProblem})"/>).
/// The code under test is the test assembly and every assembly in its folder whose portable PDB names source
/// files that exist on this machine: the test project's own sources and the projects it references. Packages
/// (whose PDBs, if any, name their authors' files) and Loom's own assemblies are left out.
/// </summary>
internal static class BuiltProjectLoader
{
    /// <summary>Loom's own assemblies, which are the tool and not the code under test.</summary>
    private static readonly HashSet<string> LoomAssemblies = new(StringComparer.OrdinalIgnoreCase)
    {
        "Loom.Core", "Loom.Xunit", "Loom.NUnit", "Loom.MSTest", "Loom.Coverage", "Loom.Coverage.Collector", "Loom.Coverage.Mtp",
    };

    /// <summary>
    /// Finds the projects of the code under test beside the test assemblies and reads their PDBs. Nothing here
    /// touches Roslyn, so a cached catalog can be used without paying for the compiler's start-up.
    /// </summary>
    public static List<ProjectSources> Find(IEnumerable<string> testAssemblies, ICollection<string> excludedAssemblies, List<CoverageProblem> problems)
    {
        var projects = new List<ProjectSources>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var testAssembly in testAssemblies)
        {
            var full = Path.GetFullPath(testAssembly);
            if (!File.Exists(full))
            {
                problems.Add(new CoverageProblem("source", full, 0, "The test assembly does not exist, so its code could not be scanned."));
                continue;
            }
            var folder = Path.GetDirectoryName(full)!;
            foreach (var candidate in new[] { full }.Concat(Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal)))
            {
                var name = Path.GetFileNameWithoutExtension(candidate);
                if (!seen.Add(candidate) || LoomAssemblies.Contains(name) || excludedAssemblies.Contains(name))
                    continue;
                if (TryFind(candidate, isTestAssembly: candidate == full, problems) is { } project)
                    projects.Add(project);
            }
        }
        return projects;
    }

    /// <summary>Compiles found projects again in memory, each against the assemblies beside it.</summary>
    public static List<CompiledProject> Compile(IReadOnlyList<ProjectSources> projects, List<CoverageProblem> problems)
    {
        var referencesByFolder = new Dictionary<string, List<(string Name, MetadataReference Reference)>>(StringComparer.Ordinal);
        var compiled = new List<CompiledProject>(projects.Count);
        foreach (var project in projects)
        {
            var folder = Path.GetDirectoryName(project.AssemblyPath)!;
            if (!referencesByFolder.TryGetValue(folder, out var references))
                referencesByFolder[folder] = references = ReferencesIn(folder);
            compiled.Add(Compile(project, references, problems));
        }
        return compiled;
    }

    private static ProjectSources? TryFind(string assembly, bool isTestAssembly, List<CoverageProblem> problems)
    {
        PdbCompilationInfo info;
        Guid mvid;
        try
        {
            using var stream = File.OpenRead(assembly);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
                return null;
            var metadata = pe.GetMetadataReader();
            mvid = metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
            if (!pe.TryOpenAssociatedPortablePdb(assembly, path => File.Exists(path) ? File.OpenRead(path) : null, out var provider, out _) || provider is null)
            {
                if (isTestAssembly)
                    problems.Add(new CoverageProblem("source", assembly, 0, "No portable PDB was found for the test assembly, so its sources could not be found and scanned. Build with <DebugType>portable</DebugType> (the default) or embedded."));
                return null;
            }
            using (provider)
                info = PdbCompilationInfo.Read(provider.GetMetadataReader());
        }
        catch (Exception e) when (e is BadImageFormatException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            if (isTestAssembly)
                problems.Add(new CoverageProblem("source", assembly, 0, $"Could not read the assembly or its PDB ({e.Message}); its sources were not scanned."));
            return null;
        }

        if (info.Language is { } language && language != "C#")
        {
            if (isTestAssembly)
                problems.Add(new CoverageProblem("source", assembly, 0, $"The test assembly is written in {language}; only C# sources are scanned."));
            return null;
        }
        var userFiles = info.Documents.Where(d => d.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && !IsPackageContent(d) && File.Exists(d)).ToHashSet(StringComparer.Ordinal);
        if (userFiles.Count == 0)
        {
            // Packages' PDBs name their authors' files; only the test assembly is surely the user's own code.
            if (isTestAssembly)
            {
                problems.Add(new CoverageProblem("source", assembly, 0,
                    $"None of the {info.Documents.Count} source files its PDB names exist on this machine (for example {info.Documents.FirstOrDefault() ?? "none"}), so no site in it was scanned. " +
                    "A build with ContinuousIntegrationBuild or PathMap records mapped paths; build the tests without them."));
            }
            return null;
        }
        return new ProjectSources(assembly, mvid, info, userFiles);
    }

    private static CompiledProject Compile(ProjectSources project, IReadOnlyList<(string Name, MetadataReference Reference)> references, List<CoverageProblem> problems)
    {
        var (assembly, info) = (project.AssemblyPath, project.Info);
        var userFiles = new HashSet<string>(project.UserFiles, StringComparer.Ordinal);
        var parseOptions = new CSharpParseOptions(ParseLanguageVersion(info.LanguageVersion), preprocessorSymbols: info.Defines);
        var documents = info.Documents.Where(d => d.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)).ToList();
        var trees = new SyntaxTree?[documents.Count];
        var unreadable = new (string File, string Error)?[documents.Count];
        // Files parse independently; on a large project parsing is a good part of the compile.
        Parallel.For(0, documents.Count, i =>
        {
            var document = documents[i];
            SourceText? text = null;
            if (userFiles.Contains(document))
            {
                try
                {
                    using var source = File.OpenRead(document);
                    text = SourceText.From(source, Encoding.UTF8);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    unreadable[i] = (document, e.Message);
                }
            }
            else if (info.EmbeddedSources.TryGetValue(document, out var embedded))
            {
                text = SourceText.From(embedded, Encoding.UTF8);
            }
            if (text is not null)
                trees[i] = CSharpSyntaxTree.ParseText(text, parseOptions, document);
        });
        foreach (var (file, error) in unreadable.OfType<(string File, string Error)>())
        {
            problems.Add(new CoverageProblem("source", file, 0, $"Could not read the file ({error}); its sites are missing from the report."));
            userFiles.Remove(file);
        }

        var own = Path.GetFileName(assembly);
        var compilation = CSharpCompilation.Create(
            Path.GetFileNameWithoutExtension(assembly),
            trees.OfType<SyntaxTree>(),
            references.Where(r => !string.Equals(r.Name, own, StringComparison.OrdinalIgnoreCase)).Select(r => r.Reference),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

        var errors = compilation.GetParseDiagnostics().Concat(compilation.GetDeclarationDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            var first = errors[0];
            var where = first.Location.GetLineSpan();
            problems.Add(new CoverageProblem("source", assembly, 0,
                $"Its sources did not compile cleanly here ({errors.Count} error(s); the first: {where.Path}:{where.StartLinePosition.Line + 1}: {first.Id} {first.GetMessage()}). " +
                "Sites in code that did not bind to a symbol may be missing from the report."));
        }
        return new CompiledProject(assembly, compilation, userFiles);
    }

    /// <summary>Source files a package adds to the project (content files), which are not the user's code.</summary>
    private static bool IsPackageContent(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}.nuget{Path.DirectorySeparatorChar}packages{Path.DirectorySeparatorChar}", StringComparison.OrdinalIgnoreCase) ||
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages && path.StartsWith(packages, StringComparison.Ordinal);

    private static LanguageVersion ParseLanguageVersion(string? text) =>
        text is not null && LanguageVersionFacts.TryParse(text, out var version) ? version : LanguageVersion.Preview;

    /// <summary>
    /// Everything the code under test may bind to: the assemblies beside the tests, then the runtime's own
    /// (a name present beside the tests wins, so a package's newer copy is the one used).
    /// </summary>
    private static List<(string Name, MetadataReference Reference)> ReferencesIn(string folder)
    {
        var references = new List<(string, MetadataReference)>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        foreach (var dll in Directory.EnumerateFiles(folder, "*.dll").Concat(Directory.EnumerateFiles(runtime, "*.dll")))
        {
            var name = Path.GetFileName(dll);
            if (!names.Add(name) || !IsManaged(dll))
                continue;
            references.Add((name, MetadataReference.CreateFromFile(dll)));
        }
        return references;
    }

    private static bool IsManaged(string dll)
    {
        try
        {
            using var stream = File.OpenRead(dll);
            using var pe = new PEReader(stream);
            return pe.HasMetadata;
        }
        catch (Exception e) when (e is BadImageFormatException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
