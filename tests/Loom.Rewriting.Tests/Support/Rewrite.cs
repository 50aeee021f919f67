using Loom.Rewriting.Driver;
using Loom.Rewriting.Interception;
using Loom.Rewriting.Passes;
using Mono.Cecil;

namespace Loom.Rewriting.Tests.Support;

/// <summary>Rewrites a file with this test assembly's stand-ins, as the build does with Loom.Core's.</summary>
internal static class Rewrite
{
    private static readonly Lazy<InterceptionTable> s_table = new(() =>
        InterceptionTable.Read(ModuleDefinition.ReadModule(typeof(Rewrite).Assembly.Location, new ReaderParameters { InMemory = true })));

    public static InterceptionTable Table => s_table.Value;

    /// <summary>
    /// Rewrites <paramref name="source"/> to a file beside it with this assembly's stand-ins, or those of
    /// <paramref name="table"/>, returning that file and what was done; calls into the assemblies named by
    /// <paramref name="unseen"/> are marked as code Loom does not see.
    /// </summary>
    public static (string Path, RewriteReport Report) File(string source, InterceptionTable? table = null, IEnumerable<string>? unseen = null)
    {
        var destination = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(source)!, "rewritten", System.IO.Path.GetFileName(source));
        using var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(System.IO.Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        // As the build's output folder: the assemblies beside it resolve.
        resolver.AddSearchDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(source))!);
        var report = new AssemblyRewriter(table ?? Table, unseen).Rewrite(source, destination, resolver);
        return (destination, report);
    }
}
