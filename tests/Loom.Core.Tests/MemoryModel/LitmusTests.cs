using Loom.Threading;
using Xunit;

namespace Loom.Tests.MemoryModel;

/// <summary>
/// Classic litmus tests, each asserting the exact set of outcomes Loom observes under the .NET memory model.
/// Outcomes are written "r1 r2": the values each thread's load returned.
/// </summary>
public class LitmusTests
{
    private sealed class Shared
    {
        public RacyField<int> X;
        public RacyField<int> Y;
        public int AtomicX;
        public int AtomicY;
    }

    [Fact]
    public void Store_buffering_with_plain_accesses_can_see_both_old_values_in_exactly_four_executions()
    {
        var (seen, result) = Outcomes.Of(() =>
        {
            var s = new Shared();
            int r1 = 0, r2 = 0;
            Outcomes.Run(
                new Thread(() => { s.X.Write(1); r1 = s.Y.Read(); }),
                new Thread(() => { s.Y.Write(1); r2 = s.X.Read(); }));
            return $"{r1} {r2}";
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(["0 0", "0 1", "1 0", "1 1"], seen);
        Assert.Equal(4, result.Executions);
    }

    [Fact]
    public void Store_buffering_with_interlocked_operations_never_sees_both_old_values()
    {
        var (seen, result) = Outcomes.Of(() =>
        {
            var s = new Shared();
            int r1 = 0, r2 = 0;
            Outcomes.Run(
                new Thread(() => { Interlocked.Exchange(ref s.AtomicX, 1); r1 = Interlocked.CompareExchange(ref s.AtomicY, 0, 0); }),
                new Thread(() => { Interlocked.Exchange(ref s.AtomicY, 1); r2 = Interlocked.CompareExchange(ref s.AtomicX, 0, 0); }));
            return $"{r1} {r2}";
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(["0 1", "1 0", "1 1"], seen);
        Assert.Equal(3, result.Executions);
    }

    [Fact]
    public void Store_buffering_with_a_full_fence_between_plain_accesses_never_sees_both_old_values()
    {
        var (seen, result) = Outcomes.Of(() =>
        {
            var s = new Shared();
            int r1 = 0, r2 = 0;
            Outcomes.Run(
                new Thread(() => { s.X.Write(1); Interlocked.MemoryBarrier(); r1 = s.Y.Read(); }),
                new Thread(() => { s.Y.Write(1); Interlocked.MemoryBarrier(); r2 = s.X.Read(); }));
            return $"{r1} {r2}";
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(["0 1", "1 0", "1 1"], seen);
    }

    [Fact]
    public void Message_passing_through_a_plain_flag_can_see_the_flag_but_stale_data()
    {
        var (seen, result) = Outcomes.Of(() =>
        {
            var s = new Shared();
            int flag = 0, data = 0;
            Outcomes.Run(
                new Thread(() => { s.X.Write(42); s.Y.Write(1); }),
                new Thread(() => { flag = s.Y.Read(); data = s.X.Read(); }));
            return $"{flag} {data}";
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Contains("1 0", seen);
        Assert.Equal(["0 0", "0 42", "1 0", "1 42"], seen);
    }

    [Fact]
    public void Coherence_of_two_reads_never_sees_a_location_go_back_in_time()
    {
        var (seen, result) = Outcomes.Of(() =>
        {
            var s = new Shared();
            int first = 0, second = 0;
            Outcomes.Run(
                new Thread(() => { s.X.Write(1); s.X.Write(2); }),
                new Thread(() => { first = s.X.Read(); second = s.X.Read(); }));
            return $"{first} {second}";
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(["0 0", "0 1", "0 2", "1 1", "1 2", "2 2"], seen);
    }

    [Fact]
    public void Coherence_of_two_writes_keeps_their_order_for_every_reader_and_at_the_end()
    {
        var (seen, result) = Outcomes.Of(() =>
        {
            var s = new Shared();
            int first = 0, second = 0;
            Outcomes.Run(
                new Thread(() => { s.X.Write(1); s.X.Write(2); }),
                new Thread(() => { first = s.X.Read(); second = s.X.Read(); }));
            return $"{first} {second} final {s.X.Read()}";
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.All(seen, outcome => Assert.EndsWith("final 2", outcome));
        Assert.DoesNotContain(seen, o => o.StartsWith("2 1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_random_walk_over_store_buffering_records_a_preemption_and_a_stale_read_at_the_same_step()
    {
        var (seen, result) = Outcomes.Of(() =>
        {
            var s = new Shared();
            int r1 = 0, r2 = 0;
            Outcomes.Run(
                new Thread(() => { s.X.Write(1); r1 = s.Y.Read(); }),
                new Thread(() => { s.Y.Write(1); r2 = s.X.Read(); }));
            return $"{r1} {r2}";
        }, new LoomOptions { Strategy = LoomStrategy.Random, Iterations = 500 });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(["0 0", "0 1", "1 0", "1 1"], seen);
        Assert.Contains(result.Schedules, id => ScheduleId.Parse(id).Decisions.GroupBy(d => d.Step).Any(g => g.Count() == 2));
    }
}
