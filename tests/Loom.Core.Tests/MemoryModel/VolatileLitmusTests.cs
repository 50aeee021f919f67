using Loom.Threading;
using Xunit;

namespace Loom.Tests.MemoryModel;

/// <summary>
/// Litmus tests through Volatile.Read and Volatile.Write: acquire loads and release stores. Outcomes are written
/// "r1 r2" (or "r1 r2 r3 r4" for IRIW): the values each load returned.
/// </summary>
public class VolatileLitmusTests
{
    private sealed class Shared
    {
        public int X;
        public int Y;
        public RacyField<int> Data;
    }

    [Fact]
    public void Store_buffering_with_volatile_accesses_can_still_see_both_old_values()
    {
        var (seen, result) = Outcomes.Of(() =>
        {
            var s = new Shared();
            int r1 = 0, r2 = 0;
            Outcomes.Run(
                new Thread(() => { Volatile.Write(ref s.X, 1); r1 = Volatile.Read(ref s.Y); }),
                new Thread(() => { Volatile.Write(ref s.Y, 1); r2 = Volatile.Read(ref s.X); }));
            return $"{r1} {r2}";
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(["0 0", "0 1", "1 0", "1 1"], seen);
    }

    [Fact]
    public void Message_passing_through_a_volatile_flag_never_sees_stale_data()
    {
        var (seen, result) = Outcomes.Of(() =>
        {
            var s = new Shared();
            int flag = 0, data = 0;
            Outcomes.Run(
                new Thread(() => { s.Data.Write(42); Volatile.Write(ref s.Y, 1); }),
                new Thread(() => { flag = Volatile.Read(ref s.Y); data = s.Data.Read(); }));
            return $"{flag} {data}";
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.DoesNotContain("1 0", seen);
        Assert.Equal(["0 0", "0 42", "1 42"], seen);
    }

    [Fact]
    public void Independent_reads_of_independent_writes_agree_on_their_order()
    {
        // IRIW: two writers, two readers reading in opposite orders. Multicopy-atomic hardware (and the .NET
        // model) never lets the readers disagree on which write happened first.
        var (seen, result) = Outcomes.Of(() =>
        {
            var s = new Shared();
            int r1 = 0, r2 = 0, r3 = 0, r4 = 0;
            Outcomes.Run(
                new Thread(() => Volatile.Write(ref s.X, 1)),
                new Thread(() => Volatile.Write(ref s.Y, 1)),
                new Thread(() => { r1 = Volatile.Read(ref s.X); r2 = Volatile.Read(ref s.Y); }),
                new Thread(() => { r3 = Volatile.Read(ref s.Y); r4 = Volatile.Read(ref s.X); }));
            return $"{r1} {r2} {r3} {r4}";
        }, new LoomOptions { PreemptionBound = 3 });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.DoesNotContain("1 0 1 0", seen);
        Assert.Contains("1 1 1 1", seen);
        Assert.Contains("1 0 0 0", seen);
        Assert.Contains("0 0 1 0", seen);
    }
}
