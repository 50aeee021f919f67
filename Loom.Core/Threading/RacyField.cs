using System.Runtime.CompilerServices;
using Loom.Runtime;

namespace Loom.Threading;

/// <summary>
/// A plain field that threads read and write without synchronization by design, as .NET allows for fields no
/// wider than a pointer: a flag polled in a loop, a lazily published reference, a racy cache. Outside a Loom
/// execution it is just the field. Inside one, every access is a scheduling point and a read may return any store
/// the .NET memory model allows (an older one than another thread just wrote), but races are not failures.
/// Use <see cref="TrackedField{T}"/> for data that must not be accessed concurrently.
/// <para>
/// Keep it in a mutable field (not <see langword="readonly"/>): Loom identifies the field by its address, and a
/// readonly struct field is copied on every access.
/// </para>
/// </summary>
/// <typeparam name="T">The field's type.</typeparam>
public struct RacyField<T>
{
    private T _value;

    /// <summary>Creates the field with an initial value.</summary>
    /// <param name="value">The initial value.</param>
    public RacyField(T value) => _value = value;

    /// <summary>Reads the field: inside an execution, a plain load that may return an older store.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The value.</returns>
    public T Read([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("RacyField.Read", file, line) is { } thread)
            return MemoryAccess.Load(thread, "RacyField.Read", ref _value, MemoryOrder.Plain, null, file, line);
        return _value;
    }

    /// <summary>Writes the field: inside an execution, a plain store.</summary>
    /// <param name="value">The value to store.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    public void Write(T value, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("RacyField.Write", file, line) is { } thread)
            MemoryAccess.Store(thread, "RacyField.Write", ref _value, value, MemoryOrder.Plain, null, file, line);
        else
            _value = value;
    }

    /// <inheritdoc />
    public override readonly string ToString() => _value?.ToString() ?? "";
}
