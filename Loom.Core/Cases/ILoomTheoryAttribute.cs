namespace Loom.Cases;

/// <summary>
/// What every adapter's <c>[LoomTheory]</c> attribute tells the shared case layer about itself without being
/// asked through its framework: lets discovery of one theory see the other theories of its assembly (to tell a
/// regressions line that names a deleted or renamed theory from one that names a live one).
/// </summary>
public interface ILoomTheoryAttribute
{
    /// <summary>The source file the attribute was written in, as the compiler recorded it; the regressions file lives beside it.</summary>
    string? SourceFilePath { get; }
}
