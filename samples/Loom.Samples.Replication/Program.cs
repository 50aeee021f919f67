using Loom;
using Loom.Samples.Replication;

// Each scenario runs first with its bug, over seeds until one fails; that seed is replayed to show it fails the same
// way again; then the fixed program runs over 200 seeds. Run with: dotnet run --project samples/Loom.Samples.Replication
var scenarios = new (string Name, Func<bool, Func<Task>> Body)[]
{
    ("acknowledged writes survive crashes (bug: acknowledge before the log is flushed)", buggy => Scenarios.AcknowledgedWritesSurviveCrashes(ackBeforeFlush: buggy)),
    ("increments apply once (bug: retry without an idempotency key)", buggy => Scenarios.RetriedIncrementsApplyOnce(useIdempotencyKeys: !buggy)),
    ("only the current leader accepts writes (bug: a leader that does not step down under an asymmetric partition)",
        buggy => Scenarios.OnlyTheCurrentLeaderAcceptsWrites(ignoreOthersWhileLeader: buggy, asymmetricProbability: buggy ? 1 : 0.5)),
};
var exitCode = 0;
foreach (var (name, body) in scenarios)
{
    Console.WriteLine($"== {name}");
    var found = LoomModel.Explore(body(true), new LoomOptions { Strategy = LoomStrategy.Random, Iterations = 200 });
    if (found.Failure is not { Seed: { } seed } failure)
    {
        Console.WriteLine($"   the bug was not found in {found.Executions} seeds");
        exitCode = 1;
        continue;
    }
    Console.WriteLine($"   buggy: fails at seed {seed} (after {found.Executions} seeds):");
    Console.WriteLine("   " + failure.Exception?.Message);
    Console.WriteLine("   what happened in the simulated world:");
    foreach (var note in failure.Notes.TakeLast(8))
        Console.WriteLine($"     {note.Time:hh\\:mm\\:ss\\.fff}  {note.Text}");
    var replay = LoomModel.Explore(body(true), new LoomOptions { Strategy = LoomStrategy.Random, Seed = seed, Iterations = 1 });
    Console.WriteLine($"   replaying seed {seed}: {(replay.Failure?.Exception?.Message == failure.Exception?.Message ? "the same failure" : "a different outcome!")}");
    var fixedRun = LoomModel.Explore(body(false), new LoomOptions { Strategy = LoomStrategy.Random, Iterations = 200 });
    Console.WriteLine($"   fixed: {(fixedRun.Passed ? "passes" : "FAILS")} {fixedRun.Executions} seeds in {fixedRun.Elapsed.TotalSeconds:0.0} s");
    if (!fixedRun.Passed)
    {
        Console.WriteLine(fixedRun.Failure!.Report);
        exitCode = 1;
    }
}
return exitCode;
