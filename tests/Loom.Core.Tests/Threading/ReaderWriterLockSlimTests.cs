using Loom.Threading;
using Xunit;
using LockRecursionException = System.Threading.LockRecursionException;
using LockRecursionPolicy = System.Threading.LockRecursionPolicy;
using SynchronizationLockException = System.Threading.SynchronizationLockException;

namespace Loom.Tests.Threading;

public class ReaderWriterLockSlimTests
{
    private sealed class Box
    {
        public TrackedField<int> Value;
    }

    [Fact]
    public void Outside_an_execution_it_is_the_real_lock()
    {
        using var rw = new ReaderWriterLockSlim();
        rw.EnterReadLock();
        Assert.True(rw.IsReadLockHeld);
        Assert.Equal(1, rw.CurrentReadCount);
        var writerGot = true;
        var writer = new System.Threading.Thread(() => writerGot = rw.TryEnterWriteLock(0));
        writer.Start();
        writer.Join();
        Assert.False(writerGot);
        rw.ExitReadLock();
        rw.EnterUpgradeableReadLock();
        rw.EnterWriteLock();
        Assert.True(rw.IsWriteLockHeld && rw.IsUpgradeableReadLockHeld);
        rw.ExitWriteLock();
        rw.ExitUpgradeableReadLock();
        Assert.Equal(LockRecursionPolicy.NoRecursion, rw.RecursionPolicy);
        Assert.Equal(0, rw.WaitingReadCount + rw.WaitingWriteCount + rw.WaitingUpgradeCount);
    }

    public static TheoryData<string, LockRecursionPolicy> Misuses() => new()
    {
        { "read read", LockRecursionPolicy.NoRecursion },
        { "read write", LockRecursionPolicy.NoRecursion },
        { "read upgrade", LockRecursionPolicy.NoRecursion },
        { "write write", LockRecursionPolicy.NoRecursion },
        { "write read", LockRecursionPolicy.NoRecursion },
        { "write upgrade", LockRecursionPolicy.NoRecursion },
        { "upgrade upgrade", LockRecursionPolicy.NoRecursion },
        { "upgrade read write", LockRecursionPolicy.NoRecursion },
        { "upgrade read", LockRecursionPolicy.NoRecursion },
        { "upgrade write", LockRecursionPolicy.NoRecursion },
        { "read read", LockRecursionPolicy.SupportsRecursion },
        { "read write", LockRecursionPolicy.SupportsRecursion },
        { "read upgrade", LockRecursionPolicy.SupportsRecursion },
        { "upgrade read write", LockRecursionPolicy.SupportsRecursion },
        { "write read upgrade write", LockRecursionPolicy.SupportsRecursion },
        { "exit-read", LockRecursionPolicy.NoRecursion },
        { "exit-write", LockRecursionPolicy.NoRecursion },
        { "exit-upgrade", LockRecursionPolicy.SupportsRecursion },
        { "read dispose", LockRecursionPolicy.NoRecursion },
        { "dispose read", LockRecursionPolicy.NoRecursion },
    };

    [Theory]
    [MemberData(nameof(Misuses))]
    public void The_recursion_rules_and_misuse_throw_what_the_real_lock_throws(string calls, LockRecursionPolicy policy)
    {
        var expected = Run.ThrownBy(() => Apply(new System.Threading.ReaderWriterLockSlim(policy), calls));
        var outside = Run.ThrownBy(() => Apply(new ReaderWriterLockSlim(policy), calls));
        var inside = Run.ThrownInside(() => Apply(new ReaderWriterLockSlim(policy), calls));

        Assert.Equal(expected, outside);
        Assert.Equal(expected, inside?.GetType());
    }

    private static void Apply(dynamic rw, string calls)
    {
        foreach (var call in calls.Split(' '))
        {
            switch (call)
            {
                case "read": rw.EnterReadLock(); break;
                case "write": rw.EnterWriteLock(); break;
                case "upgrade": rw.EnterUpgradeableReadLock(); break;
                case "exit-read": rw.ExitReadLock(); break;
                case "exit-write": rw.ExitWriteLock(); break;
                case "exit-upgrade": rw.ExitUpgradeableReadLock(); break;
                case "dispose": rw.Dispose(); break;
            }
        }
    }

    [Fact]
    public void Its_timeout_checks_throw_ArgumentOutOfRangeException_inside_an_execution()
    {
        Assert.IsType<ArgumentOutOfRangeException>(Run.ThrownInside(() => new ReaderWriterLockSlim().TryEnterReadLock(-2)));
        Assert.IsType<ArgumentOutOfRangeException>(Run.ThrownInside(() => new ReaderWriterLockSlim().TryEnterWriteLock(TimeSpan.FromMilliseconds(-2))));
    }

    [Fact]
    public void A_writer_never_overlaps_a_reader_or_another_writer()
    {
        var result = LoomModel.Explore(() =>
        {
            var rw = new ReaderWriterLockSlim();
            var box = new Box();
            Action write = () =>
            {
                rw.EnterWriteLock();
                box.Value.Write(box.Value.Read() + 1);
                rw.ExitWriteLock();
            };
            Action read = () =>
            {
                rw.EnterReadLock();
                _ = box.Value.Read();
                rw.ExitReadLock();
            };
            Run.All(write, write, read);
            Run.Expect(box.Value.Read() == 2, "a write was lost");
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
    }

    [Fact]
    public void Readers_share_the_lock_so_a_write_under_a_read_lock_is_a_data_race_Loom_finds()
    {
        var result = LoomModel.Explore(() =>
        {
            var rw = new ReaderWriterLockSlim();
            var box = new Box();
            Action wrongLock = () =>
            {
                rw.EnterReadLock();
                box.Value.Write(box.Value.Read() + 1);
                rw.ExitReadLock();
            };
            Run.All(wrongLock, wrongLock);
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.DataRace, failure.Kind);
    }

    [Fact]
    public void Only_one_thread_holds_the_upgradeable_lock_at_a_time()
    {
        var result = LoomModel.Explore(() =>
        {
            var rw = new ReaderWriterLockSlim();
            var occupancy = new Occupancy(limit: 1);
            Action upgrade = () =>
            {
                rw.EnterUpgradeableReadLock();
                occupancy.Enter();
                rw.EnterWriteLock();
                rw.ExitWriteLock();
                occupancy.Exit();
                rw.ExitUpgradeableReadLock();
            };
            Run.All(upgrade, upgrade, () =>
            {
                rw.EnterReadLock();
                rw.ExitReadLock();
            });
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
    }

    [Fact]
    public void Two_readers_that_both_upgrade_fail_with_LockRecursionException_as_in_dotnet()
    {
        var result = LoomModel.Explore(() =>
        {
            var rw = new ReaderWriterLockSlim();
            Action upgrade = () =>
            {
                rw.EnterReadLock();
                rw.EnterWriteLock();
            };
            Run.All(upgrade, upgrade);
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.IsType<LockRecursionException>(failure.Exception);
        Assert.Contains("Write lock may not be acquired with read lock held. This pattern is prone to deadlocks.", failure.Message);
    }

    [Fact]
    public void An_upgrade_that_waits_for_a_reader_who_waits_for_the_upgrader_is_a_deadlock_naming_both()
    {
        var result = LoomModel.Explore(() =>
        {
            var rw = new ReaderWriterLockSlim();
            var written = new ManualResetEventSlim();
            Run.All(
                () =>
                {
                    rw.EnterReadLock();
                    written.Wait();
                    rw.ExitReadLock();
                },
                () =>
                {
                    rw.EnterUpgradeableReadLock();
                    rw.EnterWriteLock();
                    written.Set();
                    rw.ExitWriteLock();
                    rw.ExitUpgradeableReadLock();
                });
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.Deadlock, failure.Kind);
        Assert.Matches(@"thread 1 is blocked in ManualResetEventSlim\.Wait at ReaderWriterLockSlimTests\.cs:\d+", failure.Message);
        Assert.Matches(
            @"thread 2 is blocked in ReaderWriterLockSlim\.EnterWriteLock at ReaderWriterLockSlimTests\.cs:\d+: waiting for the write lock \(upgrading from the upgradeable read lock\) on ReaderWriterLockSlim#\d+: thread 2 itself holds the upgradeable read lock \(entered at ReaderWriterLockSlimTests\.cs:\d+\); the read lock is held by thread 1 \(entered at ReaderWriterLockSlimTests\.cs:\d+\)",
            failure.Message);
    }

    [Fact]
    public void A_waiting_writer_keeps_new_readers_out_which_Loom_reports_when_it_deadlocks()
    {
        var result = LoomModel.Explore(() =>
        {
            var rw = new ReaderWriterLockSlim();
            var secondReaderIn = new ManualResetEventSlim();
            Run.All(
                () =>
                {
                    rw.EnterReadLock();
                    secondReaderIn.Wait();
                    rw.ExitReadLock();
                },
                () =>
                {
                    rw.EnterWriteLock();
                    rw.ExitWriteLock();
                },
                () =>
                {
                    rw.EnterReadLock();
                    secondReaderIn.Set();
                    rw.ExitReadLock();
                });
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.Deadlock, failure.Kind);
        Assert.Matches(@"thread 3 is blocked in ReaderWriterLockSlim\.EnterReadLock at ReaderWriterLockSlimTests\.cs:\d+: waiting for the read lock on ReaderWriterLockSlim#\d+: the read lock is held by thread 1 \(entered at ReaderWriterLockSlimTests\.cs:\d+\); thread 2 waits for the write lock, which keeps new readers out", failure.Message);
    }

    [Fact]
    public void A_lock_still_held_when_the_body_returns_is_reported_per_mode()
    {
        var result = LoomModel.Explore(() =>
        {
            var rw = new ReaderWriterLockSlim();
            rw.EnterUpgradeableReadLock();
            rw.EnterReadLock();
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.LockLeaked, failure.Kind);
        Assert.Matches(@"thread 0 still holds the upgradeable read lock on ReaderWriterLockSlim#\d+ \(entered at ReaderWriterLockSlimTests\.cs:\d+\); thread 0 still holds the read lock on ReaderWriterLockSlim#\d+", failure.Message);
    }

    [Fact]
    public void A_timed_enter_explores_both_getting_the_lock_and_timing_out()
    {
        var (seen, result) = Run.Outcomes(() =>
        {
            var rw = new ReaderWriterLockSlim();
            var got = false;
            Run.All(
                () =>
                {
                    rw.EnterWriteLock();
                    rw.ExitWriteLock();
                },
                () =>
                {
                    got = rw.TryEnterReadLock(10);
                    if (got)
                        rw.ExitReadLock();
                });
            return got ? "entered" : "timed out";
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(["entered", "timed out"], seen);
    }
}
