using System.Reflection;
using Loom.Interception;
using Loom.Runtime;
using Loom.Tests.Interception;
using Xunit;
using Monitor = Loom.Threading.Monitor;

namespace Loom.Tests.Sharing;

/// <summary>
/// Ordinary collections (Dictionary, List, ...) shared between threads, as rewritten code reaches them through their
/// stand-ins (written out by hand here): their operations are tracked like field accesses, so a race makes them
/// scheduling points and the test's own assertion decides, or with ReportDataRaces the race fails itself.
/// </summary>
public class CollectionSharingTests
{
    [Fact]
    public void A_check_then_add_on_a_shared_Dictionary_is_found_and_a_lock_fixes_it()
    {
        static ExplorationResult Model(bool locked) => LoomModel.Explore(() =>
        {
            var cache = new Dictionary<string, int>();
            var gate = new object();
            Action fill = () =>
            {
                if (locked)
                    Monitor.Enter(gate, "Cache.cs", 9);
                try
                {
                    if (!DictionaryOfTKeyTValueCalls.ContainsKey(cache, "answer", "Cache.cs", 10))
                        DictionaryOfTKeyTValueCalls.Add(cache, "answer", 42, "Cache.cs", 11);
                }
                finally
                {
                    if (locked)
                        Monitor.Exit(gate, "Cache.cs", 14);
                }
            };
            Rewritten.All(fill, fill);
            Rewritten.Expect(DictionaryOfTKeyTValueCalls.get_Count(cache, "Cache.cs", 20) == 1, "one entry");
        });

        var buggy = Model(locked: false);
        Assert.Equal(FailureKind.Exception, buggy.Failure?.Kind);
        Assert.Contains("An item with the same key has already been added", buggy.Failure!.Message);
        Assert.Contains(buggy.Failure.Trace, step => step.File == "Cache.cs" && step.Line == 11 && step.Target!.StartsWith("Dictionary<string, int> contents", StringComparison.Ordinal));
        Assert.Contains("Dictionary<string, int> contents", buggy.RacingLocations);

        var fixedModel = Model(locked: true);
        Assert.True(fixedModel.Passed, fixedModel.Failure?.Report);
        Assert.True(fixedModel.Exhausted);
        Assert.Empty(fixedModel.RacingLocations);
    }

    [Fact]
    public void A_get_or_create_on_a_shared_Dictionary_loses_an_entry_and_a_lock_fixes_it()
    {
        static ExplorationResult Model(bool locked) => LoomModel.Explore(() =>
        {
            var groups = new Dictionary<string, List<int>>();
            var gate = new object();
            void Register(int item)
            {
                if (locked)
                    Monitor.Enter(gate, "Groups.cs", 1);
                if (!DictionaryOfTKeyTValueCalls.TryGetValue(groups, "g", out var members, "Groups.cs", 2))
                {
                    members = new List<int>();
                    DictionaryOfTKeyTValueCalls.set_Item(groups, "g", members, "Groups.cs", 3);
                }
                ListOfTCalls.Add(members, item, "Groups.cs", 4);
                if (locked)
                    Monitor.Exit(gate, "Groups.cs", 5);
            }
            Rewritten.All(() => Register(1), () => Register(2));
            var count = ListOfTCalls.get_Count(DictionaryOfTKeyTValueCalls.get_Item(groups, "g", "Groups.cs", 6), "Groups.cs", 6);
            Rewritten.Expect(count == 2, $"lost entry: the group holds {count} members");
        });

        var buggy = Model(locked: false);
        Assert.Equal(FailureKind.Exception, buggy.Failure?.Kind);
        Assert.Contains("lost entry: the group holds 1 members", buggy.Failure!.Message);
        // A list published through the unsynchronized dictionary is shared without happens-before too.
        Assert.Equal(["Dictionary<string, List<int>> contents", "List<int> contents"], buggy.RacingLocations.Order());

        var fixedModel = Model(locked: true);
        Assert.True(fixedModel.Passed, fixedModel.Failure?.Report);
        Assert.Empty(fixedModel.RacingLocations);
    }

    [Fact]
    public void List_adds_from_two_threads_race_unless_each_is_under_the_lock()
    {
        static ExplorationResult Model(bool locked, bool reportDataRaces) => LoomModel.Explore(
            () =>
            {
                var list = new List<int>();
                var gate = new object();
                void Add(int item, int line)
                {
                    if (locked)
                        Monitor.Enter(gate, "List.cs", line);
                    ListOfTCalls.Add(list, item, "List.cs", line);
                    if (locked)
                        Monitor.Exit(gate, "List.cs", line);
                }
                Rewritten.All(() => Add(1, 5), () => Add(2, 6));
                Rewritten.Expect(ListOfTCalls.get_Count(list, "List.cs", 7) == 2, "two items");
            },
            new LoomOptions { ReportDataRaces = reportDataRaces });

        var locked = Model(locked: true, reportDataRaces: true);
        Assert.True(locked.Passed, locked.Failure?.Report);
        Assert.True(locked.Exhausted);

        var racy = Model(locked: false, reportDataRaces: true);
        Assert.Equal(FailureKind.DataRace, racy.Failure?.Kind);
        Assert.Contains("Data race on List<int> contents", racy.Failure!.Message);
        Assert.Contains("List.cs:5", racy.Failure.Message);
        Assert.Contains("List.cs:6", racy.Failure.Message);

        // Each operation runs whole, so without the option the count holds: the race is noted, and no corruption is
        // made up (docs/rewriting.md, "Ordinary collections").
        var tolerant = Model(locked: false, reportDataRaces: false);
        Assert.True(tolerant.Passed, tolerant.Failure?.Report);
        Assert.Equal(["List<int> contents"], tolerant.RacingLocations);
    }

    [Fact]
    public void A_collection_only_one_thread_touches_at_a_time_costs_no_scheduling_point()
    {
        static ExplorationResult Model(bool withCollections) => LoomModel.Explore(() =>
        {
            // Filled before the threads start and read after they are joined: Start and Join order it.
            var handedOver = new Dictionary<int, int>();
            var beat = new Counter();
            if (withCollections)
                DictionaryOfTKeyTValueCalls.Add(handedOver, 0, 0, "Mine.cs", 1);
            Rewritten.All(
                () =>
                {
                    if (withCollections)
                    {
                        var mine = new List<int>();
                        for (var i = 0; i < 100; i++)
                            ListOfTCalls.Add(mine, i, "Mine.cs", 2);
                        for (var i = 0; i < 100; i++)
                            _ = ListOfTCalls.get_Item(mine, i, "Mine.cs", 3);
                        DictionaryOfTKeyTValueCalls.set_Item(handedOver, 1, ListOfTCalls.get_Count(mine, "Mine.cs", 4), "Mine.cs", 4);
                    }
                    beat.Increment("Mine.cs", 5);
                },
                () => beat.Increment("Mine.cs", 6));
            if (withCollections)
                Rewritten.Expect(DictionaryOfTKeyTValueCalls.get_Item(handedOver, 1, "Mine.cs", 7) == 100, "the thread's count");
        });

        var without = Model(withCollections: false);
        var with = Model(withCollections: true);
        Assert.True(with.Passed, with.Failure?.Report);
        Assert.Empty(with.RacingLocations);
        Assert.Equal(without.LongestExecution, with.LongestExecution);
        Assert.Equal(without.Executions, with.Executions);
    }

    [Fact]
    public void A_write_while_another_thread_enumerates_meets_the_enumerators_own_check()
    {
        var result = LoomModel.Explore(() =>
        {
            var list = new List<int> { 1, 2 };
            var beat = new Counter();
            Rewritten.All(
                () =>
                {
                    var items = ListOfTCalls.GetEnumerator(list, "Loop.cs", 1);
                    while (items.MoveNext())
                        beat.Increment("Loop.cs", 2); // a scheduling point in the loop's body
                },
                () => ListOfTCalls.Add(list, 3, "Loop.cs", 3));
        });

        Assert.Equal(FailureKind.Exception, result.Failure?.Kind);
        Assert.Contains("Collection was modified", result.Failure!.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_stand_in_gives_what_the_real_member_gives_inside_an_execution_and_out(bool inExecution)
    {
        var problems = new List<string>();
        void CompareAll()
        {
            foreach (var standIn in CollectionStandIns.All())
                Compare(standIn, problems);
        }

        if (inExecution)
        {
            var result = LoomModel.Explore(() => Rewritten.All(CompareAll));
            Assert.True(result.Passed, result.Failure?.Report);
        }
        else
        {
            CompareAll();
        }
        Assert.True(CollectionStandIns.All().Count() > 150, "too few stand-ins found");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Each_stand_in_reads_or_writes_the_contents_as_its_member_does()
    {
        string[] reads =
        [
            "get_Item", "get_Count", "get_Capacity", "get_Keys", "get_Values", "get_First", "get_Last", "get_Min", "get_Max",
            "ContainsKey", "ContainsValue", "Contains", "TryGetValue", "CopyTo", "GetEnumerator", "BinarySearch", "ConvertAll",
            "Exists", "Find", "FindAll", "FindIndex", "FindLast", "FindLastIndex", "ForEach", "GetRange", "IndexOf", "LastIndexOf",
            "Slice", "ToArray", "TrueForAll", "Peek", "TryPeek", "IsProperSubsetOf", "IsProperSupersetOf", "IsSubsetOf",
            "IsSupersetOf", "Overlaps", "SetEquals", "GetViewBetween",
        ];
        var problems = new List<string>();
        foreach (var standIn in CollectionStandIns.All())
        {
            // SortedSet's Reverse is an enumeration; List's reverses the list.
            var read = reads.Contains(standIn.Name) || (standIn.Name == "Reverse" && standIn.DeclaringType == typeof(SortedSetOfTCalls));
            var count = standIn.DeclaringType!.GetMethod("get_Count")!.MakeGenericMethod(CollectionStandIns.Target(standIn).GetGenericArguments());
            var result = LoomModel.Explore(
                () =>
                {
                    var collection = CollectionStandIns.Fresh(CollectionStandIns.Target(standIn));
                    Rewritten.All(
                        () => IgnoringItsException(() => CollectionStandIns.CallStandIn(standIn, collection, CollectionStandIns.Arguments(standIn, collection), "Op.cs", 1)),
                        () => CollectionStandIns.CallStandIn(count, collection, [], "Count.cs", 2));
                },
                new LoomOptions { ReportDataRaces = true });
            var raced = result.Failure?.Kind == FailureKind.DataRace;
            if (raced == read || (!result.Passed && !raced))
                problems.Add($"{CollectionStandIns.Name(standIn)} is {(read ? "a read" : "a write")}, but against a reader it gave: {result.Failure?.Report ?? "no race"}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Calls one stand-in and its real member on two equal collections, and notes any difference.</summary>
    private static void Compare(MethodInfo standIn, List<string> problems)
    {
        var name = CollectionStandIns.Name(standIn);
        var target = CollectionStandIns.Target(standIn);
        var (mine, real) = (CollectionStandIns.Fresh(target), CollectionStandIns.Fresh(target));
        var (myArguments, realArguments) = (CollectionStandIns.Arguments(standIn, mine), CollectionStandIns.Arguments(standIn, real));
        var gave = Outcome(() => CollectionStandIns.CallStandIn(standIn, mine, myArguments, "Same.cs", 1));
        var expected = Outcome(() => CollectionStandIns.CallReal(CollectionStandIns.Real(standIn), real, realArguments));
        if (gave != expected)
            problems.Add($"{name} gave {gave}, the real member {expected}");
        if (CollectionStandIns.Describe(mine) != CollectionStandIns.Describe(real) || CollectionStandIns.Describe(myArguments) != CollectionStandIns.Describe(realArguments))
            problems.Add($"{name} left {CollectionStandIns.Describe(mine)} {CollectionStandIns.Describe(myArguments)}, the real member {CollectionStandIns.Describe(real)} {CollectionStandIns.Describe(realArguments)}");
        var onNull = Outcome(() => CollectionStandIns.CallStandIn(standIn, null, CollectionStandIns.Arguments(standIn, null), "Null.cs", 1));
        if (!onNull.StartsWith(nameof(NullReferenceException), StringComparison.Ordinal))
            problems.Add($"{name} on null gave {onNull}");
    }

    private static string Outcome(Func<object?> call)
    {
        try
        {
            return "returned " + CollectionStandIns.Describe(call());
        }
        catch (Exception e) when (e is not ExecutionAbortedException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    private static void IgnoringItsException(Action call)
    {
        try
        {
            call();
        }
        catch (Exception e) when (e is not ExecutionAbortedException)
        {
            // Some arguments are out of range for some members: the access was made before the member threw.
        }
    }
}
