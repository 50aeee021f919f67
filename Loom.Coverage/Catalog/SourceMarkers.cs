using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Loom.Coverage.Catalog;

/// <summary>
/// Reads the LOOM-RETRY and LOOM-EXCLUDE markers of one source file and pairs their regions. Every marker needs
/// a reason after a colon; a marker without one, an END without a BEGIN, a BEGIN never closed and a region
/// inside another of its kind are warnings with file and line, and the marker is ignored (so an exclusion that
/// is not well formed never hides a site).
/// </summary>
internal sealed partial class SourceMarkers
{
    private SourceMarkers(string file)
    {
        File = file;
    }

    public string File { get; }

    /// <summary>Single-line retry markers with a reason.</summary>
    public List<Marker> RetryLines { get; } = [];

    /// <summary>Well-formed retry regions with a reason.</summary>
    public List<MarkedRegion> RetryRegions { get; } = [];

    /// <summary>Well-formed exclusion regions with a reason.</summary>
    public List<MarkedRegion> Exclusions { get; } = [];

    public List<CoverageProblem> Problems { get; } = [];

    public static SourceMarkers Read(SyntaxTree tree)
    {
        var markers = new SourceMarkers(tree.FilePath);
        var openRetry = (Marker?)null;
        var openExclude = (Marker?)null;
        foreach (var trivia in tree.GetRoot().DescendantTrivia(descendIntoTrivia: true))
        {
            if (!trivia.IsKind(SyntaxKind.SingleLineCommentTrivia))
                continue;
            var text = trivia.ToString();
            var match = MarkerPattern().Match(text);
            if (!match.Success)
            {
                if (LooksLikeMarker().IsMatch(text))
                    markers.Warn(trivia, $"'{text.Trim()}' looks like a Loom marker but is not one; the markers are LOOM-RETRY, LOOM-RETRY-BEGIN, LOOM-RETRY-END, LOOM-EXCLUDE-BEGIN and LOOM-EXCLUDE-END. It was ignored.");
                continue;
            }
            var kind = match.Groups["kind"].Value switch
            {
                "RETRY" => MarkerKind.Retry,
                "RETRY-BEGIN" => MarkerKind.RetryBegin,
                "RETRY-END" => MarkerKind.RetryEnd,
                "EXCLUDE-BEGIN" => MarkerKind.ExcludeBegin,
                _ => MarkerKind.ExcludeEnd,
            };
            var marker = new Marker(kind, LineOf(trivia), match.Groups["reason"].Value.Trim(), trivia);
            switch (kind)
            {
                case MarkerKind.Retry:
                    if (markers.HasReason(marker))
                        markers.RetryLines.Add(marker);
                    break;
                case MarkerKind.RetryBegin:
                    markers.Begin(ref openRetry, marker);
                    break;
                case MarkerKind.ExcludeBegin:
                    markers.Begin(ref openExclude, marker);
                    break;
                case MarkerKind.RetryEnd:
                    markers.End(ref openRetry, marker, markers.RetryRegions);
                    break;
                case MarkerKind.ExcludeEnd:
                    markers.End(ref openExclude, marker, markers.Exclusions);
                    break;
            }
        }
        if (openRetry is not null)
            markers.Warn(openRetry.Comment, "LOOM-RETRY-BEGIN is never closed by // LOOM-RETRY-END; the region was ignored, so it marks no retry site.");
        if (openExclude is not null)
            markers.Warn(openExclude.Comment, "LOOM-EXCLUDE-BEGIN is never closed by // LOOM-EXCLUDE-END; the region was ignored, so its sites still count.");
        return markers;
    }

    private void Begin(ref Marker? open, Marker marker)
    {
        if (open is not null)
        {
            Warn(marker.Comment, $"LOOM-{Name(marker.Kind)} is nested in the region opened at line {open.Line}; regions do not nest, so this marker was ignored.");
            return;
        }
        // A region without a reason is still paired with its END (so the END is not reported as unmatched), then dropped.
        open = marker;
    }

    private void End(ref Marker? open, Marker marker, List<MarkedRegion> regions)
    {
        if (open is null)
        {
            Warn(marker.Comment, $"LOOM-{Name(marker.Kind)} has no matching BEGIN marker above it; it was ignored.");
            return;
        }
        if (HasReason(open))
            regions.Add(new MarkedRegion(open, marker.Line));
        open = null;
    }

    private bool HasReason(Marker marker)
    {
        if (marker.Reason.Length > 0)
            return true;
        var effect = marker.Kind switch
        {
            MarkerKind.ExcludeBegin => "its sites still count",
            _ => "it marks no retry site",
        };
        Warn(marker.Comment, $"LOOM-{Name(marker.Kind)} gives no reason; write '// LOOM-{Name(marker.Kind)}: why'. The marker was ignored, so {effect}.");
        return false;
    }

    private void Warn(SyntaxTrivia trivia, string message) => Problems.Add(new CoverageProblem("marker", File, LineOf(trivia), message));

    private static int LineOf(SyntaxTrivia trivia) => trivia.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    private static string Name(MarkerKind kind) => kind switch
    {
        MarkerKind.Retry => "RETRY",
        MarkerKind.RetryBegin => "RETRY-BEGIN",
        MarkerKind.RetryEnd => "RETRY-END",
        MarkerKind.ExcludeBegin => "EXCLUDE-BEGIN",
        MarkerKind.ExcludeEnd => "EXCLUDE-END",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    // "// LOOM-RETRY: why", "// LOOM-EXCLUDE-END"; the reason is optional here so that its absence can be reported.
    [GeneratedRegex(@"^//\s*LOOM-(?<kind>RETRY-BEGIN|RETRY-END|RETRY|EXCLUDE-BEGIN|EXCLUDE-END)\s*(?:$|:(?<reason>.*)$)", RegexOptions.CultureInvariant)]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"^//\s*LOOM-[A-Z]", RegexOptions.CultureInvariant)]
    private static partial Regex LooksLikeMarker();
}
