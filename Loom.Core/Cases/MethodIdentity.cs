using System;

namespace Loom.Cases;

/// <summary>Which test method a case belongs to, as the shared case layer needs to know it.</summary>
/// <param name="TypeFullName">The test class's full name (<c>Namespace.Class</c>, nested classes with <c>+</c>).</param>
/// <param name="MethodName">The test method's name.</param>
/// <param name="SourceFilePath">The method's source file, if the compiler recorded it.</param>
public sealed record MethodIdentity(string TypeFullName, string MethodName, string? SourceFilePath)
{
    /// <summary>The method's key in regressions files and the case cache: <c>Namespace.Class.Method</c>.</summary>
    public string Key => TypeFullName + "." + MethodName;

    /// <summary>The regressions file beside the source, or <see langword="null"/> when the source is unknown.</summary>
    public string? RegressionsPath =>
        string.IsNullOrEmpty(SourceFilePath) ? null : RegressionFile.PathFor(SourceFilePath);

    /// <summary>The class name without its namespace, as shown in failure texts.</summary>
    public string ShortName
    {
        get
        {
            var dot = TypeFullName.LastIndexOf('.');
            return (dot < 0 ? TypeFullName : TypeFullName[(dot + 1)..]).Replace('+', '.') + "." + MethodName;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Key;

    /// <summary>Throws when a part is missing.</summary>
    /// <exception cref="ArgumentException">The type or method name is empty.</exception>
    public void EnsureComplete()
    {
        ArgumentException.ThrowIfNullOrEmpty(TypeFullName);
        ArgumentException.ThrowIfNullOrEmpty(MethodName);
    }
}
