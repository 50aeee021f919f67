using System.Collections.Concurrent;
using Loom.Interception;
using Xunit;

namespace Loom.Tests.Interception;

/// <summary>ConcurrentDictionary, ConcurrentQueue, ConcurrentStack and ConcurrentBag through their stand-ins.</summary>
public class ConcurrentCollectionCallsTests
{
    [Fact]
    public void A_GetOrAdd_factory_that_opens_a_resource_runs_twice_and_Lazy_values_open_it_once()
    {
        static ExplorationResult Model(bool lazyValues) => LoomModel.Explore(() =>
        {
            var opened = new Counter();
            var connections = new ConcurrentDictionary<string, string>();
            var lazyConnections = new ConcurrentDictionary<string, Lazy<string>>();
            string Open()
            {
                opened.Increment("Cache.cs", 1);
                return "connection";
            }
            Action User(int me) => () =>
            {
                var connection = lazyValues
                    ? LazyOfTCalls.get_Value(
                        ConcurrentDictionaryOfTKeyTValueCalls.GetOrAdd(lazyConnections, "db", _ => new Lazy<string>(Open), "Cache.cs", 10 + me), "Cache.cs", 12)
                    : ConcurrentDictionaryOfTKeyTValueCalls.GetOrAdd(connections, "db", _ => Open(), "Cache.cs", 10 + me);
                Rewritten.Expect(connection == "connection", "a connection");
            };
            Rewritten.All(User(0), User(1));
            Rewritten.Expect(opened.Value == 1, $"opened {opened.Value} connections");
        });

        var buggy = Model(lazyValues: false);
        Assert.Equal(FailureKind.Exception, buggy.Failure?.Kind);
        Assert.Contains("opened 2 connections", buggy.Failure!.Message);
        Assert.Contains(buggy.Failure.Trace, step => step.File == "Cache.cs" && step.Line is 10 or 11);
        var fixedModel = Model(lazyValues: true);
        Assert.True(fixedModel.Passed, fixedModel.Failure?.Report);
        Assert.True(fixedModel.Exhausted);
    }

    [Fact]
    public void Check_then_act_with_TryGetValue_and_TryAdd_is_found_and_GetOrAdd_fixes_it()
    {
        static ExplorationResult Model(bool getOrAdd) => LoomModel.Explore(() =>
        {
            var sessions = new ConcurrentDictionary<int, string>();
            Action User(string name, int line) => () =>
            {
                if (getOrAdd)
                {
                    ConcurrentDictionaryOfTKeyTValueCalls.GetOrAdd(sessions, 1, name, "Sessions.cs", line);
                    return;
                }
                if (!ConcurrentDictionaryOfTKeyTValueCalls.TryGetValue(sessions, 1, out _, "Sessions.cs", line))
                    Rewritten.Expect(ConcurrentDictionaryOfTKeyTValueCalls.TryAdd(sessions, 1, name, "Sessions.cs", line + 1), "the key was absent, so adding it must succeed");
            };
            Rewritten.All(User("a", 10), User("b", 20));
            Rewritten.Expect(ConcurrentDictionaryOfTKeyTValueCalls.get_Count(sessions, "Sessions.cs", 30) == 1, "one session");
        });

        var buggy = Model(getOrAdd: false);
        Assert.Equal(FailureKind.Exception, buggy.Failure?.Kind);
        Assert.Contains("adding it must succeed", buggy.Failure!.Message);
        var fixedModel = Model(getOrAdd: true);
        Assert.True(fixedModel.Passed, fixedModel.Failure?.Report);
        Assert.True(fixedModel.Exhausted);
    }

    [Fact]
    public void A_read_then_set_increment_loses_updates_and_AddOrUpdate_retries_until_its_update_lands()
    {
        static ExplorationResult Model(bool addOrUpdate) => LoomModel.Explore(() =>
        {
            var hits = new ConcurrentDictionary<string, int>();
            Action Hit(int line) => () =>
            {
                if (addOrUpdate)
                {
                    ConcurrentDictionaryOfTKeyTValueCalls.AddOrUpdate(hits, "page", 1, (_, old) => old + 1, "Hits.cs", line);
                    return;
                }
                ConcurrentDictionaryOfTKeyTValueCalls.TryGetValue(hits, "page", out var old, "Hits.cs", line);
                ConcurrentDictionaryOfTKeyTValueCalls.set_Item(hits, "page", old + 1, "Hits.cs", line + 1);
            };
            Rewritten.All(Hit(10), Hit(20));
            var total = ConcurrentDictionaryOfTKeyTValueCalls.get_Item(hits, "page", "Hits.cs", 30);
            Rewritten.Expect(total == 2, $"{total} hits counted of 2");
        });

        var buggy = Model(addOrUpdate: false);
        Assert.Equal(FailureKind.Exception, buggy.Failure?.Kind);
        Assert.Contains("1 hits counted of 2", buggy.Failure!.Message);
        var fixedModel = Model(addOrUpdate: true);
        Assert.True(fixedModel.Passed, fixedModel.Failure?.Report);
        Assert.True(fixedModel.Exhausted);
    }

    [Fact]
    public void AddOrUpdate_with_factories_runs_the_update_factory_again_when_another_thread_changed_the_key()
    {
        var updateRuns = new SortedSet<int>();
        var result = LoomModel.Explore(() =>
        {
            var totals = new ConcurrentDictionary<string, int>();
            var runs = 0;
            Action Add(int amount, int line) => () => ConcurrentDictionaryOfTKeyTValueCalls.AddOrUpdate(
                totals, "sum", (_, a) => a, (_, old, a) =>
                {
                    runs++;
                    return old + a;
                }, amount, "Totals.cs", line);
            ConcurrentDictionaryOfTKeyTValueCalls.TryAdd(totals, "sum", 0, "Totals.cs", 1);
            Rewritten.All(Add(1, 10), Add(2, 20));
            Rewritten.Expect(ConcurrentDictionaryOfTKeyTValueCalls.get_Item(totals, "sum", "Totals.cs", 30) == 3, "both amounts added");
            lock (updateRuns)
                updateRuns.Add(runs);
        });
        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal([2, 3], updateRuns);
    }

    [Fact]
    public void Every_dictionary_operation_is_a_scheduling_point_and_a_dictionary_made_outside_is_shared_with_unrewritten_code()
    {
        var shared = new ConcurrentDictionary<int, int>();
        var result = LoomModel.Explore(() =>
        {
            ConcurrentDictionaryOfTKeyTValueCalls.Clear(shared, "Ops.cs", 1);
            ConcurrentDictionaryOfTKeyTValueCalls.set_Item(shared, 1, 10, "Ops.cs", 2);
            Rewritten.Expect(ConcurrentDictionaryOfTKeyTValueCalls.ContainsKey(shared, 1, "Ops.cs", 3), "contains");
            Rewritten.Expect(ConcurrentDictionaryOfTKeyTValueCalls.TryUpdate(shared, 1, 11, 10, "Ops.cs", 4), "updated");
            Rewritten.Expect(ConcurrentDictionaryOfTKeyTValueCalls.get_Keys(shared, "Ops.cs", 5).Single() == 1, "one key");
            Rewritten.Expect(ConcurrentDictionaryOfTKeyTValueCalls.get_Values(shared, "Ops.cs", 6).Single() == 11, "one value");
            Rewritten.Expect(ConcurrentDictionaryOfTKeyTValueCalls.ToArray(shared, "Ops.cs", 7).Length == 1, "one pair");
            using (var pairs = ConcurrentDictionaryOfTKeyTValueCalls.GetEnumerator(shared, "Ops.cs", 8))
                Rewritten.Expect(pairs.MoveNext() && pairs.Current.Value == 11, "enumerates");
            Rewritten.Expect(ConcurrentDictionaryOfTKeyTValueCalls.TryRemove(shared, new KeyValuePair<int, int>(1, 11), "Ops.cs", 9), "removed");
            Rewritten.Expect(ConcurrentDictionaryOfTKeyTValueCalls.get_IsEmpty(shared, "Ops.cs", 10), "empty");
            ConcurrentDictionaryOfTKeyTValueCalls.TryAdd(shared, 2, 20, "Ops.cs", 11);
            Rewritten.Expect(false, "stop here to read the trace");
        });
        Assert.Contains("stop here", result.Failure?.Message);
        Assert.Equal(Enumerable.Range(1, 11), result.Failure!.Trace.Where(s => s.File == "Ops.cs").Select(s => s.Line));
        Assert.Equal(20, shared[2]);
    }

    [Fact]
    public void Two_consumers_that_check_IsEmpty_before_TryDequeue_are_found_and_TryDequeue_alone_passes()
    {
        static ExplorationResult Model(bool checkFirst) => LoomModel.Explore(() =>
        {
            var jobs = new ConcurrentQueue<string>();
            ConcurrentQueueOfTCalls.Enqueue(jobs, "job", "Jobs.cs", 1);
            var done = new Counter();
            Action Consumer(int line) => () =>
            {
                if (checkFirst)
                {
                    if (ConcurrentQueueOfTCalls.get_IsEmpty(jobs, "Jobs.cs", line))
                        return;
                    Rewritten.Expect(ConcurrentQueueOfTCalls.TryDequeue(jobs, out _, "Jobs.cs", line + 1), "the queue was not empty, so there must be a job");
                    done.Increment("Jobs.cs", line + 2);
                }
                else if (ConcurrentQueueOfTCalls.TryDequeue(jobs, out _, "Jobs.cs", line + 1))
                {
                    done.Increment("Jobs.cs", line + 2);
                }
            };
            Rewritten.All(Consumer(10), Consumer(20));
            Rewritten.Expect(done.Value == 1 && ConcurrentQueueOfTCalls.get_Count(jobs, "Jobs.cs", 30) == 0, "the job is done once");
        });

        var buggy = Model(checkFirst: true);
        Assert.Equal(FailureKind.Exception, buggy.Failure?.Kind);
        Assert.Contains("there must be a job", buggy.Failure!.Message);
        var fixedModel = Model(checkFirst: false);
        Assert.True(fixedModel.Passed, fixedModel.Failure?.Report);
        Assert.True(fixedModel.Exhausted);
    }

    [Fact]
    public void Popping_what_TryPeek_saw_is_found_to_pop_another_threads_push_and_TryPop_alone_passes()
    {
        static ExplorationResult Model(bool peekFirst) => LoomModel.Explore(() =>
        {
            var undo = new ConcurrentStack<int>();
            ConcurrentStackOfTCalls.PushRange(undo, [1, 2], "Undo.cs", 1);
            var popped = -1;
            Rewritten.All(
                () =>
                {
                    if (peekFirst && ConcurrentStackOfTCalls.TryPeek(undo, out var top, "Undo.cs", 10))
                    {
                        ConcurrentStackOfTCalls.TryPop(undo, out popped, "Undo.cs", 11);
                        Rewritten.Expect(popped == top, $"peeked {top}, popped {popped}");
                    }
                    else
                    {
                        ConcurrentStackOfTCalls.TryPop(undo, out popped, "Undo.cs", 12);
                    }
                },
                () => ConcurrentStackOfTCalls.Push(undo, 3, "Undo.cs", 20));
            Rewritten.Expect(ConcurrentStackOfTCalls.ToArray(undo, "Undo.cs", 30).Length == 2, "two left");
        });

        var buggy = Model(peekFirst: true);
        Assert.Equal(FailureKind.Exception, buggy.Failure?.Kind);
        Assert.Contains("peeked 2, popped 3", buggy.Failure!.Message);
        var fixedModel = Model(peekFirst: false);
        Assert.True(fixedModel.Passed, fixedModel.Failure?.Report);
    }

    [Fact]
    public void A_bag_gives_a_thread_its_own_newest_item_and_a_stealer_the_oldest_the_same_on_every_run()
    {
        static ExplorationResult Model(List<string> taken) => LoomModel.Explore(() =>
        {
            var bag = new ConcurrentBag<int>();
            var mine = -1;
            var stolen = -1;
            var owner = ThreadCalls.New(() =>
            {
                ConcurrentBagOfTCalls.Add(bag, 1, "Bag.cs", 1);
                ConcurrentBagOfTCalls.Add(bag, 2, "Bag.cs", 2);
                ConcurrentBagOfTCalls.TryTake(bag, out mine, "Bag.cs", 3);
            });
            ThreadCalls.Start(owner, "Bag.cs", 4);
            ThreadCalls.Join(owner, "Bag.cs", 5);
            Rewritten.Expect(ConcurrentBagOfTCalls.TryPeek(bag, out var next, "Bag.cs", 6) && next == 1, "the stealer would take the oldest");
            ConcurrentBagOfTCalls.TryTake(bag, out stolen, "Bag.cs", 7);
            Rewritten.Expect(ConcurrentBagOfTCalls.get_IsEmpty(bag, "Bag.cs", 8) && bag.IsEmpty, "the real bag is empty too");
            lock (taken)
                taken.Add($"{mine},{stolen}");
        });

        var first = new List<string>();
        var again = new List<string>();
        var one = Model(first);
        var two = Model(again);
        Assert.True(one.Passed, one.Failure?.Report);
        Assert.Equal(["2,1"], first.Distinct());
        Assert.Equal(one.TraceHashes, two.TraceHashes);
    }

    [Fact]
    public void Outside_an_execution_the_dictionary_stand_ins_are_the_real_members()
    {
        var dictionary = new ConcurrentDictionary<string, int>();
        Assert.Equal(1, ConcurrentDictionaryOfTKeyTValueCalls.GetOrAdd(dictionary, "a", _ => 1, "Real.cs", 1));
        Assert.Equal(1, ConcurrentDictionaryOfTKeyTValueCalls.GetOrAdd(dictionary, "a", (_, x) => x, 2, "Real.cs", 2));
        Assert.Equal(5, ConcurrentDictionaryOfTKeyTValueCalls.AddOrUpdate(dictionary, "a", 0, (_, old) => old + 4, "Real.cs", 3));
        Assert.True(ConcurrentDictionaryOfTKeyTValueCalls.TryRemove(dictionary, "a", out var removed, "Real.cs", 4));
        Assert.Equal(5, removed);
        Assert.Throws<KeyNotFoundException>(() => ConcurrentDictionaryOfTKeyTValueCalls.get_Item(dictionary, "a", "Real.cs", 5));
        Assert.Throws<ArgumentNullException>(() => ConcurrentDictionaryOfTKeyTValueCalls.GetOrAdd(dictionary, null!, _ => 1, "Real.cs", 6));
        Assert.IsType<ArgumentNullException>(Loom.Tests.Threading.Run.ThrownInside(() =>
            ConcurrentDictionaryOfTKeyTValueCalls.GetOrAdd(dictionary, "b", (Func<string, int>)null!, "Inside.cs", 1)));
        Assert.IsType<KeyNotFoundException>(Loom.Tests.Threading.Run.ThrownInside(() =>
            ConcurrentDictionaryOfTKeyTValueCalls.get_Item(dictionary, "a", "Inside.cs", 2)));
    }

    [Fact]
    public void Outside_an_execution_the_queue_stack_and_bag_stand_ins_are_the_real_members()
    {
        var queue = new ConcurrentQueue<int>();
        ConcurrentQueueOfTCalls.Enqueue(queue, 1, "Real.cs", 1);
        Assert.True(ConcurrentQueueOfTCalls.TryPeek(queue, out var head, "Real.cs", 2) && head == 1);
        Assert.True(ConcurrentQueueOfTCalls.TryDequeue(queue, out _, "Real.cs", 3));
        Assert.True(queue.IsEmpty);
        var stack = new ConcurrentStack<int>();
        ConcurrentStackOfTCalls.PushRange(stack, [1, 2, 3], 1, 2, "Real.cs", 4);
        var popped = new int[2];
        Assert.Equal(2, ConcurrentStackOfTCalls.TryPopRange(stack, popped, "Real.cs", 5));
        Assert.Equal([3, 2], popped);
        var bag = new ConcurrentBag<int>();
        ConcurrentBagOfTCalls.Add(bag, 5, "Real.cs", 6);
        Assert.Equal(1, ConcurrentBagOfTCalls.get_Count(bag, "Real.cs", 7));
        Assert.True(ConcurrentBagOfTCalls.TryTake(bag, out var taken, "Real.cs", 8) && taken == 5);
        Assert.Throws<NullReferenceException>(() => ConcurrentQueueOfTCalls.Enqueue<int>(null!, 1, "Real.cs", 9));
    }
}
