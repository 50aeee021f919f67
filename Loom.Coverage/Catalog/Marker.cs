using Microsoft.CodeAnalysis;

namespace Loom.Coverage.Catalog;

/// <summary>One marker comment found in a source file.</summary>
/// <param name="Kind">Which marker.</param>
/// <param name="Line">The 1-based line of the comment.</param>
/// <param name="Reason">The text after the colon, trimmed; empty when the marker gives none.</param>
/// <param name="Comment">The comment itself, whose token tells which code it stands beside.</param>
internal sealed record Marker(MarkerKind Kind, int Line, string Reason, SyntaxTrivia Comment);
