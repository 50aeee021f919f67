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
}
