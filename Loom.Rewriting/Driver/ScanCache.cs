using System;
using System.IO;
using System.Security.Cryptography;

namespace Loom.Rewriting.Driver;

/// <summary>
/// The scans of assemblies the build does not rewrite (<see cref="AssemblyScan"/>), kept in obj/ beside the rewritten
/// copies, one file per assembly and content hash. The hash covers the assembly, Loom.Core's stand-ins (which decide
/// what Loom must see) and the rewriter's own build, so an unchanged build reads the file instead of the assembly.
/// Each assembly keeps its newest scan only.
/// </summary>
internal sealed class ScanCache
{
    private const string Extension = ".scan.txt";
    private readonly string _root;
    private readonly byte[] _salt;

    /// <param name="root">The cache folder (in the test project's obj/).</param>
    /// <param name="salt">What else a scan depends on: the stand-ins' and the rewriter's identities.</param>
    public ScanCache(string root, byte[] salt)
    {
        _root = Path.Combine(root, "scan");
        _salt = salt;
    }

    /// <summary>The scan of <paramref name="source"/>, from the cache or made (and kept) now.</summary>
    public AssemblyScan Scan(string source, Func<string, AssemblyScan> scan)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(_salt);
        hash.AppendData(File.ReadAllBytes(source));
        var name = Path.GetFileNameWithoutExtension(source);
        var file = Path.Combine(_root, $"{name}.{Convert.ToHexString(hash.GetHashAndReset(), 0, 12).ToLowerInvariant()}{Extension}");
        if (File.Exists(file))
            return AssemblyScan.FromLines(File.ReadAllLines(file));
        var result = scan(source);
        Directory.CreateDirectory(_root);
        foreach (var older in Directory.EnumerateFiles(_root, $"{name}.*{Extension}"))
        {
            // Only this assembly's: another whose name starts with "Name." has a longer file name.
            if (Path.GetFileName(older).Length == Path.GetFileName(file).Length)
                File.Delete(older);
        }
        // Written aside and moved, so a build stopped while writing never leaves half a scan under the key.
        var partial = file + ".partial";
        File.WriteAllLines(partial, result.ToLines());
        File.Move(partial, file, overwrite: true);
        return result;
    }
}
