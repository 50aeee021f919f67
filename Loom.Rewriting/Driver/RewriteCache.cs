using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace Loom.Rewriting.Driver;

/// <summary>
/// Rewritten copies kept in obj/, one folder per assembly and content hash. The hash covers the original assembly
/// and its PDB, Loom.Core's stand-ins, the rewriter's own build, and which of the assemblies it calls Loom does not
/// see (their calls are marked), so a change to any of them rewrites again, and an unchanged build only copies. Each assembly keeps its newest entry only.
/// </summary>
internal sealed class RewriteCache
{
    private const string ReportFile = "report.txt";
    private readonly string _root;
    private readonly byte[] _salt;

    /// <param name="root">The cache folder (in the test project's obj/).</param>
    /// <param name="salt">What else the result depends on: the stand-ins' and the rewriter's identities.</param>
    public RewriteCache(string root, byte[] salt)
    {
        _root = root;
        _salt = salt;
    }

    /// <summary>
    /// The cache folder for <paramref name="source"/>'s current content, rewritten knowing <paramref name="unseen"/>:
    /// the assemblies it calls that Loom does not see, whose calls its copy marks.
    /// </summary>
    public string EntryFor(string source, string unseen = "")
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(_salt);
        hash.AppendData(Encoding.UTF8.GetBytes(unseen + "\0"));
        hash.AppendData(File.ReadAllBytes(source));
        var pdb = Path.ChangeExtension(source, ".pdb");
        if (File.Exists(pdb))
            hash.AppendData(File.ReadAllBytes(pdb));
        var key = Convert.ToHexString(hash.GetHashAndReset(), 0, 12).ToLowerInvariant();
        return Path.Combine(_root, $"{Path.GetFileNameWithoutExtension(source)}.{key}");
    }

    /// <summary>The report an earlier build stored in <paramref name="entry"/>, or <see langword="null"/> if none did.</summary>
    public static string? StoredReport(string entry)
    {
        var file = Path.Combine(entry, ReportFile);
        return File.Exists(file) ? File.ReadAllText(file) : null;
    }

    /// <summary>Marks <paramref name="entry"/> complete, with its report, and drops the assembly's older entries.</summary>
    public void Store(string entry, string report)
    {
        // Written last, so an entry with a report is whole even if a build was stopped while writing it.
        File.WriteAllText(Path.Combine(entry, ReportFile), report);
        var name = Path.GetFileName(entry);
        var prefix = name[..(name.LastIndexOf('.') + 1)];
        foreach (var older in Directory.EnumerateDirectories(_root, prefix + "*"))
        {
            var olderName = Path.GetFileName(older);
            if (olderName != name && olderName.LastIndexOf('.') == prefix.Length - 1)
                Directory.Delete(older, recursive: true);
        }
    }
}
