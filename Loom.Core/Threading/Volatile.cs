using System.Runtime.CompilerServices;
using Loom.Interception;
using Loom.Runtime;

namespace Loom.Threading;

/// <summary>
/// Mirrors <see cref="System.Threading.Volatile"/> member for member. Under a Loom execution a read is an acquire
/// load and a write a release store of the .NET memory model, each a scheduling point on the variable it names;
/// elsewhere they are the real volatile accesses. The compiler fills in the trailing caller parameters; code never
/// passes them.
/// </summary>
[Intercepts(typeof(System.Threading.Volatile))]
public static class Volatile
{
    /// <summary>Mirrors <see cref="System.Threading.Volatile.Read(ref readonly bool)"/>: reads the value of the field; no later memory access moves before it (an acquire).</summary>
    /// <param name="location">The field to read.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The value read; inside an execution, any store the .NET memory model lets this read return.</returns>
    public static bool Read(ref readonly bool location, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Volatile.Read", file, line);
        if (thread is null)
            return System.Threading.Volatile.Read(in location);
        return ReadModel(thread, ref Unsafe.AsRef(in location), locationName, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Volatile.Write(ref bool,bool)"/>: writes the value to the field; no earlier memory access moves after it (a release).</summary>
    /// <param name="location">The field to write.</param>
    /// <param name="value">The value to write.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    public static void Write(ref bool location, bool value, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Volatile.Write", file, line);
        if (thread is null)
            System.Threading.Volatile.Write(ref location, value);
        else
            WriteModel(thread, ref location, value, locationName, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Volatile.Read(ref readonly byte)"/>: reads the value of the field; no later memory access moves before it (an acquire).</summary>
    /// <param name="location">The field to read.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The value read; inside an execution, any store the .NET memory model lets this read return.</returns>
    public static byte Read(ref readonly byte location, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Volatile.Read", file, line);
        if (thread is null)
            return System.Threading.Volatile.Read(in location);
        return ReadModel(thread, ref Unsafe.AsRef(in location), locationName, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Volatile.Write(ref byte,byte)"/>: writes the value to the field; no earlier memory access moves after it (a release).</summary>
    /// <param name="location">The field to write.</param>
    /// <param name="value">The value to write.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    public static void Write(ref byte location, byte value, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Volatile.Write", file, line);
        if (thread is null)
            System.Threading.Volatile.Write(ref location, value);
        else
            WriteModel(thread, ref location, value, locationName, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Volatile.Read(ref readonly sbyte)"/>: reads the value of the field; no later memory access moves before it (an acquire).</summary>
    /// <param name="location">The field to read.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The value read; inside an execution, any store the .NET memory model lets this read return.</returns>
    public static sbyte Read(ref readonly sbyte location, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Volatile.Read", file, line);
        if (thread is null)
            return System.Threading.Volatile.Read(in location);
        return ReadModel(thread, ref Unsafe.AsRef(in location), locationName, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Volatile.Write(ref sbyte,sbyte)"/>: writes the value to the field; no earlier memory access moves after it (a release).</summary>
    /// <param name="location">The field to write.</param>
    /// <param name="value">The value to write.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    public static void Write(ref sbyte location, sbyte value, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Volatile.Write", file, line);
        if (thread is null)
            System.Threading.Volatile.Write(ref location, value);
        else
            WriteModel(thread, ref location, value, locationName, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Volatile.Read(ref readonly short)"/>: reads the value of the field; no later memory access moves before it (an acquire).</summary>
    /// <param name="location">The field to read.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The value read; inside an execution, any store the .NET memory model lets this read return.</returns>
    public static short Read(ref readonly short location, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Volatile.Read", file, line);
        if (thread is null)
            return System.Threading.Volatile.Read(in location);
        return ReadModel(thread, ref Unsafe.AsRef(in location), locationName, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Volatile.Write(ref short,short)"/>: writes the value to the field; no earlier memory access moves after it (a release).</summary>
    /// <param name="location">The field to write.</param>
    /// <param name="value">The value to write.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    public static void Write(ref short location, short value, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Volatile.Write", file, line);
        if (thread is null)
            System.Threading.Volatile.Write(ref location, value);
        else
            WriteModel(thread, ref location, value, locationName, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Volatile.Read(ref readonly ushort)"/>: reads the value of the field; no later memory access moves before it (an acquire).</summary>
    /// <param name="location">The field to read.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The value read; inside an execution, any store the .NET memory model lets this read return.</returns>
    public static ushort Read(ref readonly ushort location, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Volatile.Read", file, line);
        if (thread is null)
            return System.Threading.Volatile.Read(in location);
        return ReadModel(thread, ref Unsafe.AsRef(in location), locationName, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Volatile.Write(ref ushort,ushort)"/>: writes the value to the field; no earlier memory access moves after it (a release).</summary>
    /// <param name="location">The field to write.</param>
    /// <param name="value">The value to write.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    public static void Write(ref ushort location, ushort value, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Volatile.Write", file, line);
        if (thread is null)
            System.Threading.Volatile.Write(ref location, value);
        else
            WriteModel(thread, ref location, value, locationName, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Volatile.Read(ref readonly int)"/>: reads the value of the field; no later memory access moves before it (an acquire).</summary>
    /// <param name="location">The field to read.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The value read; inside an execution, any store the .NET memory model lets this read return.</returns>
    public static int Read(ref readonly int location, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Volatile.Read", file, line);
        if (thread is null)
            return System.Threading.Volatile.Read(in location);
        return ReadModel(thread, ref Unsafe.AsRef(in location), locationName, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Volatile.Write(ref int,int)"/>: writes the value to the field; no earlier memory access moves after it (a release).</summary>
    /// <param name="location">The field to write.</param>
    /// <param name="value">The value to write.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    public static void Write(ref int location, int value, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Volatile.Write", file, line);
        if (thread is null)
            System.Threading.Volatile.Write(ref location, value);
        else
            WriteModel(thread, ref location, value, locationName, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Volatile.Read(ref readonly uint)"/>: reads the value of the field; no later memory access moves before it (an acquire).</summary>
    /// <param name="location">The field to read.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The value read; inside an execution, any store the .NET memory model lets this read return.</returns>
    public static uint Read(ref readonly uint location, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Volatile.Read", file, line);
        if (thread is null)
            return System.Threading.Volatile.Read(in location);
        return ReadModel(thread, ref Unsafe.AsRef(in location), locationName, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Volatile.Write(ref uint,uint)"/>: writes the value to the field; no earlier memory access moves after it (a release).</summary>
    /// <param name="location">The field to write.</param>
    /// <param name="value">The value to write.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    public static void Write(ref uint location, uint value, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Volatile.Write", file, line);
        if (thread is null)
            System.Threading.Volatile.Write(ref location, value);
        else
            WriteModel(thread, ref location, value, locationName, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Volatile.Read(ref readonly long)"/>: reads the value of the field; no later memory access moves before it (an acquire).</summary>
    /// <param name="location">The field to read.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The value read; inside an execution, any store the .NET memory model lets this read return.</returns>
    public static long Read(ref readonly long location, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Volatile.Read", file, line);
        if (thread is null)
            return System.Threading.Volatile.Read(in location);
        return ReadModel(thread, ref Unsafe.AsRef(in location), locationName, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Volatile.Write(ref long,long)"/>: writes the value to the field; no earlier memory access moves after it (a release).</summary>
    /// <param name="location">The field to write.</param>
    /// <param name="value">The value to write.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    public static void Write(ref long location, long value, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Volatile.Write", file, line);
        if (thread is null)
            System.Threading.Volatile.Write(ref location, value);
        else
            WriteModel(thread, ref location, value, locationName, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Volatile.Read(ref readonly ulong)"/>: reads the value of the field; no later memory access moves before it (an acquire).</summary>
    /// <param name="location">The field to read.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The value read; inside an execution, any store the .NET memory model lets this read return.</returns>
    public static ulong Read(ref readonly ulong location, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Volatile.Read", file, line);
        if (thread is null)
            return System.Threading.Volatile.Read(in location);
        return ReadModel(thread, ref Unsafe.AsRef(in location), locationName, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Volatile.Write(ref ulong,ulong)"/>: writes the value to the field; no earlier memory access moves after it (a release).</summary>
    /// <param name="location">The field to write.</param>
    /// <param name="value">The value to write.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    public static void Write(ref ulong location, ulong value, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Volatile.Write", file, line);
        if (thread is null)
            System.Threading.Volatile.Write(ref location, value);
        else
            WriteModel(thread, ref location, value, locationName, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Volatile.Read(ref readonly nint)"/>: reads the value of the field; no later memory access moves before it (an acquire).</summary>
    /// <param name="location">The field to read.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The value read; inside an execution, any store the .NET memory model lets this read return.</returns>
    public static nint Read(ref readonly nint location, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Volatile.Read", file, line);
        if (thread is null)
            return System.Threading.Volatile.Read(in location);
        return ReadModel(thread, ref Unsafe.AsRef(in location), locationName, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Volatile.Write(ref nint,nint)"/>: writes the value to the field; no earlier memory access moves after it (a release).</summary>
    /// <param name="location">The field to write.</param>
    /// <param name="value">The value to write.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    public static void Write(ref nint location, nint value, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Volatile.Write", file, line);
        if (thread is null)
            System.Threading.Volatile.Write(ref location, value);
        else
            WriteModel(thread, ref location, value, locationName, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Volatile.Read(ref readonly nuint)"/>: reads the value of the field; no later memory access moves before it (an acquire).</summary>
    /// <param name="location">The field to read.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The value read; inside an execution, any store the .NET memory model lets this read return.</returns>
    public static nuint Read(ref readonly nuint location, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Volatile.Read", file, line);
        if (thread is null)
            return System.Threading.Volatile.Read(in location);
        return ReadModel(thread, ref Unsafe.AsRef(in location), locationName, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Volatile.Write(ref nuint,nuint)"/>: writes the value to the field; no earlier memory access moves after it (a release).</summary>
    /// <param name="location">The field to write.</param>
    /// <param name="value">The value to write.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    public static void Write(ref nuint location, nuint value, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Volatile.Write", file, line);
        if (thread is null)
            System.Threading.Volatile.Write(ref location, value);
        else
            WriteModel(thread, ref location, value, locationName, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Volatile.Read(ref readonly float)"/>: reads the value of the field; no later memory access moves before it (an acquire).</summary>
    /// <param name="location">The field to read.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The value read; inside an execution, any store the .NET memory model lets this read return.</returns>
    public static float Read(ref readonly float location, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Volatile.Read", file, line);
        if (thread is null)
            return System.Threading.Volatile.Read(in location);
        return ReadModel(thread, ref Unsafe.AsRef(in location), locationName, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Volatile.Write(ref float,float)"/>: writes the value to the field; no earlier memory access moves after it (a release).</summary>
    /// <param name="location">The field to write.</param>
    /// <param name="value">The value to write.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    public static void Write(ref float location, float value, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Volatile.Write", file, line);
        if (thread is null)
            System.Threading.Volatile.Write(ref location, value);
        else
            WriteModel(thread, ref location, value, locationName, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Volatile.Read(ref readonly double)"/>: reads the value of the field; no later memory access moves before it (an acquire).</summary>
    /// <param name="location">The field to read.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The value read; inside an execution, any store the .NET memory model lets this read return.</returns>
    public static double Read(ref readonly double location, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Volatile.Read", file, line);
        if (thread is null)
            return System.Threading.Volatile.Read(in location);
        return ReadModel(thread, ref Unsafe.AsRef(in location), locationName, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Volatile.Write(ref double,double)"/>: writes the value to the field; no earlier memory access moves after it (a release).</summary>
    /// <param name="location">The field to write.</param>
    /// <param name="value">The value to write.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    public static void Write(ref double location, double value, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Volatile.Write", file, line);
        if (thread is null)
            System.Threading.Volatile.Write(ref location, value);
        else
            WriteModel(thread, ref location, value, locationName, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Volatile.Read{T}(ref readonly T)"/>: reads the value of the field; no later memory access moves before it (an acquire).</summary>
    /// <typeparam name="T">The type of the field: a reference type.</typeparam>
    /// <param name="location">The field to read.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The value read; inside an execution, any store the .NET memory model lets this read return.</returns>
    public static T Read<T>(ref readonly T location, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where T : class?
    {
        var thread = LoomRuntime.Controlled("Volatile.Read", file, line);
        if (thread is null)
            return System.Threading.Volatile.Read(in location);
        return ReadModel(thread, ref Unsafe.AsRef(in location), locationName, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Volatile.Write{T}(ref T,T)"/>: writes the value to the field; no earlier memory access moves after it (a release).</summary>
    /// <typeparam name="T">The type of the field: a reference type.</typeparam>
    /// <param name="location">The field to write.</param>
    /// <param name="value">The value to write.</param>
    /// <param name="locationName">Supplied by the compiler: the expression passed as <paramref name="location"/>, which names it in traces.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    public static void Write<T>(ref T location, T value, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where T : class?
    {
        var thread = LoomRuntime.Controlled("Volatile.Write", file, line);
        if (thread is null)
            System.Threading.Volatile.Write(ref location, value);
        else
            WriteModel(thread, ref location, value, locationName, file, line);
    }

    /// <summary>
    /// Mirrors <see cref="System.Threading.Volatile.ReadBarrier"/>: no memory access after it moves before a read
    /// before it. Inside an execution Loom models it as a full fence, which is stronger than the real barrier: a
    /// bug that only the weaker ordering allows is not found.
    /// </summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    public static void ReadBarrier([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Volatile.ReadBarrier", file, line);
        if (thread is null)
            System.Threading.Volatile.ReadBarrier();
        else
            MemoryAccess.Fence(thread, "Volatile.ReadBarrier", file, line);
    }

    /// <summary>
    /// Mirrors <see cref="System.Threading.Volatile.WriteBarrier"/>: no memory access before it moves after a write
    /// after it. Inside an execution Loom models it as a full fence, which is stronger than the real barrier: a bug
    /// that only the weaker ordering allows is not found.
    /// </summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    public static void WriteBarrier([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var thread = LoomRuntime.Controlled("Volatile.WriteBarrier", file, line);
        if (thread is null)
            System.Threading.Volatile.WriteBarrier();
        else
            MemoryAccess.Fence(thread, "Volatile.WriteBarrier", file, line);
    }

    /// <summary>Every volatile read inside an execution: an acquire load of the location.</summary>
    private static T ReadModel<T>(LogicalThread thread, ref T location, string? name, string? file, int line) =>
        MemoryAccess.Load(thread, "Volatile.Read", ref location, MemoryOrder.Acquire, name, file, line);

    /// <summary>Every volatile write inside an execution: a release store to the location.</summary>
    private static void WriteModel<T>(LogicalThread thread, ref T location, T value, string? name, string? file, int line) =>
        MemoryAccess.Store(thread, "Volatile.Write", ref location, value, MemoryOrder.Release, name, file, line);
}
