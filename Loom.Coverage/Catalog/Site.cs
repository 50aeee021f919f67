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
public sealed record Site(SiteCategory Category, string File, int Line, string Member, IReadOnlyList<string> Apis, string? Reason = null);
