using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Loom.Rewriting.Driver;

/// <summary>
/// What the build asks the rewriter to do, read from the response file the build files write: one instruction per
/// line, fields separated by tabs (paths may hold spaces and semicolons, never tabs):
/// <code>
/// standins  PATH                          Loom.Core.dll, whose [Intercepts] classes are the stand-ins
/// cache     DIR                           the cache folder in obj/
/// rewrite   test|project  SOURCE  DESTINATION   the test assembly, and each project reference's
/// package   SOURCE  DESTINATION           a package assembly of the output, rewritten if named or if all are,
///                                         otherwise scanned for code Loom does not see
/// named     ASSEMBLYNAME                  a LoomRewriteAssembly item
/// packages  all|named                     LoomRewritePackages: every package assembly, or the named ones only
/// </code>
/// </summary>
internal sealed class RewriteRequest
{
    public string StandIns { get; private set; } = "";

    public string Cache { get; private set; } = "";

    public List<AssemblyToRewrite> Assemblies { get; } = new();

    /// <summary>The assembly names the user's <c>LoomRewriteAssembly</c> items give.</summary>
    public List<string> Named { get; } = new();

    /// <summary>The package assemblies of the output that are not to be rewritten (not named, and not all packages are).</summary>
    public List<string> NotRewritten { get; } = new();

    /// <summary>Whether every package assembly is rewritten (<c>LoomRewritePackages=all</c>), not only the named ones.</summary>
    public bool AllPackages { get; private set; }

    /// <exception cref="RewriteException">A line is not understood, or a required line is missing.</exception>
    public static RewriteRequest Parse(IEnumerable<string> lines)
    {
        var request = new RewriteRequest();
        var number = 0;
        var packages = new List<(string Source, string Destination)>();
        foreach (var raw in lines)
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
                continue;
            var fields = line.Split('\t');
            switch (fields[0])
            {
                case "standins" when fields.Length == 2:
                    request.StandIns = fields[1];
                    break;
                case "cache" when fields.Length == 2:
                    request.Cache = fields[1];
                    break;
                case "named" when fields.Length == 2:
                    request.Named.Add(fields[1]);
                    break;
                case "rewrite" when fields.Length == 4 && fields[1] is "test" or "project":
                    request.Assemblies.Add(new AssemblyToRewrite(fields[1] == "test" ? AssemblyKind.Test : AssemblyKind.Project, fields[2], fields[3], Named: false));
                    break;
                case "package" when fields.Length == 3:
                    packages.Add((fields[1], fields[2]));
                    break;
                case "packages" when fields.Length == 2 && fields[1] is "all" or "named":
                    request.AllPackages = fields[1] == "all";
                    break;
                default:
                    throw new RewriteException(RewriteErrors.BadArguments, $"line {number} of the rewriter's request is not understood: \"{line}\".");
            }
        }
        foreach (var (source, destination) in packages)
        {
            var named = request.Named.Contains(Path.GetFileNameWithoutExtension(source), StringComparer.OrdinalIgnoreCase);
            if (named || request.AllPackages)
                request.Assemblies.Add(new AssemblyToRewrite(AssemblyKind.Package, source, destination, named));
            else
                request.NotRewritten.Add(source);
        }
        if (request.StandIns.Length == 0 || request.Cache.Length == 0)
            throw new RewriteException(RewriteErrors.BadArguments, "the rewriter's request names no Loom.Core (standins) or no cache folder (cache).");
        if (!File.Exists(request.StandIns))
            throw new RewriteException(RewriteErrors.StandInsUnreadable, $"Loom.Core, which holds the stand-ins, is not at {request.StandIns}.");
        return request;
    }
}
