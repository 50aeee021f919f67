using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using Loom.Runtime;
using Loom.Threading.Models;
using RealLazyInitializer = System.Threading.LazyInitializer;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="RealLazyInitializer"/>: inside a Loom execution each overload runs .NET's algorithm on
/// the caller's fields through Loom's memory model and Monitor model (<see cref="LazyInitializerModel"/>). Without a
/// lock the factory may run on several threads and the first compare-exchange wins; with one, one thread runs it.
/// Outside an execution each stand-in is the real member.
/// </summary>
[Intercepts(typeof(RealLazyInitializer))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LazyInitializerCalls
{
    private const string Api = "LazyInitializer.EnsureInitialized";

    /// <summary>Stands in for <see cref="RealLazyInitializer.EnsureInitialized{T}(ref T)"/>: publication-only, with T's parameterless constructor.</summary>
    /// <typeparam name="T">The target's type.</typeparam>
    /// <param name="target">The field to initialize if it is <see langword="null"/>.</param>
    /// <param name="targetName">Filled by the rewriter: the field's name.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The target's value, published by this thread or another.</returns>
    /// <exception cref="MissingMemberException">T has no public parameterless constructor.</exception>
    public static T EnsureInitialized<T>(ref T? target, [CallerArgumentExpression(nameof(target))] string? targetName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where T : class =>
        LoomRuntime.Controlled(Api, file, line) is not null
            ? LazyInitializerModel.PublicationOnly(ref target, null, targetName, file, line)!
            : RealLazyInitializer.EnsureInitialized(ref target);

    /// <summary>Stands in for <see cref="RealLazyInitializer.EnsureInitialized{T}(ref T, Func{T})"/>: publication-only, with a factory.</summary>
    /// <typeparam name="T">The target's type.</typeparam>
    /// <param name="target">The field to initialize if it is <see langword="null"/>.</param>
    /// <param name="valueFactory">Makes the value; may run on several threads at once.</param>
    /// <param name="targetName">Filled by the rewriter: the field's name.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The target's value, published by this thread or another.</returns>
    /// <exception cref="InvalidOperationException">The factory returned <see langword="null"/>.</exception>
    public static T EnsureInitialized<T>(ref T? target, Func<T> valueFactory, [CallerArgumentExpression(nameof(target))] string? targetName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where T : class =>
        LoomRuntime.Controlled(Api, file, line) is not null
            ? LazyInitializerModel.PublicationOnly(ref target, valueFactory, targetName, file, line)!
            : RealLazyInitializer.EnsureInitialized(ref target, valueFactory);

    /// <summary>Stands in for <see cref="RealLazyInitializer.EnsureInitialized{T}(ref T, ref bool, ref object)"/>: under a lock, with T's parameterless constructor.</summary>
    /// <typeparam name="T">The target's type.</typeparam>
    /// <param name="target">The field to initialize unless <paramref name="initialized"/> is set.</param>
    /// <param name="initialized">The flag that says the target is initialized.</param>
    /// <param name="syncLock">The lock object, made if <see langword="null"/>.</param>
    /// <param name="targetName">Filled by the rewriter: the field's name.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The target's value.</returns>
    /// <exception cref="MissingMemberException">T has no public parameterless constructor.</exception>
    public static T EnsureInitialized<T>(ref T target, ref bool initialized, ref object? syncLock, [CallerArgumentExpression(nameof(target))] string? targetName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled(Api, file, line) is { } me
            ? LazyInitializerModel.WithFlag(me, ref target, ref initialized, ref syncLock, null, targetName, file, line)
            : RealLazyInitializer.EnsureInitialized(ref target, ref initialized, ref syncLock);

    /// <summary>Stands in for <see cref="RealLazyInitializer.EnsureInitialized{T}(ref T, ref bool, ref object, Func{T})"/>: under a lock, with a factory.</summary>
    /// <typeparam name="T">The target's type.</typeparam>
    /// <param name="target">The field to initialize unless <paramref name="initialized"/> is set.</param>
    /// <param name="initialized">The flag that says the target is initialized.</param>
    /// <param name="syncLock">The lock object, made if <see langword="null"/>.</param>
    /// <param name="valueFactory">Makes the value, on one thread.</param>
    /// <param name="targetName">Filled by the rewriter: the field's name.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The target's value.</returns>
    public static T EnsureInitialized<T>(ref T target, ref bool initialized, ref object? syncLock, Func<T> valueFactory, [CallerArgumentExpression(nameof(target))] string? targetName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled(Api, file, line) is { } me
            ? LazyInitializerModel.WithFlag(me, ref target, ref initialized, ref syncLock, valueFactory, targetName, file, line)
            : RealLazyInitializer.EnsureInitialized(ref target, ref initialized, ref syncLock, valueFactory);

    /// <summary>Stands in for <see cref="RealLazyInitializer.EnsureInitialized{T}(ref T, ref object, Func{T})"/>: under a lock, while the target is <see langword="null"/>.</summary>
    /// <typeparam name="T">The target's type.</typeparam>
    /// <param name="target">The field to initialize if it is <see langword="null"/>.</param>
    /// <param name="syncLock">The lock object, made if <see langword="null"/>.</param>
    /// <param name="valueFactory">Makes the value, on one thread.</param>
    /// <param name="targetName">Filled by the rewriter: the field's name.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The target's value.</returns>
    /// <exception cref="InvalidOperationException">The factory returned <see langword="null"/>.</exception>
    public static T EnsureInitialized<T>(ref T? target, ref object? syncLock, Func<T> valueFactory, [CallerArgumentExpression(nameof(target))] string? targetName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where T : class =>
        LoomRuntime.Controlled(Api, file, line) is { } me
            ? LazyInitializerModel.WithLock(me, ref target, ref syncLock, valueFactory, targetName, file, line)
            : RealLazyInitializer.EnsureInitialized(ref target, ref syncLock, valueFactory);
}
