using System;
using System.Linq;

namespace Loom.Runtime;

/// <summary>Short type names for traces: <c>int</c>, <c>object</c>, <c>Dictionary&lt;string, int&gt;</c>.</summary>
internal static class TypeNames
{
    /// <summary>The short name of <typeparamref name="T"/>, computed once.</summary>
    public static string Of<T>() => Cache<T>.Value;

    /// <summary>The short name of a type, with its generic arguments.</summary>
    public static string Of(Type type)
    {
        if (Keyword(type) is { } keyword)
            return keyword;
        if (type.IsArray)
            return Of(type.GetElementType()!) + "[]";
        if (!type.IsGenericType)
            return type.Name;
        var name = type.Name;
        var tick = name.IndexOf('`');
        return $"{(tick < 0 ? name : name[..tick])}<{string.Join(", ", type.GetGenericArguments().Select(Of))}>";
    }

    private static string? Keyword(Type t) =>
        t == typeof(int) ? "int"
        : t == typeof(long) ? "long"
        : t == typeof(uint) ? "uint"
        : t == typeof(ulong) ? "ulong"
        : t == typeof(short) ? "short"
        : t == typeof(ushort) ? "ushort"
        : t == typeof(byte) ? "byte"
        : t == typeof(sbyte) ? "sbyte"
        : t == typeof(bool) ? "bool"
        : t == typeof(float) ? "float"
        : t == typeof(double) ? "double"
        : t == typeof(nint) ? "nint"
        : t == typeof(nuint) ? "nuint"
        : t == typeof(object) ? "object"
        : t == typeof(string) ? "string"
        : null;

    private static class Cache<T>
    {
        public static readonly string Value = Of(typeof(T));
    }
}
