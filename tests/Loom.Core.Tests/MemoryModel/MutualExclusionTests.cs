using Loom.Threading;
using Xunit;

namespace Loom.Tests.MemoryModel;

/// <summary>
/// Dekker's and Peterson's locks: each thread announces itself with a volatile store and then reads the other's
/// flag with a volatile load. A release store followed by an acquire load of another variable may still be
/// reordered (store buffering), so without a full fence between them both threads enter the critical section,
/// and Loom finds it; with Interlocked.MemoryBarrier they exclude each other.
/// </summary>
public class MutualExclusionTests
{
    private sealed class Peterson(bool fenced)
    {
        private int _flag0;
        private int _flag1;
        private int _turn;
        private TrackedField<int> _inside;

        public void Run(int me)
        {
            var other = 1 - me;
            Volatile.Write(ref Flag(me), 1);
            Volatile.Write(ref _turn, other);
            if (fenced)
                Interlocked.MemoryBarrier();
            while (Volatile.Read(ref Flag(other)) == 1 && Volatile.Read(ref _turn) == other)
                Thread.Yield();

            // The critical section: a tracked field that two threads inside at once would race on.
            _inside.Write(_inside.Read() + 1);

            Volatile.Write(ref Flag(me), 0);
        }

        private ref int Flag(int i) => ref i == 0 ? ref _flag0 : ref _flag1;
    }

    private sealed class Dekker(bool fenced)
    {
        private int _wants0;
        private int _wants1;
        private TrackedField<int> _inside;

        public void Run(int me)
        {
            Volatile.Write(ref me == 0 ? ref _wants0 : ref _wants1, 1);
            if (fenced)
                Interlocked.MemoryBarrier();
            if (Volatile.Read(ref me == 0 ? ref _wants1 : ref _wants0) == 0)
                _inside.Write(_inside.Read() + 1);
            Volatile.Write(ref me == 0 ? ref _wants0 : ref _wants1, 0);
        }
    }

    private static ExplorationResult Explore(Func<Action<int>> create) =>
        LoomModel.Explore(
            () =>
            {
                var run = create();
                Outcomes.Run(new Thread(() => run(0)), new Thread(() => run(1)));
            },
            new LoomOptions { PreemptionBound = null });

    [Fact]
    public void Peterson_without_a_fence_lets_both_threads_into_the_critical_section()
    {
        var result = Explore(() => new Peterson(fenced: false).Run);

        Assert.Equal(FailureKind.DataRace, result.Failure?.Kind);
        Assert.Contains("Data race on", result.Failure!.Message);
    }

    [Fact]
    public void Peterson_with_a_full_fence_excludes_the_other_thread()
    {
        var result = Explore(() => new Peterson(fenced: true).Run);

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
    }

    [Fact]
    public void Peterson_without_a_fence_is_correct_under_sequential_consistency()
    {
        var result = LoomModel.Explore(
            () =>
            {
                var lockObject = new Peterson(fenced: false);
                Outcomes.Run(new Thread(() => lockObject.Run(0)), new Thread(() => lockObject.Run(1)));
            },
            new LoomOptions { PreemptionBound = null, MemoryModel = LoomMemoryModel.SequentialConsistency });

        Assert.True(result.Passed, result.Failure?.Report);
    }

    [Fact]
    public void Dekker_without_a_fence_lets_both_threads_in()
    {
        var result = Explore(() => new Dekker(fenced: false).Run);

        Assert.Equal(FailureKind.DataRace, result.Failure?.Kind);
    }

    [Fact]
    public void Dekker_with_a_full_fence_excludes_the_other_thread()
    {
        var result = Explore(() => new Dekker(fenced: true).Run);

        Assert.True(result.Passed, result.Failure?.Report);
    }
}
