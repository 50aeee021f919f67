using System.Collections.Generic;
using System.Linq;

namespace Loom.Rewriting.Passes;

/// <summary>
/// What the passes did to one assembly: sites redirected per concern, calls left as they were, and calls into
/// assemblies Loom does not see.
/// </summary>
internal sealed class RewriteReport
{
    private readonly SortedDictionary<string, int> _sites = new(System.StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _leftAsIs = new(System.StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _unseenCalls = new(System.StringComparer.OrdinalIgnoreCase);

    /// <summary>Call sites redirected to a stand-in, by concern.</summary>
    public IReadOnlyDictionary<string, int> Sites => _sites;

    /// <summary>
    /// Calls of members of intercepted types that have no stand-in (or that the rewriter cannot redirect), by
    /// member and reason; they run as the BCL's inside an execution too.
    /// </summary>
    public IReadOnlyDictionary<string, int> LeftAsIs => _leftAsIs;

    /// <summary>Calls into assemblies Loom does not see, marked for the run to report, by assembly.</summary>
    public IReadOnlyDictionary<string, int> UnseenCalls => _unseenCalls;

    public int TotalSites => _sites.Values.Sum();

    public void Redirected(string concern) => _sites[concern] = _sites.GetValueOrDefault(concern) + 1;

    public void Left(string what) => _leftAsIs[what] = _leftAsIs.GetValueOrDefault(what) + 1;

    public void Marked(string assembly) => _unseenCalls[assembly] = _unseenCalls.GetValueOrDefault(assembly) + 1;
}
