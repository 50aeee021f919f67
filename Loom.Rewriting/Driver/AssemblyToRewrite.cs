namespace Loom.Rewriting.Driver;

/// <summary>One assembly of the request: its original, where its rewritten copy goes, and why it is there.</summary>
/// <param name="Kind">Where it comes from.</param>
/// <param name="Source">The original (obj/ for the test assembly, the referenced project's or the package's file).</param>
/// <param name="Destination">Its place in the test project's output folder, which alone is rewritten.</param>
/// <param name="Named">Whether the user named it (<c>LoomRewriteAssembly</c>), so refusing it is an error.</param>
internal sealed record AssemblyToRewrite(AssemblyKind Kind, string Source, string Destination, bool Named);
