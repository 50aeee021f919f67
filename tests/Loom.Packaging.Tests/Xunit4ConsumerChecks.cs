using Xunit;

namespace Loom.Packaging.Tests;

/// <summary>
/// <see cref="XunitConsumerChecks"/> on a consumer on xUnit 4.x, which also has
/// tests/fixtures/Consumer.Xunit4.Shared/FreshInstanceTests.cs: the 4.x build builds a fresh test class instance per
/// execution with xUnit's constructor arguments (a class fixture, the output helper), as the 3.x build does.
/// </summary>
public abstract class Xunit4ConsumerChecks(PackagedConsumers packed, XunitConsumerRun run)
    : XunitConsumerChecks(packed, run, Xunit4Build, FreshInstanceCase)
{
    private const string FreshInstanceCase = "Consumer.Xunit4.FreshInstanceTests.Every_execution_has_a_fresh_instance_with_the_fixture_and_the_output_helper [all schedules]";

    [Fact]
    public void Each_execution_of_a_case_writes_to_the_output_helper_of_its_own_instance()
    {
        var output = Consumer.Full.Result.Output;

        // The case's two executions (two orders of the threads' starts) each built one instance.
        Assert.Contains("Loom: 2 executions, ", output);
        Assert.Contains("instance 1", output);
        Assert.Contains("instance 2", output);
    }
}
