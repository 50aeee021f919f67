namespace Loom.Rewriting.Passes.Fields;

/// <summary>What the fields pass does with one field access.</summary>
internal enum FieldVerdict
{
    /// <summary>Rewritten to its stand-in.</summary>
    Tracked,

    /// <summary>Left as written, by one of the rules (not counted or reported).</summary>
    Skipped,

    /// <summary>Left as written because the field's declaration cannot be read (reported).</summary>
    Unresolved,
}
