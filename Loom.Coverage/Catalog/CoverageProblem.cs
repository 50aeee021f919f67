namespace Loom.Coverage.Catalog;

/// <summary>
/// Something the report could not read or had to skip, said plainly: a marker with no reason, a project that
/// does not compile, a missing Coverlet file. The report still covers everything else.
/// </summary>
/// <param name="Kind">Where it came from: <c>marker</c>, <c>source</c>, <c>coverlet</c> or <c>loom-record</c>.</param>
/// <param name="File">The file concerned, if any.</param>
/// <param name="Line">The 1-based line concerned, or 0.</param>
/// <param name="Message">What happened, what was skipped, and what to do.</param>
public sealed record CoverageProblem(string Kind, string? File, int Line, string Message)
{
    /// <summary>The problem as one line: <c>file:line: message</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        File is null ? $"{Kind}: {Message}" : Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
