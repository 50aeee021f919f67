namespace Loom.Coverage.Catalog;

/// <summary>The lines between a BEGIN marker and its END marker.</summary>
/// <param name="Begin">The BEGIN marker.</param>
/// <param name="EndLine">The 1-based line of the END marker.</param>
internal sealed record MarkedRegion(Marker Begin, int EndLine)
{
    public bool Contains(int line) => line > Begin.Line && line < EndLine;
}
