using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Loom.Runtime;
using Loom.Threading.Models;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="Channel"/>'s factory methods: inside a Loom execution they make a model channel
/// (<see cref="ChannelModel"/>, shared with the Loom.Threading.Channels.Channel mirror) with the options' capacity,
/// full mode, item-dropped callback, ordering and counting, whose reader and writer operations are scheduling points;
/// outside an execution they make the real channel.
/// </summary>
[Intercepts(typeof(Channel))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ChannelCalls
{
    private const string Api = "Channel.Create";

    /// <summary>Stands in for <see cref="Channel.CreateUnbounded{T}()"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The channel.</returns>
    public static Channel<T> CreateUnbounded<T>([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CreateUnbounded<T>(new UnboundedChannelOptions(), file, line);

    /// <summary>Stands in for <see cref="Channel.CreateUnbounded{T}(UnboundedChannelOptions)"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="options">The channel's options.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The channel.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static Channel<T> CreateUnbounded<T>(UnboundedChannelOptions options, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(options);
        return LoomRuntime.Controlled(Api, file, line) is not null ? ChannelModel.CreateUnbounded<T>(options) : Channel.CreateUnbounded<T>(options);
    }

    /// <summary>Stands in for <see cref="Channel.CreateBounded{T}(int)"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="capacity">The most items the channel holds.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The channel.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    public static Channel<T> CreateBounded<T>(int capacity, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CreateBounded<T>(new BoundedChannelOptions(capacity), null, file, line);

    /// <summary>Stands in for <see cref="Channel.CreateBounded{T}(BoundedChannelOptions)"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="options">The channel's options.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The channel.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static Channel<T> CreateBounded<T>(BoundedChannelOptions options, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CreateBounded<T>(options, null, file, line);

    /// <summary>Stands in for <see cref="Channel.CreateBounded{T}(BoundedChannelOptions, Action{T})"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="options">The channel's options.</param>
    /// <param name="itemDropped">Called for each item a full channel drops.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The channel.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static Channel<T> CreateBounded<T>(BoundedChannelOptions options, Action<T>? itemDropped, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(options);
        return LoomRuntime.Controlled(Api, file, line) is not null ? ChannelModel.CreateBounded(options, itemDropped) : Channel.CreateBounded(options, itemDropped);
    }

    /// <summary>Stands in for <see cref="Channel.CreateUnboundedPrioritized{T}()"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The channel, which reads the smallest item first.</returns>
    public static Channel<T> CreateUnboundedPrioritized<T>([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CreateUnboundedPrioritized(new UnboundedPrioritizedChannelOptions<T>(), file, line);

    /// <summary>Stands in for <see cref="Channel.CreateUnboundedPrioritized{T}(UnboundedPrioritizedChannelOptions{T})"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="options">The channel's options.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The channel, which reads the smallest item first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static Channel<T> CreateUnboundedPrioritized<T>(UnboundedPrioritizedChannelOptions<T> options, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(options);
        return LoomRuntime.Controlled(Api, file, line) is not null ? ChannelModel.CreateUnboundedPrioritized(options) : Channel.CreateUnboundedPrioritized(options);
    }
}
