namespace Loom.Runtime;

/// <summary>
/// A memory location the model reaches by reference (a field passed to Interlocked or Volatile), named by the
/// expression the code passed, for traces.
/// </summary>
internal sealed class MemoryLocation : ModelObject
{
    public MemoryLocation(Execution execution, string kind, string? name)
        : base(execution, kind)
    {
        Name = string.IsNullOrEmpty(name) ? null : name;
    }

    /// <summary>The expression that named the location at its first use, if the compiler provided it.</summary>
    public string? Name { get; }

    /// <inheritdoc />
    public override string ToString() => Name is null ? base.ToString() : $"{Name} ({Kind}#{Id})";
}
