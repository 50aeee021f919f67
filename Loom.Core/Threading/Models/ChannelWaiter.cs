using System;
using System.Threading;
using System.Threading.Tasks;

namespace Loom.Threading.Models;

/// <summary>A channel operation that waits (<see cref="ChannelBuffer{T}"/>): its task, its cancellation and, for a blocked write, its item.</summary>
internal sealed class ChannelWaiter<T, TResult>(TaskCreationOptions options)
{
    public TaskCompletionSource<TResult> Source { get; } = new(options);

    /// <summary>The registration that cancels the wait; unregistered when something else ends it.</summary>
    public CancellationTokenRegistration Registration { get; set; }

    /// <summary>The item of a blocked write.</summary>
    public T Item { get; init; } = default!;

    public void Complete(TResult result)
    {
        Registration.Unregister();
        Source.TrySetResult(result);
    }

    public void Fail(Exception error)
    {
        Registration.Unregister();
        Source.TrySetException(error);
    }
}
