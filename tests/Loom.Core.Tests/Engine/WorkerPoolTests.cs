using Loom.Runtime;
using Xunit;

namespace Loom.Tests.Engine;

[Collection(ProcessWideCollection.Name)]
public class WorkerPoolTests
{
    [Fact]
    public void Executions_reuse_pooled_os_threads_instead_of_creating_them()
    {
        LoomModel.Explore(Models.ThreeThreadsOnALock, new LoomOptions { PreemptionBound = null });
        var before = WorkerPool.Shared.Created;

        var result = LoomModel.Explore(Models.ThreeThreadsOnALock, new LoomOptions { Strategy = LoomStrategy.Random, Iterations = 300 });

        Assert.True(result.Passed);
        Assert.Equal(300, result.Executions);
        Assert.Equal(before, WorkerPool.Shared.Created);
    }

    [Fact]
    public void Threads_of_a_failed_execution_are_unwound_and_their_workers_reused()
    {
        LoomModel.Explore(Models.AbbaDeadlock);
        var before = WorkerPool.Shared.Created;

        for (var i = 0; i < 20; i++)
            Assert.Equal(FailureKind.Deadlock, LoomModel.Explore(Models.AbbaDeadlock).Failure?.Kind);

        Assert.Equal(before, WorkerPool.Shared.Created);
    }
}
