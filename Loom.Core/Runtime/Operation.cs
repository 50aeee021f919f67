namespace Loom.Runtime;

/// <summary>
/// A visible operation a logical thread is about to perform at a scheduling point: the API it called, what it
/// touches and how, and where in the source it was called.
/// </summary>
internal readonly struct Operation
{
    public Operation(string name, AccessKind access, ModelObject? target, string? file, int line, OperationFlags flags = OperationFlags.None)
    {
        Name = name;
        Access = access;
        Target = target;
        File = file;
        Line = line;
        Flags = flags;
    }

    /// <summary>The API the code called, for example <c>Interlocked.CompareExchange</c>.</summary>
    public string Name { get; }

    /// <summary>How the operation touches <see cref="Target"/>.</summary>
    public AccessKind Access { get; }

    /// <summary>The object or memory location touched, or <see langword="null"/> for none.</summary>
    public ModelObject? Target { get; }

    /// <summary>The caller's source file (from <c>CallerFilePath</c>), if known.</summary>
    public string? File { get; }

    /// <summary>The caller's source line, or 0 if unknown.</summary>
    public int Line { get; }

    /// <summary>Scheduling hints.</summary>
    public OperationFlags Flags { get; }

    /// <summary>Whether the two operations do not commute: reordering them can change what the program observes.</summary>
    public static bool Conflict(in Operation a, in Operation b)
    {
        if (a.Target is null || !ReferenceEquals(a.Target, b.Target))
            return false;
        return (a.Access, b.Access) switch
        {
            (AccessKind.None, _) or (_, AccessKind.None) => false,
            (AccessKind.Read, AccessKind.Read) => false,
            (AccessKind.Release, AccessKind.Release) => false,
            (AccessKind.Acquire, AccessKind.Release) or (AccessKind.Release, AccessKind.Acquire) => false,
            _ => true,
        };
    }

    /// <summary>The location as <c>File.cs:42</c>, or an empty string if unknown.</summary>
    public string Location => SourceText.Location(File, Line);
}
