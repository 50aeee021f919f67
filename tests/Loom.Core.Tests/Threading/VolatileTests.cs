using Loom.Threading;
using Xunit;

namespace Loom.Tests.Threading;

public class VolatileTests
{
    private sealed class Box
    {
        public int Flag;
        public int Other;
        public TrackedField<int> Data;
    }

    private sealed class AllTypes
    {
        public bool Bool;
        public byte Byte;
        public sbyte SByte;
        public short Short;
        public ushort UShort;
        public int Int;
        public uint UInt;
        public long Long;
        public ulong ULong;
        public nint NInt;
        public nuint NUInt;
        public float Float;
        public double Double;
        public string? Text;
    }

    [Fact]
    public void Outside_an_execution_every_overload_is_the_real_volatile_access()
    {
        var box = new AllTypes();
        WriteAll(box);
        Assert.Equal(Expected, ReadAll(box));
        Volatile.ReadBarrier();
        Volatile.WriteBarrier();
    }

    [Fact]
    public void Inside_an_execution_every_overload_reads_back_what_it_wrote()
    {
        string? seen = null;
        var result = LoomModel.Explore(() =>
        {
            var box = new AllTypes();
            WriteAll(box);
            seen = ReadAll(box);
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(Expected, seen);
        Assert.Equal(2 * 14, result.LongestExecution);
    }

    private const string Expected = "True 1 -2 -3 4 -5 6 -7 8 -9 10 1.5 2.25 text";

    private static void WriteAll(AllTypes box)
    {
        Volatile.Write(ref box.Bool, true);
        Volatile.Write(ref box.Byte, (byte)1);
        Volatile.Write(ref box.SByte, (sbyte)-2);
        Volatile.Write(ref box.Short, (short)-3);
        Volatile.Write(ref box.UShort, (ushort)4);
        Volatile.Write(ref box.Int, -5);
        Volatile.Write(ref box.UInt, 6u);
        Volatile.Write(ref box.Long, -7L);
        Volatile.Write(ref box.ULong, 8UL);
        Volatile.Write(ref box.NInt, (nint)(-9));
        Volatile.Write(ref box.NUInt, (nuint)10);
        Volatile.Write(ref box.Float, 1.5f);
        Volatile.Write(ref box.Double, 2.25);
        Volatile.Write(ref box.Text, "text");
    }

    private static string ReadAll(AllTypes box) => string.Join(
        " ",
        Volatile.Read(ref box.Bool),
        Volatile.Read(ref box.Byte),
        Volatile.Read(ref box.SByte),
        Volatile.Read(ref box.Short),
        Volatile.Read(ref box.UShort),
        Volatile.Read(ref box.Int),
        Volatile.Read(ref box.UInt),
        Volatile.Read(ref box.Long),
        Volatile.Read(ref box.ULong),
        Volatile.Read(ref box.NInt),
        Volatile.Read(ref box.NUInt),
        Volatile.Read(ref box.Float).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Volatile.Read(ref box.Double).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Volatile.Read(ref box.Text));

    [Fact]
    public void A_volatile_flag_publishes_the_data_written_before_it()
    {
        var result = LoomModel.Explore(() =>
        {
            var box = new Box();
            Run.All(
                () =>
                {
                    box.Data.Write(42);
                    Volatile.Write(ref box.Flag, 1);
                },
                () =>
                {
                    if (Volatile.Read(ref box.Flag) == 1)
                        Run.Expect(box.Data.Read() == 42, "saw the flag but not the data");
                });
        }, new LoomOptions { PreemptionBound = null });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
    }

    [Fact]
    public void Volatile_accesses_are_acquire_and_release_so_store_buffering_is_still_possible()
    {
        var (seen, result) = Run.Outcomes(() =>
        {
            var box = new Box();
            int r1 = -1, r2 = -1;
            Run.All(
                () =>
                {
                    Volatile.Write(ref box.Flag, 1);
                    r1 = Volatile.Read(ref box.Other);
                },
                () =>
                {
                    Volatile.Write(ref box.Other, 1);
                    r2 = Volatile.Read(ref box.Flag);
                });
            return $"{r1}{r2}";
        }, new LoomOptions { PreemptionBound = null });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(["00", "01", "10", "11"], seen);
    }

    [Fact]
    public void A_full_fence_between_store_and_load_rules_out_store_buffering()
    {
        var (seen, result) = Run.Outcomes(() =>
        {
            var box = new Box();
            int r1 = -1, r2 = -1;
            Run.All(
                () =>
                {
                    Volatile.Write(ref box.Flag, 1);
                    Volatile.ReadBarrier();
                    r1 = Volatile.Read(ref box.Other);
                },
                () =>
                {
                    Volatile.Write(ref box.Other, 1);
                    Volatile.WriteBarrier();
                    r2 = Volatile.Read(ref box.Flag);
                });
            return $"{r1}{r2}";
        }, new LoomOptions { PreemptionBound = null });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.DoesNotContain("00", seen);
    }

    [Fact]
    public void The_trace_names_each_volatile_access_by_its_expression_and_shows_its_value()
    {
        var result = LoomModel.Explore(() =>
        {
            var box = new Box();
            Run.All(
                () => Volatile.Write(ref box.Flag, 7),
                () => Run.Expect(Volatile.Read(ref box.Flag) != 7, "saw the flag"));
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.Exception, failure.Kind);
        Assert.Matches(@"Volatile\.Write\s+box\.Flag \(int#\d+\)\s+7\s+VolatileTests\.cs:\d+", failure.Report);
        Assert.Matches(@"Volatile\.Read\s+box\.Flag \(int#\d+\)\s+7\s+VolatileTests\.cs:\d+", failure.Report);
    }
}
