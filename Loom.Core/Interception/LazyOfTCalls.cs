using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using Loom.Runtime;
using Loom.Threading.Models;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="Lazy{T}"/>, on the real instances: inside a Loom execution Value, IsValueCreated and
/// ToString are scheduling points on the instance's model (<see cref="LazyModel"/>), which follows the instance's
/// thread-safety mode: ExecutionAndPublication runs the factory once while the others wait under Loom's control;
/// PublicationOnly lets several threads run it and publishes the first result; None reads and clears the factory in
/// plain steps, so concurrent first use can run it twice or throw. The model starts from the real instance as the
/// execution first finds it and never changes it. Outside an execution each stand-in is the real member.
/// </summary>
[PassesThrough("New", "records nothing: the model reads the factory and the mode (isThreadSafe true is ExecutionAndPublication, false is None) from the real instance when an execution first uses it")]
[Intercepts(typeof(Lazy<>))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LazyOfTCalls
{
    /// <summary>Stands in for <see cref="Lazy{T}.Value"/>: creates the value as the instance's mode says, or returns it.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="lazy">The instance.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidOperationException">The factory accessed Value recursively, or (None mode) another thread was running it.</exception>
    /// <exception cref="MissingMemberException">The value comes from T's constructor, and T has no public parameterless one.</exception>
    public static T get_Value<T>(Lazy<T> lazy, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("Lazy.Value", file, line) is { } me
            ? LazyModel.Value(me, StandIn.NotNull(lazy), file, line)
            : lazy.Value;

    /// <summary>Stands in for <see cref="Lazy{T}.IsValueCreated"/>: inside an execution a scheduling point.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="lazy">The instance.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether a value was published.</returns>
    public static bool get_IsValueCreated<T>(Lazy<T> lazy, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("Lazy.IsValueCreated", file, line) is { } me
            ? LazyModel.IsValueCreated(me, StandIn.NotNull(lazy), file, line)
            : lazy.IsValueCreated;

    /// <summary>Stands in for <see cref="Lazy{T}.ToString"/>: inside an execution a scheduling point.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="lazy">The instance.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The value's text, or "Value is not created.".</returns>
    /// <exception cref="NullReferenceException">The value is created and is <see langword="null"/>.</exception>
    public static string? ToString<T>(Lazy<T> lazy, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("Lazy.ToString", file, line) is { } me
            ? LazyModel.ToString(me, StandIn.NotNull(lazy), file, line)
            : lazy.ToString();
}
