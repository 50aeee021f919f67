using System.Runtime.CompilerServices;
using Loom.Interception;
using Loom.Runtime;

namespace Loom.Threading;

/// <summary>
/// Mirrors <see cref="System.Threading.Interlocked"/> member for member. Under a Loom execution each call is a
/// scheduling point on the variable it names; elsewhere it is the real atomic operation. The compiler fills in
/// the trailing caller parameters; code never passes them.
/// </summary>
[Intercepts(typeof(System.Threading.Interlocked))]
public static class Interlocked
{
    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Add(ref int,int)"/>: adds two values and replaces the first with the sum, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The new value stored at <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static int Add(ref int location1, int value, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Add", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Add(ref location1, value);
        var target = MemoryAccess.Schedule(thread, "Interlocked.Add", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.Add(ref location1, value);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Add(ref long,long)"/>: adds two values and replaces the first with the sum, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The new value stored at <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static long Add(ref long location1, long value, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Add", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Add(ref location1, value);
        var target = MemoryAccess.Schedule(thread, "Interlocked.Add", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.Add(ref location1, value);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Add(ref uint,uint)"/>: adds two values and replaces the first with the sum, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The new value stored at <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static uint Add(ref uint location1, uint value, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Add", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Add(ref location1, value);
        var target = MemoryAccess.Schedule(thread, "Interlocked.Add", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.Add(ref location1, value);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Add(ref ulong,ulong)"/>: adds two values and replaces the first with the sum, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The new value stored at <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static ulong Add(ref ulong location1, ulong value, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Add", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Add(ref location1, value);
        var target = MemoryAccess.Schedule(thread, "Interlocked.Add", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.Add(ref location1, value);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.And(ref int,int)"/>: bitwise "ands" two values and replaces the first with the result, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value in <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static int And(ref int location1, int value, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.And", file, line);
        if (thread is null)
            return System.Threading.Interlocked.And(ref location1, value);
        var target = MemoryAccess.Schedule(thread, "Interlocked.And", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.And(ref location1, value);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.And(ref uint,uint)"/>: bitwise "ands" two values and replaces the first with the result, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value in <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static uint And(ref uint location1, uint value, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.And", file, line);
        if (thread is null)
            return System.Threading.Interlocked.And(ref location1, value);
        var target = MemoryAccess.Schedule(thread, "Interlocked.And", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.And(ref location1, value);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.And(ref long,long)"/>: bitwise "ands" two values and replaces the first with the result, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value in <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static long And(ref long location1, long value, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.And", file, line);
        if (thread is null)
            return System.Threading.Interlocked.And(ref location1, value);
        var target = MemoryAccess.Schedule(thread, "Interlocked.And", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.And(ref location1, value);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.And(ref ulong,ulong)"/>: bitwise "ands" two values and replaces the first with the result, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value in <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static ulong And(ref ulong location1, ulong value, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.And", file, line);
        if (thread is null)
            return System.Threading.Interlocked.And(ref location1, value);
        var target = MemoryAccess.Schedule(thread, "Interlocked.And", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.And(ref location1, value);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.CompareExchange(ref int,int,int)"/>: compares two values for equality and, if they are equal, replaces the first value, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="comparand">The value compared to the value at <paramref name="location1"/>.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value in <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static int CompareExchange(ref int location1, int value, int comparand, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.CompareExchange", file, line);
        if (thread is null)
            return System.Threading.Interlocked.CompareExchange(ref location1, value, comparand);
        var target = MemoryAccess.Schedule(thread, "Interlocked.CompareExchange", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.CompareExchange(ref location1, value, comparand);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: MemoryAccess.Exchanged(result, comparand));
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.CompareExchange(ref long,long,long)"/>: compares two values for equality and, if they are equal, replaces the first value, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="comparand">The value compared to the value at <paramref name="location1"/>.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value in <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static long CompareExchange(ref long location1, long value, long comparand, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.CompareExchange", file, line);
        if (thread is null)
            return System.Threading.Interlocked.CompareExchange(ref location1, value, comparand);
        var target = MemoryAccess.Schedule(thread, "Interlocked.CompareExchange", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.CompareExchange(ref location1, value, comparand);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: MemoryAccess.Exchanged(result, comparand));
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.CompareExchange(ref object,object,object)"/>: compares two values for equality and, if they are equal, replaces the first value, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="comparand">The value compared to the value at <paramref name="location1"/>.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value in <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static object? CompareExchange(ref object? location1, object? value, object? comparand, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.CompareExchange", file, line);
        if (thread is null)
            return System.Threading.Interlocked.CompareExchange(ref location1, value, comparand);
        var target = MemoryAccess.Schedule(thread, "Interlocked.CompareExchange", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.CompareExchange(ref location1, value, comparand);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: MemoryAccess.Exchanged(result, comparand));
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.CompareExchange(ref sbyte,sbyte,sbyte)"/>: compares two values for equality and, if they are equal, replaces the first value, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="comparand">The value compared to the value at <paramref name="location1"/>.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value in <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static sbyte CompareExchange(ref sbyte location1, sbyte value, sbyte comparand, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.CompareExchange", file, line);
        if (thread is null)
            return System.Threading.Interlocked.CompareExchange(ref location1, value, comparand);
        var target = MemoryAccess.Schedule(thread, "Interlocked.CompareExchange", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.CompareExchange(ref location1, value, comparand);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: MemoryAccess.Exchanged(result, comparand));
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.CompareExchange(ref short,short,short)"/>: compares two values for equality and, if they are equal, replaces the first value, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="comparand">The value compared to the value at <paramref name="location1"/>.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value in <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static short CompareExchange(ref short location1, short value, short comparand, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.CompareExchange", file, line);
        if (thread is null)
            return System.Threading.Interlocked.CompareExchange(ref location1, value, comparand);
        var target = MemoryAccess.Schedule(thread, "Interlocked.CompareExchange", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.CompareExchange(ref location1, value, comparand);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: MemoryAccess.Exchanged(result, comparand));
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.CompareExchange(ref byte,byte,byte)"/>: compares two values for equality and, if they are equal, replaces the first value, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="comparand">The value compared to the value at <paramref name="location1"/>.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value in <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static byte CompareExchange(ref byte location1, byte value, byte comparand, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.CompareExchange", file, line);
        if (thread is null)
            return System.Threading.Interlocked.CompareExchange(ref location1, value, comparand);
        var target = MemoryAccess.Schedule(thread, "Interlocked.CompareExchange", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.CompareExchange(ref location1, value, comparand);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: MemoryAccess.Exchanged(result, comparand));
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.CompareExchange(ref ushort,ushort,ushort)"/>: compares two values for equality and, if they are equal, replaces the first value, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="comparand">The value compared to the value at <paramref name="location1"/>.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value in <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static ushort CompareExchange(ref ushort location1, ushort value, ushort comparand, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.CompareExchange", file, line);
        if (thread is null)
            return System.Threading.Interlocked.CompareExchange(ref location1, value, comparand);
        var target = MemoryAccess.Schedule(thread, "Interlocked.CompareExchange", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.CompareExchange(ref location1, value, comparand);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: MemoryAccess.Exchanged(result, comparand));
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.CompareExchange(ref uint,uint,uint)"/>: compares two values for equality and, if they are equal, replaces the first value, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="comparand">The value compared to the value at <paramref name="location1"/>.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value in <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static uint CompareExchange(ref uint location1, uint value, uint comparand, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.CompareExchange", file, line);
        if (thread is null)
            return System.Threading.Interlocked.CompareExchange(ref location1, value, comparand);
        var target = MemoryAccess.Schedule(thread, "Interlocked.CompareExchange", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.CompareExchange(ref location1, value, comparand);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: MemoryAccess.Exchanged(result, comparand));
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.CompareExchange(ref ulong,ulong,ulong)"/>: compares two values for equality and, if they are equal, replaces the first value, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="comparand">The value compared to the value at <paramref name="location1"/>.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value in <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static ulong CompareExchange(ref ulong location1, ulong value, ulong comparand, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.CompareExchange", file, line);
        if (thread is null)
            return System.Threading.Interlocked.CompareExchange(ref location1, value, comparand);
        var target = MemoryAccess.Schedule(thread, "Interlocked.CompareExchange", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.CompareExchange(ref location1, value, comparand);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: MemoryAccess.Exchanged(result, comparand));
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.CompareExchange(ref float,float,float)"/>: compares two values for equality and, if they are equal, replaces the first value, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="comparand">The value compared to the value at <paramref name="location1"/>.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value in <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static float CompareExchange(ref float location1, float value, float comparand, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.CompareExchange", file, line);
        if (thread is null)
            return System.Threading.Interlocked.CompareExchange(ref location1, value, comparand);
        var target = MemoryAccess.Schedule(thread, "Interlocked.CompareExchange", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.CompareExchange(ref location1, value, comparand);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: MemoryAccess.Exchanged(result, comparand));
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.CompareExchange(ref double,double,double)"/>: compares two values for equality and, if they are equal, replaces the first value, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="comparand">The value compared to the value at <paramref name="location1"/>.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value in <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static double CompareExchange(ref double location1, double value, double comparand, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.CompareExchange", file, line);
        if (thread is null)
            return System.Threading.Interlocked.CompareExchange(ref location1, value, comparand);
        var target = MemoryAccess.Schedule(thread, "Interlocked.CompareExchange", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.CompareExchange(ref location1, value, comparand);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: MemoryAccess.Exchanged(result, comparand));
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.CompareExchange(ref nint,nint,nint)"/>: compares two values for equality and, if they are equal, replaces the first value, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="comparand">The value compared to the value at <paramref name="location1"/>.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value in <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static nint CompareExchange(ref nint location1, nint value, nint comparand, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.CompareExchange", file, line);
        if (thread is null)
            return System.Threading.Interlocked.CompareExchange(ref location1, value, comparand);
        var target = MemoryAccess.Schedule(thread, "Interlocked.CompareExchange", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.CompareExchange(ref location1, value, comparand);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: MemoryAccess.Exchanged(result, comparand));
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.CompareExchange(ref nuint,nuint,nuint)"/>: compares two values for equality and, if they are equal, replaces the first value, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="comparand">The value compared to the value at <paramref name="location1"/>.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value in <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static nuint CompareExchange(ref nuint location1, nuint value, nuint comparand, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.CompareExchange", file, line);
        if (thread is null)
            return System.Threading.Interlocked.CompareExchange(ref location1, value, comparand);
        var target = MemoryAccess.Schedule(thread, "Interlocked.CompareExchange", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.CompareExchange(ref location1, value, comparand);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: MemoryAccess.Exchanged(result, comparand));
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.CompareExchange{T}(ref T,T,T)"/>: compares two values for equality and, if they are equal, replaces the first value, as an atomic operation.</summary>
    /// <typeparam name="T">The type of the variable.</typeparam>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="comparand">The value compared to the value at <paramref name="location1"/>.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value in <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static T CompareExchange<T>(ref T location1, T value, T comparand, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.CompareExchange", file, line);
        if (thread is null)
            return System.Threading.Interlocked.CompareExchange(ref location1, value, comparand);
        var target = MemoryAccess.Schedule(thread, "Interlocked.CompareExchange", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.CompareExchange(ref location1, value, comparand);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: MemoryAccess.Exchanged(result, comparand));
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Decrement(ref int)"/>: decrements a variable and stores the result, as an atomic operation.</summary>
    /// <param name="location">The variable to operate on.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The decremented value.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location"/> is a null pointer.</exception>
    public static int Decrement(ref int location, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Decrement", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Decrement(ref location);
        var target = MemoryAccess.Schedule(thread, "Interlocked.Decrement", AccessKind.Write, ref location, locationName, file, line);
        var previous = location;
        var result = System.Threading.Interlocked.Decrement(ref location);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Decrement(ref long)"/>: decrements a variable and stores the result, as an atomic operation.</summary>
    /// <param name="location">The variable to operate on.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The decremented value.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location"/> is a null pointer.</exception>
    public static long Decrement(ref long location, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Decrement", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Decrement(ref location);
        var target = MemoryAccess.Schedule(thread, "Interlocked.Decrement", AccessKind.Write, ref location, locationName, file, line);
        var previous = location;
        var result = System.Threading.Interlocked.Decrement(ref location);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Decrement(ref uint)"/>: decrements a variable and stores the result, as an atomic operation.</summary>
    /// <param name="location">The variable to operate on.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The decremented value.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location"/> is a null pointer.</exception>
    public static uint Decrement(ref uint location, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Decrement", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Decrement(ref location);
        var target = MemoryAccess.Schedule(thread, "Interlocked.Decrement", AccessKind.Write, ref location, locationName, file, line);
        var previous = location;
        var result = System.Threading.Interlocked.Decrement(ref location);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Decrement(ref ulong)"/>: decrements a variable and stores the result, as an atomic operation.</summary>
    /// <param name="location">The variable to operate on.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The decremented value.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location"/> is a null pointer.</exception>
    public static ulong Decrement(ref ulong location, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Decrement", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Decrement(ref location);
        var target = MemoryAccess.Schedule(thread, "Interlocked.Decrement", AccessKind.Write, ref location, locationName, file, line);
        var previous = location;
        var result = System.Threading.Interlocked.Decrement(ref location);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Exchange(ref int,int)"/>: sets a variable to a specified value and returns the original value, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value of <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static int Exchange(ref int location1, int value, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Exchange", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Exchange(ref location1, value);
        var target = MemoryAccess.Schedule(thread, "Interlocked.Exchange", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.Exchange(ref location1, value);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Exchange(ref long,long)"/>: sets a variable to a specified value and returns the original value, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value of <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static long Exchange(ref long location1, long value, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Exchange", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Exchange(ref location1, value);
        var target = MemoryAccess.Schedule(thread, "Interlocked.Exchange", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.Exchange(ref location1, value);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Exchange(ref object,object)"/>: sets a variable to a specified value and returns the original value, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value of <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static object? Exchange(ref object? location1, object? value, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Exchange", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Exchange(ref location1, value);
        var target = MemoryAccess.Schedule(thread, "Interlocked.Exchange", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.Exchange(ref location1, value);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Exchange(ref sbyte,sbyte)"/>: sets a variable to a specified value and returns the original value, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value of <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static sbyte Exchange(ref sbyte location1, sbyte value, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Exchange", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Exchange(ref location1, value);
        var target = MemoryAccess.Schedule(thread, "Interlocked.Exchange", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.Exchange(ref location1, value);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Exchange(ref short,short)"/>: sets a variable to a specified value and returns the original value, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value of <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static short Exchange(ref short location1, short value, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Exchange", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Exchange(ref location1, value);
        var target = MemoryAccess.Schedule(thread, "Interlocked.Exchange", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.Exchange(ref location1, value);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Exchange(ref byte,byte)"/>: sets a variable to a specified value and returns the original value, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value of <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static byte Exchange(ref byte location1, byte value, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Exchange", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Exchange(ref location1, value);
        var target = MemoryAccess.Schedule(thread, "Interlocked.Exchange", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.Exchange(ref location1, value);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Exchange(ref ushort,ushort)"/>: sets a variable to a specified value and returns the original value, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value of <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static ushort Exchange(ref ushort location1, ushort value, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Exchange", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Exchange(ref location1, value);
        var target = MemoryAccess.Schedule(thread, "Interlocked.Exchange", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.Exchange(ref location1, value);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Exchange(ref uint,uint)"/>: sets a variable to a specified value and returns the original value, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value of <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static uint Exchange(ref uint location1, uint value, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Exchange", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Exchange(ref location1, value);
        var target = MemoryAccess.Schedule(thread, "Interlocked.Exchange", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.Exchange(ref location1, value);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Exchange(ref ulong,ulong)"/>: sets a variable to a specified value and returns the original value, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value of <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static ulong Exchange(ref ulong location1, ulong value, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Exchange", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Exchange(ref location1, value);
        var target = MemoryAccess.Schedule(thread, "Interlocked.Exchange", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.Exchange(ref location1, value);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Exchange(ref float,float)"/>: sets a variable to a specified value and returns the original value, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value of <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static float Exchange(ref float location1, float value, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Exchange", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Exchange(ref location1, value);
        var target = MemoryAccess.Schedule(thread, "Interlocked.Exchange", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.Exchange(ref location1, value);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Exchange(ref double,double)"/>: sets a variable to a specified value and returns the original value, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value of <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static double Exchange(ref double location1, double value, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Exchange", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Exchange(ref location1, value);
        var target = MemoryAccess.Schedule(thread, "Interlocked.Exchange", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.Exchange(ref location1, value);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Exchange(ref nint,nint)"/>: sets a variable to a specified value and returns the original value, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value of <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static nint Exchange(ref nint location1, nint value, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Exchange", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Exchange(ref location1, value);
        var target = MemoryAccess.Schedule(thread, "Interlocked.Exchange", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.Exchange(ref location1, value);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Exchange(ref nuint,nuint)"/>: sets a variable to a specified value and returns the original value, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value of <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static nuint Exchange(ref nuint location1, nuint value, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Exchange", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Exchange(ref location1, value);
        var target = MemoryAccess.Schedule(thread, "Interlocked.Exchange", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.Exchange(ref location1, value);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Exchange{T}(ref T,T)"/>: sets a variable to a specified value and returns the original value, as an atomic operation.</summary>
    /// <typeparam name="T">The type of the variable.</typeparam>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value of <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static T Exchange<T>(ref T location1, T value, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Exchange", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Exchange(ref location1, value);
        var target = MemoryAccess.Schedule(thread, "Interlocked.Exchange", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.Exchange(ref location1, value);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Increment(ref int)"/>: increments a variable and stores the result, as an atomic operation.</summary>
    /// <param name="location">The variable to operate on.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The incremented value.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location"/> is a null pointer.</exception>
    public static int Increment(ref int location, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Increment", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Increment(ref location);
        var target = MemoryAccess.Schedule(thread, "Interlocked.Increment", AccessKind.Write, ref location, locationName, file, line);
        var previous = location;
        var result = System.Threading.Interlocked.Increment(ref location);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Increment(ref long)"/>: increments a variable and stores the result, as an atomic operation.</summary>
    /// <param name="location">The variable to operate on.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The incremented value.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location"/> is a null pointer.</exception>
    public static long Increment(ref long location, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Increment", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Increment(ref location);
        var target = MemoryAccess.Schedule(thread, "Interlocked.Increment", AccessKind.Write, ref location, locationName, file, line);
        var previous = location;
        var result = System.Threading.Interlocked.Increment(ref location);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Increment(ref uint)"/>: increments a variable and stores the result, as an atomic operation.</summary>
    /// <param name="location">The variable to operate on.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The incremented value.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location"/> is a null pointer.</exception>
    public static uint Increment(ref uint location, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Increment", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Increment(ref location);
        var target = MemoryAccess.Schedule(thread, "Interlocked.Increment", AccessKind.Write, ref location, locationName, file, line);
        var previous = location;
        var result = System.Threading.Interlocked.Increment(ref location);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Increment(ref ulong)"/>: increments a variable and stores the result, as an atomic operation.</summary>
    /// <param name="location">The variable to operate on.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The incremented value.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location"/> is a null pointer.</exception>
    public static ulong Increment(ref ulong location, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Increment", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Increment(ref location);
        var target = MemoryAccess.Schedule(thread, "Interlocked.Increment", AccessKind.Write, ref location, locationName, file, line);
        var previous = location;
        var result = System.Threading.Interlocked.Increment(ref location);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Or(ref int,int)"/>: bitwise "ors" two values and replaces the first with the result, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value in <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static int Or(ref int location1, int value, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Or", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Or(ref location1, value);
        var target = MemoryAccess.Schedule(thread, "Interlocked.Or", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.Or(ref location1, value);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Or(ref uint,uint)"/>: bitwise "ors" two values and replaces the first with the result, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value in <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static uint Or(ref uint location1, uint value, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Or", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Or(ref location1, value);
        var target = MemoryAccess.Schedule(thread, "Interlocked.Or", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.Or(ref location1, value);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Or(ref long,long)"/>: bitwise "ors" two values and replaces the first with the result, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value in <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static long Or(ref long location1, long value, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Or", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Or(ref location1, value);
        var target = MemoryAccess.Schedule(thread, "Interlocked.Or", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.Or(ref location1, value);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Or(ref ulong,ulong)"/>: bitwise "ors" two values and replaces the first with the result, as an atomic operation.</summary>
    /// <param name="location1">The variable to operate on.</param>
    /// <param name="value">The value to combine with, store, or compare-and-store.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location1"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The original value in <paramref name="location1"/>.</returns>
    /// <exception cref="System.NullReferenceException">The address of <paramref name="location1"/> is a null pointer.</exception>
    public static ulong Or(ref ulong location1, ulong value, [CallerArgumentExpression(nameof(location1))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Or", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Or(ref location1, value);
        var target = MemoryAccess.Schedule(thread, "Interlocked.Or", AccessKind.Write, ref location1, locationName, file, line);
        var previous = location1;
        var result = System.Threading.Interlocked.Or(ref location1, value);
        return MemoryAccess.ReadModifyWrite(thread, target, previous, location1, result, wrote: true);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Read(ref readonly long)"/>: returns a 64-bit value, loaded as an atomic operation.</summary>
    /// <param name="location">The variable to operate on.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The loaded value.</returns>
    public static long Read(ref readonly long location, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Read", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Read(in location);
        return MemoryAccess.Load(thread, "Interlocked.Read", ref Unsafe.AsRef(in location), MemoryOrder.SequentiallyConsistent, locationName, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.Read(ref readonly ulong)"/>: returns a 64-bit value, loaded as an atomic operation.</summary>
    /// <param name="location">The variable to operate on.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The loaded value.</returns>
    public static ulong Read(ref readonly ulong location, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.Read", file, line);
        if (thread is null)
            return System.Threading.Interlocked.Read(in location);
        return MemoryAccess.Load(thread, "Interlocked.Read", ref Unsafe.AsRef(in location), MemoryOrder.SequentiallyConsistent, locationName, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.MemoryBarrier"/>: a full fence; no load or store moves across it.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    public static void MemoryBarrier([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.MemoryBarrier", file, line);
        if (thread is null)
            System.Threading.Interlocked.MemoryBarrier();
        else
            MemoryAccess.Fence(thread, "Interlocked.MemoryBarrier", file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Interlocked.MemoryBarrierProcessWide"/>: a full fence on every processor of the process.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    public static void MemoryBarrierProcessWide([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Interlocked.MemoryBarrierProcessWide", file, line);
        if (thread is null)
            System.Threading.Interlocked.MemoryBarrierProcessWide();
        else
            MemoryAccess.Fence(thread, "Interlocked.MemoryBarrierProcessWide", file, line);
    }
}
