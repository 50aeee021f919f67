using System;
using System.Collections.Generic;
using Loom.Runtime;
using SystemChannels = System.Threading.Channels;

namespace Loom.Threading.Channels;

/// <summary>
/// Mirrors <see cref="SystemChannels.Channel"/>: creates real System.Threading.Channels channels. Inside a Loom
/// execution they are created with synchronous continuations allowed: the channel's own internals await with
/// ConfigureAwait(false), which would send their continuations to the real thread pool, out of Loom's control.
/// Run inline on the logical thread that completes them instead, they stay controlled, and the continuations of
/// the code awaiting the channel still come back through the execution as separate steps.
/// </summary>
public static class Channel
{
    /// <summary>Mirrors <see cref="SystemChannels.Channel.CreateUnbounded{T}()"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <returns>The channel.</returns>
    public static SystemChannels.Channel<T> CreateUnbounded<T>() => CreateUnbounded<T>(new SystemChannels.UnboundedChannelOptions());

    /// <summary>Mirrors <see cref="SystemChannels.Channel.CreateUnbounded{T}(SystemChannels.UnboundedChannelOptions)"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="options">The channel's options.</param>
    /// <returns>The channel.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static SystemChannels.Channel<T> CreateUnbounded<T>(SystemChannels.UnboundedChannelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Controlled())
        {
            options = new SystemChannels.UnboundedChannelOptions
            {
                SingleReader = options.SingleReader,
                SingleWriter = options.SingleWriter,
                AllowSynchronousContinuations = true,
            };
        }
        return SystemChannels.Channel.CreateUnbounded<T>(options);
    }

    /// <summary>Mirrors <see cref="SystemChannels.Channel.CreateBounded{T}(int)"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="capacity">The most items the channel holds.</param>
    /// <returns>The channel.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    public static SystemChannels.Channel<T> CreateBounded<T>(int capacity) => CreateBounded<T>(new SystemChannels.BoundedChannelOptions(capacity));

    /// <summary>Mirrors <see cref="SystemChannels.Channel.CreateBounded{T}(SystemChannels.BoundedChannelOptions)"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="options">The channel's options.</param>
    /// <returns>The channel.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static SystemChannels.Channel<T> CreateBounded<T>(SystemChannels.BoundedChannelOptions options) => CreateBounded<T>(options, null);

    /// <summary>Mirrors <see cref="SystemChannels.Channel.CreateBounded{T}(SystemChannels.BoundedChannelOptions, Action{T})"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="options">The channel's options.</param>
    /// <param name="itemDropped">Called for each item a full channel drops.</param>
    /// <returns>The channel.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static SystemChannels.Channel<T> CreateBounded<T>(SystemChannels.BoundedChannelOptions options, Action<T>? itemDropped)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Controlled())
        {
            options = new SystemChannels.BoundedChannelOptions(options.Capacity)
            {
                FullMode = options.FullMode,
                SingleReader = options.SingleReader,
                SingleWriter = options.SingleWriter,
                AllowSynchronousContinuations = true,
            };
        }
        return SystemChannels.Channel.CreateBounded(options, itemDropped);
    }

    /// <summary>Mirrors <see cref="SystemChannels.Channel.CreateUnboundedPrioritized{T}()"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <returns>The channel, which yields the smallest item first.</returns>
    public static SystemChannels.Channel<T> CreateUnboundedPrioritized<T>() =>
        CreateUnboundedPrioritized(new SystemChannels.UnboundedPrioritizedChannelOptions<T>());

    /// <summary>Mirrors <see cref="SystemChannels.Channel.CreateUnboundedPrioritized{T}(SystemChannels.UnboundedPrioritizedChannelOptions{T})"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="options">The channel's options.</param>
    /// <returns>The channel.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static SystemChannels.Channel<T> CreateUnboundedPrioritized<T>(SystemChannels.UnboundedPrioritizedChannelOptions<T> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Controlled())
        {
            options = new SystemChannels.UnboundedPrioritizedChannelOptions<T>
            {
                Comparer = options.Comparer ?? Comparer<T>.Default,
                SingleReader = options.SingleReader,
                SingleWriter = options.SingleWriter,
                AllowSynchronousContinuations = true,
            };
        }
        return SystemChannels.Channel.CreateUnboundedPrioritized(options);
    }

    private static bool Controlled() => LoomRuntime.Controlled("Channel.Create", null, 0) is not null;
}
