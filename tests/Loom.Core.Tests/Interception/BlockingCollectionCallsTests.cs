using System.Collections.Concurrent;
using Loom.Interception;
using Xunit;
using CancellationTokenSource = System.Threading.CancellationTokenSource;

namespace Loom.Tests.Interception;

/// <summary>BlockingCollection through its stand-ins: controlled waits for items and for room.</summary>
public class BlockingCollectionCallsTests
{
    [Fact]
    public void A_consumer_whose_producer_never_calls_CompleteAdding_deadlocks_and_completing_in_finally_fixes_it()
    {
        static ExplorationResult Model(bool complete) => LoomModel.Explore(() =>
        {
            var work = new BlockingCollection<int>();
            var consumed = new List<int>();
            Rewritten.All(
                () =>
                {
                    try
                    {
                        BlockingCollectionOfTCalls.Add(work, 1, "Pipeline.cs", 10);
                        BlockingCollectionOfTCalls.Add(work, 2, "Pipeline.cs", 11);
                    }
                    finally
                    {
                        if (complete)
                            BlockingCollectionOfTCalls.CompleteAdding(work, "Pipeline.cs", 12);
                    }
                },
                () =>
                {
                    foreach (var item in BlockingCollectionOfTCalls.GetConsumingEnumerable(work, "Pipeline.cs", 20))
                        consumed.Add(item);
                });
            Rewritten.Expect(consumed.SequenceEqual([1, 2]), $"consumed {string.Join(",", consumed)}");
            Rewritten.Expect(BlockingCollectionOfTCalls.get_IsCompleted(work, "Pipeline.cs", 30), "completed");
        });

        var buggy = Model(complete: false);
        Assert.Equal(FailureKind.Deadlock, buggy.Failure?.Kind);
        Assert.Contains("CompleteAdding", buggy.Failure!.Message);
        Assert.Contains("Pipeline.cs:20", buggy.Failure.Message);
        var fixedModel = Model(complete: true);
        Assert.True(fixedModel.Passed, fixedModel.Failure?.Report);
        Assert.True(fixedModel.Exhausted);
    }

    [Fact]
    public void An_add_to_a_full_bounded_collection_waits_for_a_take_and_with_no_taker_is_a_deadlock()
    {
        static ExplorationResult Model(bool consumer) => LoomModel.Explore(() =>
        {
            var slots = new BlockingCollection<string>(boundedCapacity: 1);
            var producer = ThreadCalls.New(() =>
            {
                BlockingCollectionOfTCalls.Add(slots, "a", "Bounded.cs", 10);
                BlockingCollectionOfTCalls.Add(slots, "b", "Bounded.cs", 11);
                Rewritten.Expect(BlockingCollectionOfTCalls.get_Count(slots, "Bounded.cs", 12) <= 1, "never more than the bound");
            });
            ThreadCalls.Start(producer, "Bounded.cs", 1);
            if (consumer)
                Rewritten.Expect(BlockingCollectionOfTCalls.Take(slots, "Bounded.cs", 20) == "a", "the first item first");
            ThreadCalls.Join(producer, "Bounded.cs", 21);
        });

        var stuck = Model(consumer: false);
        Assert.Equal(FailureKind.Deadlock, stuck.Failure?.Kind);
        Assert.Contains("which is full (1 items)", stuck.Failure!.Message);
        Assert.Contains("Bounded.cs:11", stuck.Failure.Message);
        var flowing = Model(consumer: true);
        Assert.True(flowing.Passed, flowing.Failure?.Report);
        Assert.True(flowing.Exhausted);
    }

    [Fact]
    public void A_timed_TryTake_times_out_in_virtual_time_only_when_no_thread_can_add()
    {
        static (ExplorationResult Result, SortedSet<string> Outcomes) Model(bool producer)
        {
            var outcomes = new SortedSet<string>();
            var result = LoomModel.Explore(() =>
            {
                var inbox = new BlockingCollection<int>();
                var sender = ThreadCalls.New(() =>
                {
                    if (producer)
                        BlockingCollectionOfTCalls.Add(inbox, 7, "Timed.cs", 1);
                });
                ThreadCalls.Start(sender, "Timed.cs", 2);
                var before = StopwatchCalls.GetTimestamp("Timed.cs", 3);
                var got = BlockingCollectionOfTCalls.TryTake(inbox, out var item, TimeSpan.FromSeconds(5), "Timed.cs", 4);
                var waited = StopwatchCalls.GetElapsedTime(before, "Timed.cs", 5);
                ThreadCalls.Join(sender, "Timed.cs", 6);
                lock (outcomes)
                    outcomes.Add(got ? $"took {item} after {waited.TotalSeconds}s" : $"timed out after {waited.TotalSeconds}s");
            });
            return (result, outcomes);
        }

        var (none, noneOutcomes) = Model(producer: false);
        Assert.True(none.Passed, none.Failure?.Report);
        Assert.Equal(["timed out after 5s"], noneOutcomes);
        var (some, someOutcomes) = Model(producer: true);
        Assert.True(some.Passed, some.Failure?.Report);
        Assert.Equal(["took 7 after 0s"], someOutcomes);
    }

    [Fact]
    public void A_Take_whose_token_another_thread_cancels_ends_with_OperationCanceledException_under_control()
    {
        var result = LoomModel.Explore(() =>
        {
            var inbox = new BlockingCollection<int>();
            using var stop = new CancellationTokenSource();
            var canceller = ThreadCalls.New(stop.Cancel);
            ThreadCalls.Start(canceller, "Cancel.cs", 1);
            var thrown = Record.Exception(() => BlockingCollectionOfTCalls.Take(inbox, stop.Token, "Cancel.cs", 2));
            ThreadCalls.Join(canceller, "Cancel.cs", 3);
            Rewritten.Expect(thrown is OperationCanceledException oce && oce.CancellationToken == stop.Token, $"cancelled, not {thrown}");
        });
        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
    }

    [Fact]
    public void After_CompleteAdding_a_take_from_the_empty_collection_and_an_add_throw_InvalidOperationException()
    {
        var collection = new BlockingCollection<int>();
        var thrown = Loom.Tests.Threading.Run.ThrownInside(() =>
        {
            BlockingCollectionOfTCalls.Add(collection, 1, "Done.cs", 1);
            BlockingCollectionOfTCalls.CompleteAdding(collection, "Done.cs", 2);
            Rewritten.Expect(BlockingCollectionOfTCalls.get_IsAddingCompleted(collection, "Done.cs", 3), "adding completed");
            Rewritten.Expect(!BlockingCollectionOfTCalls.get_IsCompleted(collection, "Done.cs", 4), "one item left");
            Rewritten.Expect(BlockingCollectionOfTCalls.Take(collection, "Done.cs", 5) == 1, "the last item");
            Rewritten.Expect(!BlockingCollectionOfTCalls.TryTake(collection, out _, "Done.cs", 6), "nothing more");
            var add = Record.Exception(() => BlockingCollectionOfTCalls.TryAdd(collection, 2, "Done.cs", 7));
            Rewritten.Expect(add is InvalidOperationException, $"add after CompleteAdding: {add}");
            BlockingCollectionOfTCalls.Take(collection, "Done.cs", 8);
        });
        Assert.IsType<InvalidOperationException>(thrown);
        Assert.Contains("marked as complete", thrown.Message);
    }

    [Fact]
    public void Dispose_inside_an_execution_disposes_the_model_only()
    {
        var collection = new BlockingCollection<int>();
        Assert.IsType<ObjectDisposedException>(Loom.Tests.Threading.Run.ThrownInside(() =>
        {
            BlockingCollectionOfTCalls.Dispose(collection, "Disposed.cs", 1);
            BlockingCollectionOfTCalls.Add(collection, 1, "Disposed.cs", 2);
        }));
        Assert.True(collection.TryAdd(1));
        Assert.Single(collection);
    }

    [Fact]
    public void Outside_an_execution_the_stand_ins_are_the_real_collection()
    {
        using var collection = new BlockingCollection<int>(boundedCapacity: 1);
        Assert.True(BlockingCollectionOfTCalls.TryAdd(collection, 1, "Real.cs", 1));
        Assert.False(BlockingCollectionOfTCalls.TryAdd(collection, 2, 0, "Real.cs", 2));
        Assert.Equal([1], BlockingCollectionOfTCalls.ToArray(collection, "Real.cs", 3));
        Assert.Equal(1, BlockingCollectionOfTCalls.Take(collection, "Real.cs", 4));
        Assert.False(BlockingCollectionOfTCalls.TryTake(collection, out _, TimeSpan.Zero, "Real.cs", 5));
        BlockingCollectionOfTCalls.Add(collection, 3, "Real.cs", 6);
        BlockingCollectionOfTCalls.CompleteAdding(collection, "Real.cs", 7);
        Assert.Equal([3], BlockingCollectionOfTCalls.GetConsumingEnumerable(collection, "Real.cs", 8).ToArray());
        Assert.True(BlockingCollectionOfTCalls.get_IsCompleted(collection, "Real.cs", 9));
        Assert.Throws<InvalidOperationException>(() => BlockingCollectionOfTCalls.Take(collection, "Real.cs", 10));
    }
}
