using System.IO;

namespace Loom.Runtime;

/// <summary>Formats source locations the same way everywhere in reports.</summary>
internal static class SourceText
{
    /// <summary>The location as <c>File.cs:42</c>, or an empty string if unknown.</summary>
    public static string Location(string? file, int line)
    {
        if (string.IsNullOrEmpty(file))
            return line > 0 ? $"line {line}" : "";
        var name = Path.GetFileName(file.Replace('\\', '/'));
        return line > 0 ? $"{name}:{line}" : name;
    }
}
