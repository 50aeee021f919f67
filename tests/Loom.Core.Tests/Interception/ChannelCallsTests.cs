using System.Threading.Channels;
using Loom.Interception;
using Xunit;
using CancellationToken = System.Threading.CancellationToken;
using CancellationTokenSource = System.Threading.CancellationTokenSource;
using MirrorChannel = Loom.Threading.Channels.Channel;

namespace Loom.Tests.Interception;

/// <summary>Channels through their stand-ins: the factory, the reader and the writer.</summary>
public class ChannelCallsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Writes 1..count through the stand-ins, completing the writer if asked.</summary>
    private static Task Produce(ChannelWriter<int> writer, int count, bool complete) => TaskCalls.Run(async () =>
    {
        for (var i = 1; i <= count; i++)
            await ChannelWriterOfTCalls.WriteAsync(writer, i, None, "Producer.cs", 10);
        if (complete)
            ChannelWriterOfTCalls.Complete(writer, null, "Producer.cs", 11);
    }, "Producer.cs", 1);

    [Fact]
    public void A_bounded_channel_producer_and_consumer_deliver_everything_in_order_in_every_schedule()
    {
        var result = LoomModel.Explore(async () =>
        {
            var channel = ChannelCalls.CreateBounded<int>(1, "Pipe.cs", 1);
            var producer = Produce(channel.Writer, 3, complete: true);
            var received = new List<int>();
            await foreach (var item in ChannelReaderOfTCalls.ReadAllAsync(channel.Reader, None, "Pipe.cs", 2))
            {
                Rewritten.Expect(ChannelReaderOfTCalls.get_Count(channel.Reader, "Pipe.cs", 3) <= 1, "never more than the capacity");
                received.Add(item);
            }
            await producer;
            Rewritten.Expect(received.SequenceEqual([1, 2, 3]), $"received {string.Join(",", received)}");
            await ChannelReaderOfTCalls.get_Completion(channel.Reader, "Pipe.cs", 4);
        });
        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
        Assert.True(result.Executions > 1, $"{result.Executions} executions: the producer and the consumer interleave");
    }

    [Fact]
    public void A_producer_that_never_completes_the_writer_leaves_ReadAllAsync_waiting_and_completing_it_fixes_that()
    {
        static ExplorationResult Model(bool complete) => LoomModel.Explore(async () =>
        {
            var channel = ChannelCalls.CreateUnbounded<int>("Forgot.cs", 1);
            var producer = Produce(channel.Writer, 2, complete);
            var sum = 0;
            await foreach (var item in ChannelReaderOfTCalls.ReadAllAsync(channel.Reader, None, "Forgot.cs", 2))
                sum += item;
            await producer;
            Rewritten.Expect(sum == 3, $"sum {sum}");
        });

        var buggy = Model(complete: false);
        Assert.Equal(FailureKind.Deadlock, buggy.Failure?.Kind);
        var fixedModel = Model(complete: true);
        Assert.True(fixedModel.Passed, fixedModel.Failure?.Report);
        Assert.True(fixedModel.Exhausted);
    }

    [Fact]
    public void A_producer_that_ignores_TryWrite_on_a_full_channel_loses_items_and_WriteAsync_waits_for_room()
    {
        static ExplorationResult Model(bool wait) => LoomModel.Explore(async () =>
        {
            var channel = ChannelCalls.CreateBounded<int>(1, "Lossy.cs", 1);
            var producer = TaskCalls.Run(async () =>
            {
                for (var i = 1; i <= 2; i++)
                {
                    if (wait)
                        await ChannelWriterOfTCalls.WriteAsync(channel.Writer, i, None, "Lossy.cs", 10);
                    else
                        ChannelWriterOfTCalls.TryWrite(channel.Writer, i, "Lossy.cs", 11);
                }
                ChannelWriterOfTCalls.TryComplete(channel.Writer, null, "Lossy.cs", 12);
            }, "Lossy.cs", 2);
            var received = 0;
            while (await ChannelReaderOfTCalls.WaitToReadAsync(channel.Reader, None, "Lossy.cs", 20))
            {
                while (ChannelReaderOfTCalls.TryRead(channel.Reader, out _, "Lossy.cs", 21))
                    received++;
            }
            await producer;
            Rewritten.Expect(received == 2, $"received {received} of 2");
        });

        var buggy = Model(wait: false);
        Assert.Equal(FailureKind.Exception, buggy.Failure?.Kind);
        Assert.Contains("received 1 of 2", buggy.Failure!.Message);
        var fixedModel = Model(wait: true);
        Assert.True(fixedModel.Passed, fixedModel.Failure?.Report);
        Assert.True(fixedModel.Exhausted);
    }

    [Fact]
    public void Full_modes_drop_as_dotnet_does_and_a_prioritized_channel_reads_the_smallest_first()
    {
        var dropped = new List<int>();
        var read = new List<int>();
        var result = LoomModel.Explore(() =>
        {
            dropped.Clear();
            read.Clear();
            var oldest = ChannelCalls.CreateBounded<int>(new BoundedChannelOptions(2) { FullMode = BoundedChannelFullMode.DropOldest }, dropped.Add, "Modes.cs", 1);
            foreach (var i in new[] { 1, 2, 3 })
                Rewritten.Expect(ChannelWriterOfTCalls.TryWrite(oldest.Writer, i, "Modes.cs", 2), "a dropping channel accepts every write");
            var newest = ChannelCalls.CreateBounded<int>(new BoundedChannelOptions(2) { FullMode = BoundedChannelFullMode.DropNewest }, dropped.Add, "Modes.cs", 3);
            var write = ChannelCalls.CreateBounded<int>(new BoundedChannelOptions(2) { FullMode = BoundedChannelFullMode.DropWrite }, dropped.Add, "Modes.cs", 4);
            var prioritized = ChannelCalls.CreateUnboundedPrioritized<int>("Modes.cs", 5);
            foreach (var i in new[] { 4, 5, 6 })
            {
                ChannelWriterOfTCalls.TryWrite(newest.Writer, i, "Modes.cs", 6);
                ChannelWriterOfTCalls.TryWrite(write.Writer, i, "Modes.cs", 7);
                ChannelWriterOfTCalls.TryWrite(prioritized.Writer, 10 - i, "Modes.cs", 8);
            }
            foreach (var channel in new[] { oldest, newest, write, prioritized })
            {
                while (ChannelReaderOfTCalls.TryRead(channel.Reader, out var item, "Modes.cs", 9))
                    read.Add(item);
            }
        });
        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal([1, 5, 6], dropped);
        Assert.Equal([2, 3, 4, 6, 4, 5, 4, 5, 6], read);
    }

    [Fact]
    public void A_rendezvous_channel_hands_each_item_from_a_waiting_writer_to_a_reader()
    {
        var result = LoomModel.Explore(async () =>
        {
            var channel = ChannelCalls.CreateBounded<int>(0, "Rendezvous.cs", 1);
            Rewritten.Expect(!ChannelWriterOfTCalls.TryWrite(channel.Writer, 1, "Rendezvous.cs", 2), "no reader waits, so no room");
            var write = ChannelWriterOfTCalls.WriteAsync(channel.Writer, 2, None, "Rendezvous.cs", 3).AsTask();
            Rewritten.Expect(ChannelReaderOfTCalls.TryPeek(channel.Reader, out var seen, "Rendezvous.cs", 4) && seen == 2, "the waiting write is what a read takes");
            Rewritten.Expect(ChannelReaderOfTCalls.get_Count(channel.Reader, "Rendezvous.cs", 5) == 0, "it holds nothing");
            Rewritten.Expect(ChannelReaderOfTCalls.TryRead(channel.Reader, out var taken, "Rendezvous.cs", 6) && taken == 2 && write.IsCompleted, "handed over");
            var read = ChannelReaderOfTCalls.ReadAsync(channel.Reader, None, "Rendezvous.cs", 7);
            Rewritten.Expect(await ChannelWriterOfTCalls.WaitToWriteAsync(channel.Writer, None, "Rendezvous.cs", 8), "a waiting read is room");
            Rewritten.Expect(ChannelWriterOfTCalls.TryWrite(channel.Writer, 3, "Rendezvous.cs", 9) && await read == 3, "handed over");
        });
        Assert.True(result.Passed, result.Failure?.Report);
    }

    [Fact]
    public void Completing_with_an_error_fails_pending_reads_and_Completion_and_ends_the_waits()
    {
        var thrown = Loom.Tests.Threading.Run.ThrownInside(() =>
        {
            var channel = ChannelCalls.CreateUnbounded<int>("Error.cs", 1);
            var pending = ChannelReaderOfTCalls.ReadAsync(channel.Reader, None, "Error.cs", 2).AsTask();
            Rewritten.Expect(!ChannelReaderOfTCalls.TryPeek(channel.Reader, out _, "Error.cs", 3), "empty");
            var failure = new TimeoutException("upstream");
            Rewritten.Expect(ChannelWriterOfTCalls.TryComplete(channel.Writer, failure, "Error.cs", 4), "completed");
            Rewritten.Expect(!ChannelWriterOfTCalls.TryComplete(channel.Writer, null, "Error.cs", 5), "completed once");
            Rewritten.Expect(pending.Exception?.InnerException is ChannelClosedException { InnerException: TimeoutException }, $"the pending read fails: {pending.Status}");
            var completion = ChannelReaderOfTCalls.get_Completion(channel.Reader, "Error.cs", 6);
            Rewritten.Expect(completion.Exception?.InnerException == failure, "Completion carries the error");
            Rewritten.Expect(!ChannelWriterOfTCalls.TryWrite(channel.Writer, 1, "Error.cs", 7), "no write after completion");
            ChannelWriterOfTCalls.Complete(channel.Writer, null, "Error.cs", 8);
        });
        Assert.IsType<ChannelClosedException>(thrown);
    }

    [Fact]
    public void A_ReadAsync_whose_token_another_thread_cancels_is_cancelled_under_control()
    {
        var result = LoomModel.Explore(async () =>
        {
            var channel = ChannelCalls.CreateUnbounded<int>("Cancel.cs", 1);
            using var stop = new CancellationTokenSource();
            var canceller = TaskCalls.Run(stop.Cancel, "Cancel.cs", 2);
            var cancelled = false;
            try
            {
                await ChannelReaderOfTCalls.ReadAsync(channel.Reader, stop.Token, "Cancel.cs", 3);
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
            }
            await canceller;
            Rewritten.Expect(cancelled, "the read was cancelled");
            Rewritten.Expect(ChannelWriterOfTCalls.TryWrite(channel.Writer, 1, "Cancel.cs", 4) && ChannelReaderOfTCalls.TryRead(channel.Reader, out var item, "Cancel.cs", 5) && item == 1,
                "the cancelled read took nothing");
        });
        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
    }

    [Fact]
    public void The_mirror_and_the_stand_ins_make_the_same_model_channel_inside_and_the_real_one_outside()
    {
        var types = new List<Type>();
        var result = LoomModel.Explore(() =>
        {
            var mirrored = MirrorChannel.CreateBounded<int>(1);
            types.Add(mirrored.GetType());
            types.Add(ChannelCalls.CreateBounded<int>(1, "Same.cs", 1).GetType());
            Rewritten.Expect(ChannelWriterOfTCalls.TryWrite(mirrored.Writer, 1, "Same.cs", 2) && mirrored.Reader.TryRead(out _), "one buffer behind the stand-ins and the overrides");
        });
        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(types[0], types[1]);
        Assert.NotEqual(Channel.CreateBounded<int>(1).GetType(), types[0]);
        Assert.Equal(Channel.CreateBounded<int>(1).GetType(), ChannelCalls.CreateBounded<int>(1, "Out.cs", 1).GetType());
        Assert.Equal(Channel.CreateUnbounded<int>().GetType(), MirrorChannel.CreateUnbounded<int>().GetType());
    }

    [Fact]
    public void A_real_channel_made_outside_an_execution_is_used_through_scheduling_points()
    {
        var channel = Channel.CreateUnbounded<int>();
        var result = LoomModel.Explore(async () =>
        {
            var reader = TaskCalls.Run(async () => await ChannelReaderOfTCalls.ReadAsync(channel.Reader, None, "Real.cs", 1), "Real.cs", 2);
            Rewritten.Expect(ChannelWriterOfTCalls.TryWrite(channel.Writer, 5, "Real.cs", 3), "written");
            Rewritten.Expect(await reader == 5, "read what was written");
            Rewritten.Expect(false, "stop here to read the trace");
        });
        Assert.Contains("stop here", result.Failure?.Message);
        Assert.Contains(result.Failure!.Trace, step => step.File == "Real.cs" && step.Line == 1 && step.Operation == "ChannelReader.ReadAsync");
        Assert.Contains(result.Failure.Trace, step => step.File == "Real.cs" && step.Line == 3 && step.Operation == "ChannelWriter.TryWrite");
    }

    [Fact]
    public async Task Outside_an_execution_the_stand_ins_are_the_real_channel()
    {
        var channel = ChannelCalls.CreateBounded<int>(1, "Out.cs", 1);
        Assert.True(ChannelWriterOfTCalls.TryWrite(channel.Writer, 1, "Out.cs", 2));
        Assert.False(ChannelWriterOfTCalls.TryWrite(channel.Writer, 2, "Out.cs", 3));
        Assert.Equal(1, ChannelReaderOfTCalls.get_Count(channel.Reader, "Out.cs", 4));
        Assert.Equal(1, await ChannelReaderOfTCalls.ReadAsync(channel.Reader, TestContext.Current.CancellationToken, "Out.cs", 5));
        ChannelWriterOfTCalls.Complete(channel.Writer, null, "Out.cs", 6);
        Assert.False(await ChannelReaderOfTCalls.WaitToReadAsync(channel.Reader, TestContext.Current.CancellationToken, "Out.cs", 7));
        Assert.Throws<ChannelClosedException>(() => ChannelWriterOfTCalls.Complete(channel.Writer, null, "Out.cs", 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChannelCalls.CreateBounded<int>(-1, "Out.cs", 9));
    }
}
