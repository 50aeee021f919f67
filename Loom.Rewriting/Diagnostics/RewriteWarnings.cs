namespace Loom.Rewriting;

/// <summary>
/// The rewriter's warning codes (docs/rewriting.md, "Code Loom did not see"). They are MSBuild warnings: a project's
/// <c>TreatWarningsAsErrors</c> leaves them warnings (it is the compiler's), <c>NoWarn</c> silences one, and
/// <c>WarningsAsErrors</c> (or <c>-warnaserror</c>) makes one an error.
/// </summary>
internal static class RewriteWarnings
{
    /// <summary>An assembly that is not rewritten calls System.Threading, tasks, timers or the clock, and rewritten code calls it.</summary>
    public const string UnseenAssembly = "LOOM2001";
}
