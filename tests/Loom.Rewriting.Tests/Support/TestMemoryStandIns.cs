namespace Loom.Rewriting.Tests.Support;

/// <summary>What the test field and array stand-ins saw, apart from <see cref="StandInLog"/> so the call tests' lists stay theirs.</summary>
public static class MemoryLog
{
    private static readonly AsyncLocal<List<string>?> s_accesses = new();
    private static readonly AsyncLocal<List<RuntimeFieldHandle>?> s_handles = new();

    /// <summary>Each access: the stand-in, the field's name (fields only) and the source line.</summary>
    public static List<string> Accesses => s_accesses.Value ??= new List<string>();

    /// <summary>The field handle each field access passed, in order.</summary>
    public static List<RuntimeFieldHandle> Handles => s_handles.Value ??= new List<RuntimeFieldHandle>();

    public static void Clear()
    {
        s_accesses.Value = new List<string>();
        s_handles.Value = new List<RuntimeFieldHandle>();
    }

    internal static void Field(string what, RuntimeFieldHandle handle, string name, string? file, int line)
    {
        Handles.Add(handle);
        Accesses.Add($"{what} {name} {Where(file, line)}".TrimEnd());
    }

    internal static void Element(string what, string? file, int line) => Accesses.Add($"{what} {Where(file, line)}".TrimEnd());

    private static string Where(string? file, int line) => file is null && line == 0 ? "" : $"{(file is null ? "-" : Path.GetFileName(file))}:{line}";
}

// The field and array stand-ins in Loom.Core's shape (the fields pass finds them by class and method name), each
// recording its access and then calling Loom.Core's own, which outside an execution is the plain access.

public static class FieldCalls
{
    public static T Read<T>(object owner, ref T field, RuntimeFieldHandle handle, string name, string? file, int line)
    {
        MemoryLog.Field("Read", handle, name, file, line);
        return global::Loom.Interception.FieldCalls.Read(owner, ref field, handle, name, file, line);
    }

    public static T ReadVolatile<T>(object owner, ref T field, RuntimeFieldHandle handle, string name, string? file, int line)
    {
        MemoryLog.Field("ReadVolatile", handle, name, file, line);
        return global::Loom.Interception.FieldCalls.ReadVolatile(owner, ref field, handle, name, file, line);
    }

    public static void Write<T>(object owner, ref T field, T value, RuntimeFieldHandle handle, string name, string? file, int line)
    {
        MemoryLog.Field("Write", handle, name, file, line);
        global::Loom.Interception.FieldCalls.Write(owner, ref field, value, handle, name, file, line);
    }

    public static void WriteVolatile<T>(object owner, ref T field, T value, RuntimeFieldHandle handle, string name, string? file, int line)
    {
        MemoryLog.Field("WriteVolatile", handle, name, file, line);
        global::Loom.Interception.FieldCalls.WriteVolatile(owner, ref field, value, handle, name, file, line);
    }

    public static ref T Address<T>(object owner, ref T field, RuntimeFieldHandle handle, string name)
    {
        MemoryLog.Field("Address", handle, name, null, 0);
        return ref global::Loom.Interception.FieldCalls.Address(owner, ref field, handle, name);
    }

    public static T ReadStatic<T>(ref T field, RuntimeFieldHandle handle, string name, string? file, int line)
    {
        MemoryLog.Field("ReadStatic", handle, name, file, line);
        return global::Loom.Interception.FieldCalls.ReadStatic(ref field, handle, name, file, line);
    }

    public static T ReadStaticVolatile<T>(ref T field, RuntimeFieldHandle handle, string name, string? file, int line)
    {
        MemoryLog.Field("ReadStaticVolatile", handle, name, file, line);
        return global::Loom.Interception.FieldCalls.ReadStaticVolatile(ref field, handle, name, file, line);
    }

    public static void WriteStatic<T>(ref T field, T value, RuntimeFieldHandle handle, string name, string? file, int line)
    {
        MemoryLog.Field("WriteStatic", handle, name, file, line);
        global::Loom.Interception.FieldCalls.WriteStatic(ref field, value, handle, name, file, line);
    }

    public static void WriteStaticVolatile<T>(ref T field, T value, RuntimeFieldHandle handle, string name, string? file, int line)
    {
        MemoryLog.Field("WriteStaticVolatile", handle, name, file, line);
        global::Loom.Interception.FieldCalls.WriteStaticVolatile(ref field, value, handle, name, file, line);
    }

    public static ref T AddressStatic<T>(ref T field, RuntimeFieldHandle handle, string name)
    {
        MemoryLog.Field("AddressStatic", handle, name, null, 0);
        return ref global::Loom.Interception.FieldCalls.AddressStatic(ref field, handle, name);
    }
}

public static class ArrayCalls
{
    public static T Read<T>(T[] array, nint index, string? file, int line)
    {
        MemoryLog.Element($"Read<{typeof(T).Name}>", file, line);
        return global::Loom.Interception.ArrayCalls.Read(array, index, file, line);
    }

    public static void Write<T>(T[] array, nint index, T value, string? file, int line)
    {
        MemoryLog.Element($"Write<{typeof(T).Name}>", file, line);
        global::Loom.Interception.ArrayCalls.Write(array, index, value, file, line);
    }

    public static ref T Address<T>(T[] array, nint index)
    {
        MemoryLog.Element($"Address<{typeof(T).Name}>", null, 0);
        return ref global::Loom.Interception.ArrayCalls.Address(array, index);
    }

    public static ref readonly T ReadOnlyAddress<T>(T[] array, nint index)
    {
        MemoryLog.Element($"ReadOnlyAddress<{typeof(T).Name}>", null, 0);
        return ref global::Loom.Interception.ArrayCalls.ReadOnlyAddress(array, index);
    }
}
