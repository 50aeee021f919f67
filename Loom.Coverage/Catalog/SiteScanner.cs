using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Loom.Coverage.Catalog;

/// <summary>
/// Builds the site catalog from C# compilations. Code is classified by the symbol it binds to, never by its
/// text, so an alias (<c>using Interlocked = Loom.Threading.Interlocked;</c>), a <c>using static</c>, or a local
/// type that happens to be called <c>Interlocked</c> is read for what it is.
/// </summary>
public sealed class SiteScanner
{
    private readonly List<Site> _sites = [];
    private readonly List<ExcludedSite> _excluded = [];
    private readonly List<CoverageProblem> _problems = [];
    private readonly SortedSet<string> _files = new(StringComparer.Ordinal);

    /// <summary>Scans the source files of a compilation that have a path.</summary>
    /// <param name="compilation">The compilation; it need not be free of errors, since code that binds is still read.</param>
    /// <param name="scan">Which files to scan, for example not generated ones; <see langword="null"/> for all.</param>
    public void Add(CSharpCompilation compilation, Func<SyntaxTree, bool>? scan = null)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        var trees = compilation.SyntaxTrees
            .Where(tree => !string.IsNullOrEmpty(tree.FilePath) && scan?.Invoke(tree) != false && _files.Add(tree.FilePath))
            .ToList();
        // Binding is the cost, and files bind independently: one scanner per file, on every core, merged in file order.
        var scanned = new TreeScanner[trees.Count];
        Parallel.For(0, trees.Count, i => scanned[i] = new TreeScanner(compilation.GetSemanticModel(trees[i], ignoreAccessibility: true), trees[i]).Scan());
        foreach (var tree in scanned)
        {
            _sites.AddRange(tree.Sites);
            _excluded.AddRange(tree.Excluded);
            _problems.AddRange(tree.Problems);
        }
    }

    /// <summary>Records something that could not be scanned, so the report says so.</summary>
    /// <param name="problem">The problem.</param>
    public void AddProblem(CoverageProblem problem) => _problems.Add(problem);

    /// <summary>The catalog of everything scanned so far.</summary>
    /// <returns>Sites ordered by file, line and category.</returns>
    public SiteCatalog Build()
    {
        var sites = _sites.OrderBy(s => s.File, StringComparer.Ordinal).ThenBy(s => s.Line).ThenBy(s => s.Category).ToList();
        var excluded = _excluded
            .OrderBy(e => e.Site.File, StringComparer.Ordinal).ThenBy(e => e.Site.Line).ThenBy(e => e.Site.Category).ToList();
        return new SiteCatalog(sites, excluded, _problems.ToList(), _files.ToList());
    }
}
