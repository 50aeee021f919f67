using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using Loom.Rewriting.Interception;
using Loom.Rewriting.Passes;
using Mono.Cecil;

namespace Loom.Rewriting.Driver;

/// <summary>
/// One run of the rewriter over a test project's output: first the package assemblies it does not rewrite are
/// scanned for code Loom must see (UnseenAssemblies); then each assembly is rewritten (or its rewritten copy taken
/// from the cache) and copied over its place in the output folder, with one build message saying what was done;
/// last, each unrewritten assembly that Loom does not see gets a message or warning of its own. An assembly that
/// cannot be rewritten is a build error naming it and the reason; the others are still done.
/// </summary>
internal static class RewriteRun
{
    /// <summary>The exit code after errors the rewriter wrote itself (the build files look for it).</summary>
    public const int ErrorsReported = 3;

    /// <summary>Runs <paramref name="request"/>; returns 0, or 1 after any error (written to <paramref name="log"/>).</summary>
    public static int Execute(RewriteRequest request, BuildLog log)
    {
        using var standIns = ModuleDefinition.ReadModule(request.StandIns, new ReaderParameters { InMemory = true });
        var table = InterceptionTable.Read(standIns);
        var salt = Salt(request.StandIns);
        Directory.CreateDirectory(request.Cache);
        var scans = new ScanCache(request.Cache, salt);
        var unseen = UnseenAssemblies.Find(request.NotRewritten, source => scans.Scan(source, s => AssemblyScan.Of(s, table)));
        var rewriter = new AssemblyRewriter(table, unseen.Names);
        var cache = new RewriteCache(request.Cache, salt);
        using var resolver = Resolver(request);
        var calledByRewritten = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        foreach (var missing in request.Named.Where(n => !request.Assemblies.Any(a => a.Named && SameName(a, n))).Distinct())
        {
            log.Error(missing, RewriteErrors.NamedAssemblyMissing,
                $"<LoomRewriteAssembly Include=\"{missing}\" /> names an assembly that is not in this test project's output, so Loom cannot rewrite it. " +
                "Check the assembly's name (the file name without .dll, not the package's id) and that the project references its package.");
        }
        foreach (var assembly in request.Assemblies)
            RewriteOne(assembly, rewriter, cache, resolver, log, unseen, calledByRewritten);
        unseen.Report(log, calledByRewritten);
        return log.Errors == 0 ? 0 : 1;
    }

    private static void RewriteOne(AssemblyToRewrite assembly, AssemblyRewriter rewriter, RewriteCache cache, IAssemblyResolver resolver, BuildLog log,
        UnseenAssemblies unseen, HashSet<string> calledByRewritten)
    {
        var file = Path.GetFileName(assembly.Source);
        var name = Path.GetFileNameWithoutExtension(assembly.Source);
        if (NeverRewritten.Reason(name) is { } reason)
        {
            if (assembly.Named)
                log.Error(assembly.Source, RewriteErrors.NeverRewritten, $"Loom does not rewrite {file}: {reason}. Remove its LoomRewriteAssembly item.");
            else if (assembly.Kind == AssemblyKind.Test)
                log.Message($"Loom.Rewriting: {file}: not rewritten: {reason}");
            return;
        }
        try
        {
            var clock = Stopwatch.StartNew();
            // Its calls into them are marked, so its rewritten copy depends on which of them Loom does not see.
            var calls = ReferencedAssemblies.Of(assembly.Source).Where(unseen.Contains).Order(StringComparer.OrdinalIgnoreCase).ToList();
            calledByRewritten.UnionWith(calls);
            var entry = cache.EntryFor(assembly.Source, string.Join("\n", calls));
            var report = RewriteCache.StoredReport(entry);
            var cached = report is not null;
            if (report is null)
            {
                if (Directory.Exists(entry))
                    Directory.Delete(entry, recursive: true);
                Directory.CreateDirectory(entry);
                report = Describe(rewriter.Rewrite(assembly.Source, Path.Combine(entry, file), resolver), rewriter);
                cache.Store(entry, report);
            }
            Deliver(assembly, entry, file);
            log.Message(cached
                ? $"Loom.Rewriting: {file}: {report} (unchanged: taken from obj/)"
                : $"Loom.Rewriting: {file}: {report} ({clock.Elapsed.TotalSeconds:0.00} s)");
        }
        catch (RewriteException e)
        {
            log.Error(assembly.Source, e.Code, $"Loom could not rewrite {file}: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Error(assembly.Source, RewriteErrors.Unwritable, $"Loom could not rewrite {file}: {e.Message}");
        }
    }

    /// <summary>Puts the rewritten copy (or, for an assembly with nothing to rewrite, the original) in the output.</summary>
    private static void Deliver(AssemblyToRewrite assembly, string entry, string file)
    {
        var rewritten = Path.Combine(entry, file);
        var source = File.Exists(rewritten) ? rewritten : assembly.Source;
        CopyIfDifferent(source, assembly.Destination);
        var pdb = Path.ChangeExtension(source, ".pdb");
        if (File.Exists(pdb))
            CopyIfDifferent(pdb, Path.ChangeExtension(assembly.Destination, ".pdb"));
    }

    private static void CopyIfDifferent(string from, string to)
    {
        if (File.Exists(to) && new FileInfo(to).Length == new FileInfo(from).Length && File.ReadAllBytes(to).AsSpan().SequenceEqual(File.ReadAllBytes(from)))
            return;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(to))!);
        // Deleted first: the output's file may be a hard link to the referenced project's own, which must not change.
        File.Delete(to);
        File.Copy(from, to);
    }

    /// <summary>The one-line summary of what was rewritten, kept with the cache entry for unchanged builds.</summary>
    internal static string Describe(RewriteReport report, AssemblyRewriter rewriter)
    {
        if (report.TotalSites == 0 && report.LeftAsIs.Count == 0 && report.UnseenCalls.Count == 0)
            return "nothing to rewrite";
        var parts = rewriter.Passes
            .Where(p => report.Sites.ContainsKey(p.Concern))
            .Select(p => $"{p.Concern} {report.Sites[p.Concern]}");
        var text = $"{report.TotalSites} call site{(report.TotalSites == 1 ? "" : "s")} rewritten" +
            (report.TotalSites == 0 ? "" : $" ({string.Join(", ", parts)})");
        if (report.LeftAsIs.Count > 0)
        {
            text += $"; left as written: {string.Join(", ", report.LeftAsIs.Select(l => $"{l.Key} x{l.Value}"))}";
        }
        if (report.UnseenCalls.Count > 0)
        {
            text += $"; calls into code Loom does not see, marked for the run to report: {string.Join(", ", report.UnseenCalls.Select(u => $"{u.Key} x{u.Value}"))}";
        }
        return text;
    }

    private static bool SameName(AssemblyToRewrite assembly, string name) =>
        string.Equals(Path.GetFileNameWithoutExtension(assembly.Source), name, StringComparison.OrdinalIgnoreCase);

    /// <summary>What a cached copy depends on besides the original: this rewriter's build and the stand-ins.</summary>
    private static byte[] Salt(string standIns)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(typeof(RewriteRun).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        hash.AppendData(File.ReadAllBytes(standIns));
        return hash.GetHashAndReset();
    }

    private static DefaultAssemblyResolver Resolver(RewriteRequest request)
    {
        var resolver = new DefaultAssemblyResolver();
        var folders = new List<string> { Path.GetDirectoryName(typeof(object).Assembly.Location)!, Path.GetDirectoryName(request.StandIns)! };
        folders.AddRange(request.Assemblies.Select(a => Path.GetDirectoryName(Path.GetFullPath(a.Destination))!));
        folders.AddRange(request.Assemblies.Select(a => Path.GetDirectoryName(Path.GetFullPath(a.Source))!));
        foreach (var folder in folders.Distinct())
            resolver.AddSearchDirectory(folder);
        return resolver;
    }
}
