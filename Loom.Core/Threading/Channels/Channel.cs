using System;
using Loom.Runtime;
using Loom.Threading.Models;
using SystemChannels = System.Threading.Channels;

namespace Loom.Threading.Channels;

/// <summary>
/// Mirrors <see cref="SystemChannels.Channel"/>. Inside a Loom execution it makes a model channel
/// (<see cref="ChannelModel"/>, shared with the test build's stand-ins for System.Threading.Channels): a real
/// <see cref="SystemChannels.Channel{T}"/> with the options' behaviour whose reader and writer operations are
/// scheduling points, and whose waiting reads and writes complete on the logical thread that satisfies them, so the
/// code awaiting them resumes under Loom's control. Outside an execution it makes the real channel.
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
        return Controlled() ? ChannelModel.CreateUnbounded<T>(options) : SystemChannels.Channel.CreateUnbounded<T>(options);
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
        return Controlled() ? ChannelModel.CreateBounded(options, itemDropped) : SystemChannels.Channel.CreateBounded(options, itemDropped);
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
        return Controlled() ? ChannelModel.CreateUnboundedPrioritized(options) : SystemChannels.Channel.CreateUnboundedPrioritized(options);
    }

    private static bool Controlled() => LoomRuntime.Controlled("Channel.Create", null, 0) is not null;
}
