using System;
using System.Threading;
using Loom;
using Loom.Samples;

// Plain .NET: System.Threading's Thread and Volatile. The build rewrites this program (LoomRewrite in the project),
// so inside LoomModel.Explore each of those calls is a step Loom schedules (docs/rewriting.md).

// Two threads each count one hit; afterwards the counter must say 2.
static void TwoHits(Action<HitCounter> hit)
{
    var counter = new HitCounter();
    var first = new Thread(() => hit(counter)) { Name = "first" };
    var second = new Thread(() => hit(counter)) { Name = "second" };
    first.Start();
    second.Start();
    first.Join();
    second.Join();
    if (counter.Hits != 2)
        throw new InvalidOperationException($"Expected 2 hits, but the counter says {counter.Hits}.");
}

Console.WriteLine("Exploring every interleaving of two threads calling HitCounter.Hit() ...\n");
var buggy = LoomModel.Explore(() => TwoHits(c => c.Hit()));
Console.WriteLine(buggy.Failure?.Report ?? "No bug found.");
Console.WriteLine(buggy.Summary);

Console.WriteLine("\nThe same bug without weak memory (sequential consistency, as on x64): a preemption is enough ...");
var strong = LoomModel.Explore(() => TwoHits(c => c.Hit()), new LoomOptions { MemoryModel = LoomMemoryModel.SequentialConsistency });
Console.WriteLine($"  failing schedule {strong.Failure?.ScheduleId}: {strong.Summary}");

Console.WriteLine("\nReplaying the failing schedule alone ...");
var replay = LoomModel.Explore(() => TwoHits(c => c.Hit()), new LoomOptions { Schedule = buggy.Failure?.ScheduleId });
Console.WriteLine($"  {replay.Summary}");

Console.WriteLine("\nExploring the fixed counter (Interlocked.Increment) ...");
var fixedResult = LoomModel.Explore(() => TwoHits(c => c.HitAtomically()));
Console.WriteLine($"  {fixedResult.Summary}");

// The sample succeeds when Loom finds the bug, replays it, and passes the fix.
return buggy.Failure is not null && strong.Failure is not null && replay.Failure is not null && fixedResult.Passed ? 0 : 1;
