using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Loom.Coverage.Catalog;

/// <summary>
/// Scans one source file of a compilation for sites, with the file's own markers. Files are independent (every
/// site's key holds its file), so <see cref="SiteScanner"/> runs one of these per file, in parallel.
/// </summary>
internal sealed class TreeScanner
{
    private const string ExcludeFromCodeCoverage = "System.Diagnostics.CodeAnalysis.ExcludeFromCodeCoverageAttribute";

    private readonly SemanticModel _model;
    private readonly SyntaxTree _tree;
    private readonly Dictionary<(SiteCategory, string, int), SiteBuilder> _sites = new();
    private readonly Dictionary<(SiteCategory, string, int), (SiteBuilder Site, string Reason)> _excluded = new();
    private readonly List<CoverageProblem> _problems = [];

    public TreeScanner(SemanticModel model, SyntaxTree tree)
    {
        _model = model;
        _tree = tree;
    }

    public IEnumerable<Site> Sites => _sites.Values.Select(s => s.ToSite());

    public IEnumerable<ExcludedSite> Excluded => _excluded.Values.Select(e => new ExcludedSite(e.Site.ToSite(), e.Reason));

    public IReadOnlyList<CoverageProblem> Problems => _problems;

    /// <summary>Finds the file's sites; call once.</summary>
    public TreeScanner Scan()
    {
        var (model, tree) = (_model, _tree);
        var markers = SourceMarkers.Read(tree);
        _problems.AddRange(markers.Problems);
        var root = tree.GetRoot();
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case LockStatementSyntax lockStatement:
                    Found(model, markers, SiteCategory.Sync, "lock", lockStatement.LockKeyword.GetLocation(), lockStatement.SpanStart);
                    break;
                case InvocationExpressionSyntax invocation:
                    ScanInvocation(model, markers, invocation);
                    break;
                case BaseObjectCreationExpressionSyntax creation:
                    if (Bound(model.GetSymbolInfo(creation)) is IMethodSymbol constructor && SiteRules.TryClassify(constructor, out var category, out var api))
                        Found(model, markers, category, api, creation.NewKeyword.GetLocation(), creation.SpanStart);
                    break;
                case IdentifierNameSyntax identifier:
                    ScanMemberReference(model, markers, identifier);
                    break;
            }
        }
        foreach (var marker in markers.RetryLines)
            RetryLine(model, markers, marker);
        foreach (var region in markers.RetryRegions)
            RetryRegion(model, markers, region, root);
        return this;
    }

    private void ScanInvocation(SemanticModel model, SourceMarkers markers, InvocationExpressionSyntax invocation)
    {
        if (Bound(model.GetSymbolInfo(invocation)) is not IMethodSymbol method)
            return;
        // Loom's mirror reports a call at the line of the called member's name (CallerLineNumber), so the site does too.
        var (name, receiver) = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => (access.Name, model.GetTypeInfo(access.Expression).Type),
            MemberBindingExpressionSyntax binding => (binding.Name, (ITypeSymbol?)null),
            SimpleNameSyntax simple => (simple, (ITypeSymbol?)null),
            _ => ((SyntaxNode)invocation.Expression, (ITypeSymbol?)null),
        };
        if (SiteRules.TryClassify(method, out var category, out var api, receiver))
            Found(model, markers, category, api, name.GetLocation(), invocation.SpanStart);
    }

    private void ScanMemberReference(SemanticModel model, SourceMarkers markers, IdentifierNameSyntax identifier)
    {
        var symbol = Bound(model.GetSymbolInfo(identifier));
        if (symbol is not (IPropertySymbol or IFieldSymbol) || identifier.Parent is NameColonSyntax)
            return;
        if (IsInsideNameof(identifier))
            return;
        var receiver = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? model.GetTypeInfo(access.Expression).Type : null;
        if (SiteRules.TryClassify(symbol, out var category, out var api, receiver))
            Found(model, markers, category, api, identifier.GetLocation(), identifier.SpanStart);
    }

    private void RetryLine(SemanticModel model, SourceMarkers markers, Marker marker)
    {
        // A comment at the end of a line belongs to that line's last token; a comment on a line of its own, to the next token.
        var token = marker.Comment.Token;
        if (token.IsKind(SyntaxKind.CloseBraceToken) && token.LeadingTrivia.Contains(marker.Comment) || token.IsKind(SyntaxKind.EndOfFileToken))
        {
            _problems.Add(new CoverageProblem("marker", markers.File, marker.Line, "LOOM-RETRY stands before no statement (the end of a block or file); it marks no retry site. Put it on, or just above, the line that retries."));
            return;
        }
        var statement = token.Parent?.AncestorsAndSelf().OfType<StatementSyntax>().FirstOrDefault();
        var last = statement is null ? LineOf(token.GetLocation()) : statement.GetLocation().GetLineSpan().EndLinePosition.Line + 1;
        Found(model, markers, SiteCategory.Retry, "LOOM-RETRY", token.GetLocation(), token.SpanStart, marker.Reason, last);
    }

    private void RetryRegion(SemanticModel model, SourceMarkers markers, MarkedRegion region, SyntaxNode root)
    {
        var loop = root.DescendantNodes()
            .Where(n => n is ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax)
            .FirstOrDefault(n => region.Contains(LineOf(n.GetLocation())));
        if (loop is null)
        {
            _problems.Add(new CoverageProblem("marker", markers.File, region.Begin.Line, $"LOOM-RETRY-BEGIN (closed at line {region.EndLine}) encloses no loop; it marks no retry site. Put the region around the retry loop."));
            return;
        }
        // The loop's first executable line: the first statement of its body, which runs on every attempt.
        var body = loop switch
        {
            ForStatementSyntax f => f.Statement,
            ForEachStatementSyntax f => f.Statement,
            WhileStatementSyntax w => w.Statement,
            _ => ((DoStatementSyntax)loop).Statement,
        };
        SyntaxNode first = body is BlockSyntax { Statements.Count: > 0 } block ? block.Statements[0] : body is BlockSyntax ? loop : body;
        Found(model, markers, SiteCategory.Retry, "LOOM-RETRY-BEGIN", first.GetLocation(), first.SpanStart, region.Begin.Reason, loop.GetLocation().GetLineSpan().EndLinePosition.Line + 1);
    }

    private void Found(SemanticModel model, SourceMarkers markers, SiteCategory category, string api, Location location, int position, string? reason = null, int lastLine = 0)
    {
        var line = LineOf(location);
        var file = markers.File;
        var enclosing = model.GetEnclosingSymbol(position);
        var key = (category, file, line);

        string? exclusion = null;
        foreach (var region in markers.Exclusions)
        {
            if (region.Contains(line))
            {
                exclusion = $"LOOM-EXCLUDE-BEGIN (line {region.Begin.Line}): {region.Begin.Reason}";
                break;
            }
        }
        exclusion ??= ExcludedByAttribute(enclosing);

        if (exclusion is not null)
        {
            if (!_excluded.TryGetValue(key, out var excluded))
                _excluded[key] = excluded = (new SiteBuilder(category, file, line, MemberName(enclosing), reason, lastLine), exclusion);
            excluded.Site.AddApi(api);
            return;
        }
        if (!_sites.TryGetValue(key, out var site))
            _sites[key] = site = new SiteBuilder(category, file, line, MemberName(enclosing), reason, lastLine);
        site.AddApi(api);
    }

    private static string? ExcludedByAttribute(ISymbol? symbol)
    {
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            foreach (var candidate in new[] { current, (current as IMethodSymbol)?.AssociatedSymbol })
            {
                if (candidate?.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == ExcludeFromCodeCoverage) == true)
                    return $"[ExcludeFromCodeCoverage] on {candidate.Name}";
            }
        }
        return null;
    }

    /// <summary>The member a user wrote: lambdas and local functions are named by the member they are in.</summary>
    private static string MemberName(ISymbol? symbol)
    {
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } || symbol is IMethodSymbol { AssociatedSymbol: not null })
            symbol = symbol is IMethodSymbol { AssociatedSymbol: { } property } ? property : symbol.ContainingSymbol;
        if (symbol is null)
            return "";
        if (symbol is INamedTypeSymbol type)
            return type.ToDisplayString();
        var name = symbol is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } ? symbol.ContainingType.Name : symbol.Name;
        return $"{symbol.ContainingType?.ToDisplayString()}.{name}";
    }

    private static ISymbol? Bound(SymbolInfo info) =>
        info.Symbol ?? (info.CandidateSymbols.Length > 0 && info.CandidateReason is CandidateReason.OverloadResolutionFailure or CandidateReason.Ambiguous ? info.CandidateSymbols[0] : null);

    private static bool IsInsideNameof(SyntaxNode node) =>
        node.Ancestors().OfType<InvocationExpressionSyntax>().Any(i => i.Expression is IdentifierNameSyntax { Identifier.Text: "nameof" });

    private static int LineOf(Location location) => location.GetLineSpan().StartLinePosition.Line + 1;

    private sealed class SiteBuilder(SiteCategory category, string file, int line, string member, string? reason, int lastLine)
    {
        private readonly List<string> _apis = [];

        public void AddApi(string api)
        {
            if (!_apis.Contains(api))
                _apis.Add(api);
        }

        public Site ToSite() => new(category, file, line, member, _apis.ToList(), reason, lastLine);
    }
}
