using Loom.Interception;
using Xunit;
using LazyThreadSafetyMode = System.Threading.LazyThreadSafetyMode;

namespace Loom.Tests.Interception;

/// <summary>Lazy&lt;T&gt; and LazyInitializer through their stand-ins, in each thread-safety mode.</summary>
public class LazyCallsTests
{
    /// <summary>Two threads read one Lazy whose factory counts its runs; the count must be 1.</summary>
    private static ExplorationResult TwoReaders(Func<Func<int>, Lazy<int>> make) => LoomModel.Explore(() =>
    {
        var runs = new Counter();
        var lazy = make(() =>
        {
            runs.Increment("Lazy.cs", 10);
            return 42;
        });
        var seen = new int[2];
        Rewritten.All(
            () => seen[0] = LazyOfTCalls.get_Value(lazy, "Lazy.cs", 20),
            () => seen[1] = LazyOfTCalls.get_Value(lazy, "Lazy.cs", 21));
        Rewritten.Expect(seen[0] == 42 && seen[1] == 42, $"values {seen[0]}, {seen[1]}");
        Rewritten.Expect(runs.Value == 1, $"the factory ran {runs.Value} times");
    });

    [Fact]
    public void A_PublicationOnly_factory_with_a_side_effect_runs_twice_and_ExecutionAndPublication_runs_it_once()
    {
        var buggy = TwoReaders(factory => new Lazy<int>(factory, LazyThreadSafetyMode.PublicationOnly));
        Assert.Equal(FailureKind.Exception, buggy.Failure?.Kind);
        Assert.Contains("the factory ran 2 times", buggy.Failure!.Message);
        Assert.Contains(buggy.Failure.Trace, step => step.File == "Lazy.cs" && step.Line is 20 or 21);

        var fixedModel = TwoReaders(factory => new Lazy<int>(factory, LazyThreadSafetyMode.ExecutionAndPublication));
        Assert.True(fixedModel.Passed, fixedModel.Failure?.Report);
        Assert.True(fixedModel.Exhausted);
        var byDefault = TwoReaders(factory => new Lazy<int>(factory));
        Assert.True(byDefault.Passed, byDefault.Failure?.Report);
    }

    [Fact]
    public void Concurrent_first_use_in_None_mode_is_found_and_isThreadSafe_true_is_ExecutionAndPublication()
    {
        var none = TwoReaders(factory => new Lazy<int>(factory, isThreadSafe: false));
        Assert.Equal(FailureKind.Exception, none.Failure?.Kind);
        var safe = TwoReaders(factory => new Lazy<int>(factory, isThreadSafe: true));
        Assert.True(safe.Passed, safe.Failure?.Report);
    }

    [Fact]
    public void In_None_mode_a_thread_that_finds_the_factory_taken_throws_InvalidOperationException_and_another_schedule_runs_it_twice()
    {
        var outcomes = new HashSet<string>();
        var result = LoomModel.Explore(() =>
        {
            var runs = 0;
            var lazy = new Lazy<int>(() => ++runs, LazyThreadSafetyMode.None);
            var thrown = new bool[2];
            Action Reader(int me) => () =>
            {
                try
                {
                    LazyOfTCalls.get_Value(lazy, "None.cs", 10 + me);
                }
                catch (InvalidOperationException)
                {
                    thrown[me] = true;
                }
            };
            Rewritten.All(Reader(0), Reader(1));
            lock (outcomes)
                outcomes.Add(thrown[0] || thrown[1] ? "threw" : $"ran {runs}");
        });
        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Contains("threw", outcomes);
        Assert.Contains("ran 2", outcomes);
        Assert.Contains("ran 1", outcomes);
    }

    [Fact]
    public void With_ReportDataRaces_concurrent_first_use_in_None_mode_is_a_data_race_on_the_factory_field()
    {
        static ExplorationResult Model(bool join) => LoomModel.Explore(() =>
        {
            var lazy = new Lazy<int>(() => 1, LazyThreadSafetyMode.None);
            var first = ThreadCalls.New(() => LazyOfTCalls.get_Value(lazy, "Race.cs", 1));
            ThreadCalls.Start(first, "Race.cs", 2);
            if (join)
                ThreadCalls.Join(first, "Race.cs", 3);
            LazyOfTCalls.get_Value(lazy, "Race.cs", 4);
            if (!join)
                ThreadCalls.Join(first, "Race.cs", 3);
        }, new LoomOptions { ReportDataRaces = true });

        var racy = Model(join: false);
        Assert.Equal(FailureKind.DataRace, racy.Failure?.Kind);
        Assert.Contains("_factory", racy.Failure!.Message);
        var ordered = Model(join: true);
        Assert.True(ordered.Passed, ordered.Failure?.Report);
    }

    [Fact]
    public void ExecutionAndPublication_gives_the_waiting_thread_the_factorys_cached_exception_and_runs_it_once()
    {
        var result = LoomModel.Explore(() =>
        {
            var runs = new Counter();
            var lazy = new Lazy<int>(() =>
            {
                runs.Increment("Faulted.cs", 1);
                throw new FormatException("bad config");
            });
            var caught = new Exception?[2];
            Action Reader(int me) => () => caught[me] = Record.Exception(() => LazyOfTCalls.get_Value(lazy, "Faulted.cs", 10 + me));
            Rewritten.All(Reader(0), Reader(1));
            Rewritten.Expect(caught[0] is FormatException && ReferenceEquals(caught[0], caught[1]), "both get the one cached exception");
            Rewritten.Expect(runs.Value == 1, $"the factory ran {runs.Value} times");
            Rewritten.Expect(!LazyOfTCalls.get_IsValueCreated(lazy, "Faulted.cs", 20), "no value");
        });
        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
    }

    [Fact]
    public void A_factory_that_is_waited_for_and_never_returns_is_a_deadlock_at_the_waiting_Value()
    {
        var result = LoomModel.Explore(() =>
        {
            var never = new System.Threading.SemaphoreSlim(0);
            var lazy = new Lazy<int>(() =>
            {
                SemaphoreSlimCalls.Wait(never, "Stuck.cs", 1);
                return 1;
            });
            Rewritten.All(
                () => LazyOfTCalls.get_Value(lazy, "Stuck.cs", 10),
                () => LazyOfTCalls.get_Value(lazy, "Stuck.cs", 11));
        });
        Assert.Equal(FailureKind.Deadlock, result.Failure?.Kind);
        Assert.Contains("whose factory", result.Failure!.Message);
    }

    [Fact]
    public void A_recursive_Value_throws_InvalidOperationException_in_ExecutionAndPublication_and_None()
    {
        foreach (var mode in new[] { LazyThreadSafetyMode.ExecutionAndPublication, LazyThreadSafetyMode.None })
        {
            Lazy<int>? lazy = null;
            lazy = new Lazy<int>(() => LazyOfTCalls.get_Value(lazy!, "Recursive.cs", 1), mode);
            var thrown = Loom.Tests.Threading.Run.ThrownInside(() => LazyOfTCalls.get_Value(lazy, "Recursive.cs", 2));
            Assert.IsType<InvalidOperationException>(thrown);
            Assert.Contains("ValueFactory attempted to access the Value property", thrown.Message);
            Assert.False(lazy.IsValueCreated);
        }
    }

    [Fact]
    public void The_model_starts_from_the_real_instance_and_never_changes_it()
    {
        var created = new Lazy<string>(() => "outside");
        Assert.Equal("outside", created.Value);
        var pending = new Lazy<string>(() => "inside");
        var seen = new List<string?>();
        var result = LoomModel.Explore(() =>
        {
            Rewritten.Expect(LazyOfTCalls.get_IsValueCreated(created, "Start.cs", 1), "created outside");
            Rewritten.Expect(LazyOfTCalls.get_Value(created, "Start.cs", 2) == "outside", "the real value");
            Rewritten.Expect(!LazyOfTCalls.get_IsValueCreated(pending, "Start.cs", 3), "not created in this execution yet");
            seen.Add(LazyOfTCalls.ToString(pending, "Start.cs", 4));
            seen.Add(LazyOfTCalls.get_Value(pending, "Start.cs", 5));
            seen.Add(LazyOfTCalls.ToString(pending, "Start.cs", 6));
        });
        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(["Value is not created.", "inside", "inside"], seen);
        Assert.False(pending.IsValueCreated);
    }

    [Fact]
    public void EnsureInitialized_without_a_lock_may_run_the_factory_twice_but_publishes_one_instance_and_with_a_lock_runs_it_once()
    {
        static ExplorationResult Model(bool locked) => LoomModel.Explore(() =>
        {
            var holder = new Holder();
            var runs = new Counter();
            Func<object> factory = () =>
            {
                runs.Increment("Initializer.cs", 1);
                return new object();
            };
            var seen = new object[2];
            Action User(int me) => () => seen[me] = locked
                ? LazyInitializerCalls.EnsureInitialized(ref holder.Target, ref holder.Gate, factory, "Target", "Initializer.cs", 10 + me)
                : LazyInitializerCalls.EnsureInitialized(ref holder.Target, factory, "Target", "Initializer.cs", 10 + me);
            Rewritten.All(User(0), User(1));
            Rewritten.Expect(ReferenceEquals(seen[0], seen[1]) && ReferenceEquals(seen[0], holder.Target), "one instance is published");
            Rewritten.Expect(runs.Value == 1, $"the factory ran {runs.Value} times");
        });

        var publicationOnly = Model(locked: false);
        Assert.Equal(FailureKind.Exception, publicationOnly.Failure?.Kind);
        Assert.Contains("the factory ran 2 times", publicationOnly.Failure!.Message);
        var locked = Model(locked: true);
        Assert.True(locked.Passed, locked.Failure?.Report);
        Assert.True(locked.Exhausted);
    }

    [Fact]
    public void EnsureInitialized_with_a_flag_runs_the_factory_once_and_every_thread_sees_its_value()
    {
        var result = LoomModel.Explore(() =>
        {
            var holder = new Holder();
            var runs = new Counter();
            var seen = new int[2];
            Action User(int me) => () => seen[me] = LazyInitializerCalls.EnsureInitialized(
                ref holder.Number, ref holder.Initialized, ref holder.Gate, () =>
                {
                    runs.Increment("Flag.cs", 1);
                    return 7;
                }, "Number", "Flag.cs", 10 + me);
            Rewritten.All(User(0), User(1));
            Rewritten.Expect(seen[0] == 7 && seen[1] == 7, $"values {seen[0]}, {seen[1]}");
            Rewritten.Expect(runs.Value == 1, $"the factory ran {runs.Value} times");
        });
        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
    }

    [Fact]
    public void Outside_an_execution_EnsureInitialized_is_the_real_one()
    {
        var holder = new Holder();
        var first = LazyInitializerCalls.EnsureInitialized(ref holder.Target, "Target", "Real.cs", 1);
        Assert.Same(first, LazyInitializerCalls.EnsureInitialized(ref holder.Target, () => new object(), "Target", "Real.cs", 2));
        Assert.Equal(3, LazyInitializerCalls.EnsureInitialized(ref holder.Number, ref holder.Initialized, ref holder.Gate, () => 3, "Number", "Real.cs", 3));
        Assert.NotNull(holder.Gate);
        Assert.Throws<InvalidOperationException>(() => LazyInitializerCalls.EnsureInitialized(ref holder.Other, () => null!, "Other", "Real.cs", 4));
        Assert.IsType<InvalidOperationException>(Loom.Tests.Threading.Run.ThrownInside(() =>
            LazyInitializerCalls.EnsureInitialized(ref new Holder().Other, () => null!, "Other", "Inside.cs", 1)));
    }

    /// <summary>Fields to initialize, as a class under test has them.</summary>
    private sealed class Holder
    {
        public object? Target;
        public object? Other;
        public object? Gate;
        public int Number;
        public bool Initialized;
    }

    [Fact]
    public void Outside_an_execution_the_stand_ins_are_the_real_Lazy()
    {
        var runs = 0;
        var lazy = new Lazy<int>(() => ++runs, LazyThreadSafetyMode.PublicationOnly);
        Assert.False(LazyOfTCalls.get_IsValueCreated(lazy, "Real.cs", 1));
        Assert.Equal("Value is not created.", LazyOfTCalls.ToString(lazy, "Real.cs", 2));
        Assert.Equal(1, LazyOfTCalls.get_Value(lazy, "Real.cs", 3));
        Assert.Equal(1, LazyOfTCalls.get_Value(lazy, "Real.cs", 4));
        Assert.True(lazy.IsValueCreated);
        Assert.Equal("1", LazyOfTCalls.ToString(lazy, "Real.cs", 5));
        Assert.Throws<NullReferenceException>(() => LazyOfTCalls.get_Value<int>(null!, "Real.cs", 6));
    }
}
