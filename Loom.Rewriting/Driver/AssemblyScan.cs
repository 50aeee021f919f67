using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Loom.Rewriting.Interception;
using Mono.Cecil;

namespace Loom.Rewriting.Driver;

/// <summary>
/// What an assembly the build does not rewrite calls that Loom must see (System.Threading, tasks, timers, the clock:
/// the members of intercepted types that do not pass through), and which assemblies it references. Only the
/// metadata is read, its member references, never a method body, so a scan costs about what reading the file does.
/// </summary>
/// <param name="Calls">The members it calls that Loom must see, as <c>Interlocked.CompareExchange</c>, each once.</param>
/// <param name="References">The names of the assemblies it references.</param>
internal sealed record AssemblyScan(IReadOnlyList<string> Calls, IReadOnlyList<string> References)
{
    /// <summary>What a file that is not a .NET assembly (a native library beside a package's) gives: nothing.</summary>
    public static readonly AssemblyScan Nothing = new([], []);

    /// <summary>Scans <paramref name="path"/>.</summary>
    public static AssemblyScan Of(string path, InterceptionTable table)
    {
        try
        {
            using var module = ModuleDefinition.ReadModule(path, new ReaderParameters { ReadingMode = ReadingMode.Deferred, ReadSymbols = false });
            var calls = module.GetMemberReferences().OfType<MethodReference>().Where(table.MustSee).Select(MemberText.Of).Distinct().ToList();
            return new AssemblyScan(calls, module.AssemblyReferences.Select(r => r.Name).ToList());
        }
        catch (Exception e) when (e is BadImageFormatException or InvalidOperationException or NotSupportedException or IOException)
        {
            return Nothing;
        }
    }

    /// <summary>The scan as lines, for the cache: <c>call NAME</c> and <c>reference NAME</c>, tab-separated.</summary>
    public IEnumerable<string> ToLines() =>
        Calls.Select(c => "call\t" + c).Concat(References.Select(r => "reference\t" + r));

    /// <summary>Reads what <see cref="ToLines"/> wrote.</summary>
    public static AssemblyScan FromLines(IEnumerable<string> lines)
    {
        var calls = new List<string>();
        var references = new List<string>();
        foreach (var line in lines)
        {
            var tab = line.IndexOf('\t');
            if (tab < 0)
                continue;
            (line[..tab] == "call" ? calls : references).Add(line[(tab + 1)..]);
        }
        return new AssemblyScan(calls, references);
    }
}
