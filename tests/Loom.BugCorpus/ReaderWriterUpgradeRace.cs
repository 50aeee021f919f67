using System.Collections.Generic;
using Loom.Threading;

namespace Loom.BugCorpus;

/// <summary>
/// Bug: upgrade by release and re-acquire. Get-or-add looks the key up under a read lock, releases it, takes
/// the write lock and adds without looking again. Two callers can both miss under the read lock, and both add:
/// the expensive value is created twice.
/// Fix: take the upgradeable read lock for the lookup (only one thread may hold it) and upgrade to the write
/// lock from it, so the lookup and the add are one atomic step.
/// </summary>
public static class ReaderWriterUpgradeRace
{
    /// <summary>The corpus entry.</summary>
    public static CorpusProgram Program { get; } = new(
        Name: "reader-writer-upgrade-race",
        Bug: "Get-or-add checks under a read lock, releases it, then adds under the write lock without re-checking; two callers both add.",
        Fix: "Check under EnterUpgradeableReadLock and upgrade to the write lock from it.",
        Buggy: Buggy,
        Fixed: Fixed,
        ExpectedKind: FailureKind.Exception,
        Options: new LoomOptions())
    {
        PreemptionsNeeded = 1,
        RandomIterations = 500,
        PctIterations = 500,
    };

    /// <summary>The buggy model.</summary>
    public static void Buggy() => Run(upgradeable: false);

    /// <summary>The fixed model.</summary>
    public static void Fixed() => Run(upgradeable: true);

    private static void Run(bool upgradeable)
    {
        var registry = new Registry();
        var first = new Thread(() => registry.GetOrAdd("config", upgradeable));
        var second = new Thread(() => registry.GetOrAdd("config", upgradeable));
        first.Start();
        second.Start();
        first.Join();
        second.Join();
        Check.That(registry.Created == 1, "The value was created more than once.");
        registry.Lock.Dispose();
    }

    private sealed class Registry
    {
        public readonly ReaderWriterLockSlim Lock = new();
        private readonly Dictionary<string, int> _values = new();

        public int Created { get; private set; }

        public int GetOrAdd(string key, bool upgradeable) => upgradeable ? GetOrAddUpgradeable(key) : GetOrAddRacy(key);

        private int GetOrAddRacy(string key)
        {
            Lock.EnterReadLock();
            try
            {
                if (_values.TryGetValue(key, out var found))
                    return found;
            }
            finally
            {
                Lock.ExitReadLock();
            }
            Lock.EnterWriteLock();
            try
            {
                return Add(key);
            }
            finally
            {
                Lock.ExitWriteLock();
            }
        }

        private int GetOrAddUpgradeable(string key)
        {
            Lock.EnterUpgradeableReadLock();
            try
            {
                if (_values.TryGetValue(key, out var found))
                    return found;
                Lock.EnterWriteLock();
                try
                {
                    return Add(key);
                }
                finally
                {
                    Lock.ExitWriteLock();
                }
            }
            finally
            {
                Lock.ExitUpgradeableReadLock();
            }
        }

        private int Add(string key)
        {
            Created++;
            _values[key] = Created;
            return Created;
        }
    }
}
