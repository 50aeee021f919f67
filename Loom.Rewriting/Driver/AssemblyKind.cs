namespace Loom.Rewriting.Driver;

/// <summary>Where an assembly in the test project's output comes from, which decides whether it is rewritten.</summary>
internal enum AssemblyKind
{
    /// <summary>The test assembly itself: always rewritten.</summary>
    Test,

    /// <summary>An assembly of a project reference: rewritten by default.</summary>
    Project,

    /// <summary>A package assembly named by <c>LoomRewriteAssembly</c>, or any with <c>LoomRewritePackages=all</c>.</summary>
    Package,
}
