using Loom.Threading;

namespace Loom.BugCorpus;

/// <summary>
/// Bug: reader-writer upgrade deadlock. A refresher holds the cache's upgradeable read lock and upgrades to the
/// write lock, which waits for every reader to leave. A reader that finds the cache stale waits for the
/// refresh while still holding its read lock. If the reader gets its read lock before the refresher upgrades,
/// the upgrade waits for the reader and the reader waits for the upgrade.
/// Fix: the reader releases its read lock before waiting for the refresh, then reads again under a new one.
/// </summary>
public static class ReaderWriterUpgradeDeadlock
{
    /// <summary>The corpus entry.</summary>
    public static CorpusProgram Program { get; } = new(
        Name: "reader-writer-upgrade-deadlock",
        Bug: "A reader waits for a refresh while holding a ReaderWriterLockSlim read lock; the refresher's upgrade to the write lock waits for that reader.",
        Fix: "The reader releases its read lock before waiting for the refresh and reads again under a new read lock.",
        Buggy: Buggy,
        Fixed: Fixed,
        ExpectedKind: FailureKind.Deadlock,
        Options: new LoomOptions())
    {
        RandomIterations = 500,
        PctIterations = 500,
    };

    /// <summary>The buggy model.</summary>
    public static void Buggy() => Run(releaseBeforeWaiting: false);

    /// <summary>The fixed model.</summary>
    public static void Fixed() => Run(releaseBeforeWaiting: true);

    private static void Run(bool releaseBeforeWaiting)
    {
        var cache = new Cache();
        var refresher = new Thread(() => Refresh(cache));
        var reader = new Thread(() =>
        {
            var version = releaseBeforeWaiting ? ReadReleasingFirst(cache) : ReadHoldingLock(cache);
            Check.That(version == 1, "The reader saw a stale cache.");
        });
        refresher.Start();
        reader.Start();
        refresher.Join();
        reader.Join();
        cache.Dispose();
    }

    private static void Refresh(Cache cache)
    {
        cache.Lock.EnterUpgradeableReadLock();
        try
        {
            if (cache.Version == 0)
            {
                cache.Lock.EnterWriteLock();
                try
                {
                    cache.Version = 1;
                }
                finally
                {
                    cache.Lock.ExitWriteLock();
                }
            }
        }
        finally
        {
            cache.Lock.ExitUpgradeableReadLock();
        }
        cache.Refreshed.Set();
    }

    private static int ReadHoldingLock(Cache cache)
    {
        cache.Lock.EnterReadLock();
        try
        {
            if (cache.Version == 0)
                cache.Refreshed.Wait();
            return cache.Version;
        }
        finally
        {
            cache.Lock.ExitReadLock();
        }
    }

    private static int ReadReleasingFirst(Cache cache)
    {
        bool stale;
        cache.Lock.EnterReadLock();
        try
        {
            stale = cache.Version == 0;
        }
        finally
        {
            cache.Lock.ExitReadLock();
        }
        if (stale)
            cache.Refreshed.Wait();
        cache.Lock.EnterReadLock();
        try
        {
            return cache.Version;
        }
        finally
        {
            cache.Lock.ExitReadLock();
        }
    }

    private sealed class Cache
    {
        public readonly ReaderWriterLockSlim Lock = new();
        public readonly ManualResetEventSlim Refreshed = new(false);
        public int Version;

        public void Dispose()
        {
            Lock.Dispose();
            Refreshed.Dispose();
        }
    }
}
