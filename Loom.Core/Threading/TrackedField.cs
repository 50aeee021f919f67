using System.Runtime.CompilerServices;
using Loom.Runtime;

namespace Loom.Threading;

/// <summary>
/// A plain, non-atomic field shared between threads that must never be accessed concurrently: the counterpart of
/// Rust loom's <c>UnsafeCell</c>. Outside a Loom execution it is just the field. Inside one, every access is a
/// scheduling point, a read may see any store the .NET memory model allows, and two conflicting accesses from
/// different threads with no happens-before between them (no lock, Volatile or Interlocked operation ordering
/// them) fail the execution as a data race naming both accesses.
/// <para>
/// Keep it in a mutable field (not <see langword="readonly"/>): Loom identifies the field by its address, and a
/// readonly struct field is copied on every access.
/// </para>
/// </summary>
/// <typeparam name="T">The field's type.</typeparam>
public struct TrackedField<T>
{
    private T _value;

    /// <summary>Creates the field with an initial value.</summary>
    /// <param name="value">The initial value.</param>
    public TrackedField(T value) => _value = value;

    /// <summary>Reads the field. Inside an execution, a plain load that is checked for data races.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The value.</returns>
    public T Read([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("TrackedField.Read", file, line) is { } thread)
            return MemoryAccess.Load(thread, "TrackedField.Read", ref _value, MemoryOrder.Plain, null, file, line, raceChecked: true);
        return _value;
    }

    /// <summary>Writes the field. Inside an execution, a plain store that is checked for data races.</summary>
    /// <param name="value">The value to store.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    public void Write(T value, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("TrackedField.Write", file, line) is { } thread)
            MemoryAccess.Store(thread, "TrackedField.Write", ref _value, value, MemoryOrder.Plain, null, file, line, raceChecked: true);
        else
            _value = value;
    }

    /// <inheritdoc />
    public override readonly string ToString() => _value?.ToString() ?? "";
}
