using Loom.Interception;
using Loom.Tests.Interception;
using Xunit;

namespace Loom.Tests.Sharing;

/// <summary>
/// Plain and volatile fields as rewritten code reaches them (FieldCalls, written out by hand here): a race makes the
/// racing accesses scheduling points for the rest of the exploration, so the test's assertion decides; the option
/// reports every data race instead.
/// </summary>
public class SharedFieldTests
{
    [Fact]
    public void A_check_then_act_on_a_plain_field_is_found_and_a_lock_fixes_it()
    {
        static ExplorationResult Model(bool locked) => LoomModel.Explore(() =>
        {
            var cache = new Cache();
            Action get = () =>
            {
                if (locked)
                    Loom.Threading.Monitor.Enter(cache, "Cache.cs", 9);
                try
                {
                    cache.Connect("Cache.cs", 10);
                }
                finally
                {
                    if (locked)
                        Loom.Threading.Monitor.Exit(cache, "Cache.cs", 14);
                }
            };
            Rewritten.All(get, get);
            Rewritten.Expect(cache.Opened("Cache.cs", 20) == 1, $"check-then-act: {cache.Opened("Cache.cs", 20)} connections were opened");
        });

        var buggy = Model(locked: false);
        Assert.Equal(FailureKind.Exception, buggy.Failure?.Kind);
        Assert.Contains("check-then-act: 2 connections", buggy.Failure!.Message);
        Assert.Contains(buggy.Failure.Trace, step => step.File == "Cache.cs" && step.Line == 10 && step.Target!.StartsWith("Cache.connection", StringComparison.Ordinal));
        Assert.Contains("Cache.connection", buggy.RacingLocations);
        Assert.StartsWith("races:", buggy.Failure.ScheduleId, StringComparison.Ordinal);

        var fixedModel = Model(locked: true);
        Assert.True(fixedModel.Passed, fixedModel.Failure?.Report);
        Assert.True(fixedModel.Exhausted);
        Assert.Empty(fixedModel.RacingLocations);
    }

    [Fact]
    public void A_failing_schedule_with_racing_fields_replays_alone_from_its_id()
    {
        var found = LoomModel.Explore(CheckThenAct);
        Assert.False(found.Passed);

        var replayed = LoomModel.Explore(CheckThenAct, new LoomOptions { Schedule = found.Failure!.ScheduleId });
        Assert.Equal(FailureKind.Exception, replayed.Failure?.Kind);
        Assert.Equal(found.Failure.ScheduleId, replayed.Failure!.ScheduleId);
        Assert.Equal(1, replayed.Executions);
    }

    [Theory]
    [InlineData(LoomStrategy.Random)]
    [InlineData(LoomStrategy.Pct)]
    public void A_seed_that_finds_a_race_runs_again_with_the_racing_accesses_as_scheduling_points(LoomStrategy strategy)
    {
        var one = LoomModel.Explore(CheckThenActTolerant, new LoomOptions { Strategy = strategy, Iterations = 1, Seed = 7 });

        // PCT's probe execution measures the default schedule's length first, and learns the race there.
        Assert.Equal(strategy == LoomStrategy.Pct ? 2 : 1, one.Executions);
        Assert.Contains("Cache.connection", one.RacingLocations);
        Assert.StartsWith("races:", one.Schedules[^1], StringComparison.Ordinal);
        var many = LoomModel.Explore(CheckThenAct, new LoomOptions { Strategy = strategy, Iterations = 200, Seed = 1 });
        Assert.Equal(FailureKind.Exception, many.Failure?.Kind);
    }

    [Fact]
    public void A_benign_race_passes_unless_data_races_are_reported()
    {
        // Both threads write the same value: a race the assertion does not care about.
        static void Body()
        {
            var flag = new Flag();
            Rewritten.All(() => flag.Set("Flag.cs", 5), () => flag.Set("Flag.cs", 6));
            Rewritten.Expect(flag.Get("Flag.cs", 7), "the flag was set");
        }

        var tolerant = LoomModel.Explore(Body);
        Assert.True(tolerant.Passed, tolerant.Failure?.Report);
        Assert.Contains("Flag.value", tolerant.RacingLocations);
        Assert.EndsWith("; racing fields explored: Flag.value; all passed", tolerant.Summary);

        var strict = LoomModel.Explore(Body, new LoomOptions { ReportDataRaces = true });
        Assert.Equal(FailureKind.DataRace, strict.Failure?.Kind);
        Assert.Contains("Flag.cs:5", strict.Failure!.Message);
        Assert.Contains("Flag.cs:6", strict.Failure.Message);
    }

    [Fact]
    public void Message_passing_through_a_plain_flag_is_found_and_a_volatile_flag_fixes_it()
    {
        static ExplorationResult Model(bool isVolatile) => LoomModel.Explore(() =>
        {
            var box = new Mailbox();
            Rewritten.All(
                () =>
                {
                    box.WriteData(42, "Mailbox.cs", 1);
                    box.SetReady(isVolatile, "Mailbox.cs", 2);
                },
                () =>
                {
                    if (box.Ready(isVolatile, "Mailbox.cs", 3))
                        Rewritten.Expect(box.ReadData("Mailbox.cs", 4) == 42, "publication: ready was seen but the data was not");
                });
        });

        var buggy = Model(isVolatile: false);
        Assert.Equal(FailureKind.Exception, buggy.Failure?.Kind);
        Assert.Contains("publication: ready was seen but the data was not", buggy.Failure!.Message);
        var fixedModel = Model(isVolatile: true);
        Assert.True(fixedModel.Passed, fixedModel.Failure?.Report);
    }

    [Fact]
    public void Objects_only_one_thread_touches_cost_no_scheduling_point()
    {
        var result = LoomModel.Explore(() =>
        {
            var mine = new Flag();
            for (var i = 0; i < 100; i++)
                mine.Set("Local.cs", 1);
            Rewritten.All(() => Rewritten.Expect(new Flag().Get("Local.cs", 2) is false, "a new flag is clear"));
        });
        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Empty(result.RacingLocations);
        Assert.True(result.LongestExecution < 10, $"{result.LongestExecution} scheduling points");
    }

    [Fact]
    public void An_Interlocked_operation_on_a_field_names_the_same_location_as_its_plain_reads_and_a_collection_changes_nothing()
    {
        var result = LoomModel.Explore(() =>
        {
            var counter = new Hits();
            Rewritten.All(
                () => counter.Add("Hits.cs", 1),
                () =>
                {
                    // Garbage for the collector to move the counter around between its accesses.
                    for (var i = 0; i < 64; i++)
                        _ = new byte[16 * 1024];
                    GC.Collect();
                    counter.Add("Hits.cs", 2);
                });
            Rewritten.Expect(counter.Read("Hits.cs", 3) == 2, $"hits: {counter.Read("Hits.cs", 3)}");
        });
        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(0, result.GcRestarts);
        // Two Interlocked calls are scheduling points already: they make the field no racing location.
        Assert.Empty(result.RacingLocations);
    }

    [Fact]
    public void A_thread_spinning_on_a_plain_field_lets_the_writer_run()
    {
        var result = LoomModel.Explore(() =>
        {
            var flag = new Flag();
            Rewritten.All(
                () =>
                {
                    while (!flag.Get("Spin.cs", 1))
                    {
                    }
                },
                () => flag.Set("Spin.cs", 2));
        });
        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Contains("Flag.value", result.RacingLocations);
    }

    [Fact]
    public void A_livelock_that_allocates_is_reported_as_the_step_bound_with_no_collection_restart()
    {
        var result = LoomModel.Explore(
            () =>
            {
                var flag = new Flag();
                Rewritten.All(() =>
                {
                    // Waits for a flag no thread sets, allocating as it goes: about a megabyte per scheduling point.
                    while (!flag.Get("Livelock.cs", 1))
                        _ = new byte[1024];
                });
            },
            new LoomOptions { MaxSteps = 200 });
        Assert.Equal(FailureKind.StepBoundExceeded, result.Failure?.Kind);
        Assert.Equal(0, result.GcRestarts);
    }

    [Fact]
    public void What_tasks_wrote_to_plain_fields_is_seen_after_waiting_for_them()
    {
        // Neither a false race nor a stale read: Task.WaitAll orders both tasks' bodies before the reads.
        var result = LoomModel.Explore(() =>
        {
            var box = new Mailbox();
            var flag = new Flag();
            var a = TaskCalls.Run(() => box.WriteData(42, "Tasks.cs", 1), "Tasks.cs", 1);
            var b = TaskCalls.Run(() => flag.Set("Tasks.cs", 2), "Tasks.cs", 2);
            TaskCalls.WaitAll([a, b], "Tasks.cs", 3);
            Rewritten.Expect(box.ReadData("Tasks.cs", 4) == 42 && flag.Get("Tasks.cs", 5), "a task's write was not seen after Task.WaitAll");
            var c = TaskCalls.Run(() => box.WriteData(43, "Tasks.cs", 6), "Tasks.cs", 6);
            TaskCalls.Wait(c, "Tasks.cs", 7);
            Rewritten.Expect(box.ReadData("Tasks.cs", 8) == 43, "a task's write was not seen after Task.Wait");
        }, new LoomOptions { ReportDataRaces = true });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Empty(result.RacingLocations);
    }

    private static void CheckThenActTolerant()
    {
        var cache = new Cache();
        Rewritten.All(() => cache.Connect("Cache.cs", 10), () => cache.Connect("Cache.cs", 10));
    }

    private static void CheckThenAct()
    {
        var cache = new Cache();
        Rewritten.All(() => cache.Connect("Cache.cs", 10), () => cache.Connect("Cache.cs", 10));
        Rewritten.Expect(cache.Opened("Cache.cs", 20) == 1, "check-then-act");
    }

    /// <summary><c>if (connection == null) connection = Connect();</c> as rewritten code runs it.</summary>
    private sealed class Cache
    {
        private static readonly RuntimeFieldHandle Connection = typeof(Cache).GetField(nameof(connection), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.FieldHandle;
        private static readonly RuntimeFieldHandle Count = typeof(Cache).GetField(nameof(count), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.FieldHandle;

        private object? connection;
        private int count;

        public void Connect(string file, int line)
        {
            if (FieldCalls.Read(this, ref connection, Connection, "Cache.connection", file, line) is null)
            {
                var opened = FieldCalls.Read(this, ref count, Count, "Cache.count", file, line);
                FieldCalls.Write(this, ref count, opened + 1, Count, "Cache.count", file, line);
                FieldCalls.Write(this, ref connection, new object(), Connection, "Cache.connection", file, line);
            }
        }

        public int Opened(string file, int line) => FieldCalls.Read(this, ref count, Count, "Cache.count", file, line);
    }

    private sealed class Flag
    {
        private static readonly RuntimeFieldHandle Value = typeof(Flag).GetField(nameof(value), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.FieldHandle;

        private bool value;

        public void Set(string file, int line) => FieldCalls.Write(this, ref value, true, Value, "Flag.value", file, line);

        public bool Get(string file, int line) => FieldCalls.Read(this, ref value, Value, "Flag.value", file, line);
    }

    private sealed class Mailbox
    {
        private static readonly RuntimeFieldHandle Data = typeof(Mailbox).GetField(nameof(data), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.FieldHandle;
        private static readonly RuntimeFieldHandle IsReady = typeof(Mailbox).GetField(nameof(ready), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.FieldHandle;

        private int data;
        private bool ready;

        public void WriteData(int value, string file, int line) => FieldCalls.Write(this, ref data, value, Data, "Mailbox.data", file, line);

        public int ReadData(string file, int line) => FieldCalls.Read(this, ref data, Data, "Mailbox.data", file, line);

        public void SetReady(bool isVolatile, string file, int line)
        {
            if (isVolatile)
                FieldCalls.WriteVolatile(this, ref ready, true, IsReady, "Mailbox.ready", file, line);
            else
                FieldCalls.Write(this, ref ready, true, IsReady, "Mailbox.ready", file, line);
        }

        public bool Ready(bool isVolatile, string file, int line) => isVolatile
            ? FieldCalls.ReadVolatile(this, ref ready, IsReady, "Mailbox.ready", file, line)
            : FieldCalls.Read(this, ref ready, IsReady, "Mailbox.ready", file, line);
    }

    /// <summary>A counter read plainly and incremented with Interlocked, as rewritten code passes <c>ref hits</c> (FieldCalls.Address).</summary>
    private sealed class Hits
    {
        private static readonly RuntimeFieldHandle Field = typeof(Hits).GetField(nameof(hits), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.FieldHandle;

        private int hits;

        public void Add(string file, int line) =>
            Loom.Threading.Interlocked.Increment(ref FieldCalls.Address(this, ref hits, Field, "Hits.hits"), "hits", file, line);

        public int Read(string file, int line) => FieldCalls.Read(this, ref hits, Field, "Hits.hits", file, line);
    }
}
