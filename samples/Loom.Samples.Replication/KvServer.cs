using Loom.Simulation;

namespace Loom.Samples.Replication;

/// <summary>
/// A durable key-value store on one node. It answers <see cref="KvRequest"/> datagrams on <see cref="Port"/>, logs
/// every change in a <see cref="WriteAheadLog"/> and rebuilds its state from the log when it starts. Changes that
/// carry an idempotency key are applied once per key, whatever the number of copies or retries that arrive.
/// </summary>
/// <param name="node">The node the store runs on.</param>
/// <param name="ackBeforeFlush">
/// The bug: acknowledge a change as soon as it is in the log's buffer, and flush the log every
/// <see cref="GroupCommitInterval"/> in the background. A crash before the flush loses changes clients were told were
/// stored. The fix acknowledges only after the log is flushed.
/// </param>
public sealed class KvServer(SimNode node, bool ackBeforeFlush)
{
    /// <summary>The port the store listens on.</summary>
    public const int Port = 5000;

    /// <summary>How often the buggy store flushes its log.</summary>
    public static readonly TimeSpan GroupCommitInterval = TimeSpan.FromMilliseconds(50);

    private readonly Dictionary<string, long> _values = new();

    /// <summary>For each client, the last idempotency key applied and the value it returned.</summary>
    private readonly Dictionary<int, (long Key, long Value)> _applied = new();

    /// <summary>The node's entry point: recover, then serve until the node stops.</summary>
    public async Task RunAsync()
    {
        var (opened, records) = await WriteAheadLog.OpenAsync(node.Disk);
        using var log = opened;
        foreach (var record in records)
            Apply(KvRequest.Decode(record));
        using var socket = node.Network.Bind(Port);
        if (ackBeforeFlush)
            _ = FlushPeriodically(log);
        while (true)
        {
            var datagram = await socket.ReceiveAsync();
            var request = KvRequest.Decode(datagram.Data);
            long value;
            if (request.Operation == KvOperation.Get)
            {
                value = _values.GetValueOrDefault(request.Key);
            }
            else if (request.IdempotencyKey != 0 && _applied.TryGetValue(request.ClientId, out var done) && done.Key >= request.IdempotencyKey)
            {
                value = done.Value;
            }
            else
            {
                await log.AppendAsync(request.Encode());
                value = Apply(request);
                if (!ackBeforeFlush)
                    await log.FlushAsync();
            }
            await socket.SendAsync(datagram.From, datagram.FromPort, new KvReply(request.RequestId, value).Encode());
        }
    }

    /// <summary>Rebuilds a store's values from the log on <paramref name="disk"/>, as a restart would (for checks).</summary>
    public static async Task<Dictionary<string, long>> RecoverValuesAsync(SimDisk disk)
    {
        var values = new Dictionary<string, long>();
        foreach (var record in await WriteAheadLog.ReadAllAsync(disk))
        {
            var request = KvRequest.Decode(record);
            values[request.Key] = request.Operation == KvOperation.Add ? values.GetValueOrDefault(request.Key) + request.Value : request.Value;
        }
        return values;
    }

    private long Apply(KvRequest request)
    {
        var value = request.Operation == KvOperation.Add ? _values.GetValueOrDefault(request.Key) + request.Value : request.Value;
        _values[request.Key] = value;
        if (request.IdempotencyKey != 0)
            _applied[request.ClientId] = (request.IdempotencyKey, value);
        return value;
    }

    private async Task FlushPeriodically(WriteAheadLog log)
    {
        while (true)
        {
            await Task.Delay(GroupCommitInterval, node.Clock);
            await log.FlushAsync();
        }
    }
}
