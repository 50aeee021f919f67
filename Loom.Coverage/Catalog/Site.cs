using System.Collections.Generic;

namespace Loom.Coverage.Catalog;

/// <summary>
/// One place in the code under test that a Loom test should reach: a source line and the category of what
/// happens there. Several calls of one category on one line are one site (line coverage cannot tell them apart).
/// </summary>
/// <param name="Category">What kind of site it is.</param>
/// <param name="File">The full path of the source file, as the compiler saw it.</param>
/// <param name="Line">The 1-based line; for a call, the line of the called member's name (where Loom's mirror reports it).</param>
/// <param name="Member">The member the site is in, for example <c>Shop.Inventory.Reserve</c>.</param>
/// <param name="Apis">What is called there, for example <c>Interlocked.CompareExchange</c>, or the marker for a retry site.</param>
/// <param name="Reason">The reason a retry marker gives; <see langword="null"/> for other sites.</param>
/// <param name="LastLine">
/// For a retry site, the last line of the code it marks (the statement, or the whole loop): the retry ran under
/// Loom when Loom controlled an operation anywhere in it. Otherwise equal to <paramref name="Line"/>.
/// </param>
public sealed record Site(SiteCategory Category, string File, int Line, string Member, IReadOnlyList<string> Apis, string? Reason = null, int LastLine = 0)
{
    /// <summary>The last line of the code the site covers (at least <see cref="Line"/>).</summary>
    public int LastLine { get; init; } = LastLine < Line ? Line : LastLine;
}
