using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Loom.Cases;

/// <summary>
/// Remembers the schedules discovery listed, so that re-discovering the same build (Test Explorer does it after
/// every build, <c>dotnet test --filter</c> does it before running) does not explore again.
/// <para>
/// Entries live in a <c>loom-cases</c> folder beside the test assembly, one small text file per theory, named by
/// a hash of the assembly key, the method and its settings. The assembly key is the module version id (MVID) of
/// the test assembly and of every assembly it references from its own folder (the code under test), so any
/// change to test or production code misses the cache, while a rebuild of identical code (deterministic builds
/// keep the MVID) hits it. Set <see cref="DisableVariable"/> to <c>0</c> to turn the cache off.
/// </para>
/// </summary>
public sealed class CaseListingCache
{
    /// <summary>Set this environment variable to <c>0</c> to list schedules afresh on every discovery.</summary>
    public const string DisableVariable = "LOOM_CASE_CACHE";

    /// <summary>The name of the cache folder beside the test assembly.</summary>
    public const string FolderName = "loom-cases";

    private const string Magic = "loom-cases 2";

    private readonly string _folder;
    private readonly string _assemblyKey;
    private bool _pruned;

    /// <summary>Creates a cache in a folder for one build of a test assembly.</summary>
    /// <param name="folder">The cache folder.</param>
    /// <param name="assemblyKey">The key of the build (see <see cref="AssemblyKey"/>).</param>
    public CaseListingCache(string folder, string assemblyKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentException.ThrowIfNullOrEmpty(assemblyKey);
        _folder = folder;
        _assemblyKey = assemblyKey;
    }

    /// <summary>The cache folder.</summary>
    public string Folder => _folder;

    /// <summary>
    /// The cache for a test assembly, or <see langword="null"/> when it has no file location or the cache is
    /// turned off.
    /// </summary>
    /// <param name="testAssembly">The test assembly.</param>
    /// <returns>The cache, or <see langword="null"/>.</returns>
    public static CaseListingCache? For(Assembly testAssembly)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        if (Environment.GetEnvironmentVariable(DisableVariable) is "0" or "false")
            return null;
        var location = testAssembly.Location;
        if (string.IsNullOrEmpty(location))
            return null;
        return new CaseListingCache(Path.Combine(Path.GetDirectoryName(location)!, FolderName), AssemblyKey(testAssembly));
    }

    /// <summary>
    /// The key of one build: the MVIDs of the test assembly and of the assemblies it references, directly or not,
    /// from its own folder.
    /// </summary>
    /// <param name="testAssembly">The test assembly.</param>
    /// <returns>A hex key.</returns>
    public static string AssemblyKey(Assembly testAssembly)
    {
        var folder = Path.GetDirectoryName(testAssembly.Location);
        var mvids = new SortedSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>();
        pending.Push(testAssembly);
        while (pending.Count > 0)
        {
            var assembly = pending.Pop();
            if (!visited.Add(assembly.FullName ?? assembly.GetName().Name!))
                continue;
            mvids.Add(assembly.GetName().Name + ":" + assembly.ManifestModule.ModuleVersionId.ToString("N"));
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                Assembly loaded;
                try
                {
                    loaded = Assembly.Load(reference);
                }
                catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    continue;
                }
                if (!string.IsNullOrEmpty(loaded.Location) && string.Equals(Path.GetDirectoryName(loaded.Location), folder, StringComparison.Ordinal))
                    pending.Push(loaded);
            }
        }
        return Hash(string.Join("\n", mvids));
    }

    /// <summary>Looks up the listing of a theory in this build.</summary>
    /// <param name="methodKey">The method, as <c>Namespace.Class.Method</c>.</param>
    /// <param name="settings">The theory's settings.</param>
    /// <param name="listing">The cached listing, when found.</param>
    /// <returns>Whether a listing was cached.</returns>
    public bool TryGet(string methodKey, LoomTheorySettings settings, out ScheduleListing listing)
    {
        listing = null!;
        var path = EntryPath(methodKey, settings);
        string[] lines;
        try
        {
            if (!File.Exists(path))
                return false;
            lines = File.ReadAllLines(path);
        }
        catch (IOException)
        {
            return false;
        }
        return TryParse(lines, methodKey, settings, out listing);
    }

    /// <summary>Stores the listing of a theory; failures to write only cost speed, so they are ignored.</summary>
    /// <param name="methodKey">The method, as <c>Namespace.Class.Method</c>.</param>
    /// <param name="settings">The theory's settings.</param>
    /// <param name="listing">The listing.</param>
    public void Put(string methodKey, LoomTheorySettings settings, ScheduleListing listing)
    {
        try
        {
            Directory.CreateDirectory(_folder);
            PruneOtherBuilds();
            var path = EntryPath(methodKey, settings);
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllLines(temp, Format(methodKey, settings, listing));
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only output folder or a concurrent writer: the next discovery lists again.
        }
    }

    /// <summary>The cached listing, or a fresh one (stored for next time).</summary>
    /// <param name="methodKey">The method, as <c>Namespace.Class.Method</c>.</param>
    /// <param name="settings">The theory's settings.</param>
    /// <param name="list">Lists the schedules when the cache misses.</param>
    /// <returns>The listing.</returns>
    public ScheduleListing GetOrList(string methodKey, LoomTheorySettings settings, Func<ScheduleListing> list)
    {
        if (TryGet(methodKey, settings, out var cached))
            return cached;
        var listing = list();
        // A listing that could not be made is not cached: the reason (a missing fixture, a crash) may be transient.
        // A stall is kept: it is this build's, and listing again would cost another StallTimeout and another thread
        // left behind at every discovery.
        if (listing.Schedules.Count > 0 || listing.Problem is not null)
            Put(methodKey, settings, listing);
        return listing;
    }

    private string EntryPath(string methodKey, LoomTheorySettings settings) =>
        Path.Combine(_folder, Hash(_assemblyKey + "\n" + methodKey + "\n" + settings.ToText())[..32] + ".txt");

    private IEnumerable<string> Format(string methodKey, LoomTheorySettings settings, ScheduleListing listing)
    {
        yield return Magic;
        yield return "assembly " + _assemblyKey;
        yield return "method " + methodKey;
        yield return "settings " + settings.ToText();
        yield return "complete " + (listing.Complete ? "true" : "false");
        yield return "note " + Uri.EscapeDataString(listing.Note ?? "");
        yield return "problem " + Uri.EscapeDataString(listing.Problem ?? "");
        yield return "schedules " + listing.Schedules.Count.ToString(CultureInfo.InvariantCulture);
        foreach (var schedule in listing.Schedules)
            yield return schedule;
    }

    private bool TryParse(string[] lines, string methodKey, LoomTheorySettings settings, out ScheduleListing listing)
    {
        listing = null!;
        const int headerLines = 8;
        if (lines.Length < headerLines || lines[0] != Magic
            || lines[1] != "assembly " + _assemblyKey
            || lines[2] != "method " + methodKey
            || lines[3] != "settings " + settings.ToText()
            || !lines[4].StartsWith("complete ", StringComparison.Ordinal)
            || !lines[5].StartsWith("note ", StringComparison.Ordinal)
            || !lines[6].StartsWith("problem ", StringComparison.Ordinal)
            || !lines[7].StartsWith("schedules ", StringComparison.Ordinal)
            || !int.TryParse(lines[7].AsSpan("schedules ".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || lines.Length != headerLines + count)
        {
            return false;
        }
        var schedules = lines.Skip(headerLines).ToArray();
        if (schedules.Any(s => !ScheduleId.TryParse(s, out _, out _)))
            return false;
        var note = Uri.UnescapeDataString(lines[5]["note ".Length..]);
        var problem = Uri.UnescapeDataString(lines[6]["problem ".Length..]);
        listing = new ScheduleListing(schedules, lines[4] == "complete true", note.Length == 0 ? null : note) { Problem = problem.Length == 0 ? null : problem };
        return true;
    }

    private void PruneOtherBuilds()
    {
        if (_pruned)
            return;
        _pruned = true;
        foreach (var file in Directory.EnumerateFiles(_folder, "*.txt"))
        {
            try
            {
                using var reader = new StreamReader(file);
                reader.ReadLine();
                if (reader.ReadLine() != "assembly " + _assemblyKey)
                {
                    reader.Dispose();
                    File.Delete(file);
                }
            }
            catch (IOException)
            {
                // Another discovery is using it; leave it for the next prune.
            }
        }
    }

    private static string Hash(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}
