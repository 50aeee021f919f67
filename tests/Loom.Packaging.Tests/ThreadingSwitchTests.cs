using System;
using System.Threading;
using Xunit;

namespace Loom.Packaging.Tests;

/// <summary>
/// The LoomThreading switch for a project inside this solution, which references Loom.Core.csproj instead of the
/// package and imports Loom.Core/buildTransitive/Loom.Core.targets by hand (this project does; see its .csproj).
/// The consumer tests check the same switch through the package.
/// </summary>
public class ThreadingSwitchTests
{
    [Fact]
    public void The_build_file_defines_LOOM_and_aliases_the_mirrored_types()
    {
#if LOOM
        const bool defined = true;
#else
        const bool defined = false;
#endif

        Assert.True(defined);
        Assert.Equal(typeof(Loom.Threading.Volatile), typeof(Volatile));
        Assert.Equal(typeof(Loom.Threading.Thread), typeof(Thread));
        Assert.Equal(typeof(Loom.Threading.Monitor), typeof(Monitor));
        Assert.Equal(typeof(Loom.Threading.Channels.Channel), typeof(Channel));
    }

    [Fact]
    public void Code_under_test_compiled_with_the_switch_is_explored_and_its_lost_update_found()
    {
        var result = LoomModel.Explore(() =>
        {
            var counter = new LostUpdateCounter();
            var t1 = new Thread(counter.Increment);
            var t2 = new Thread(counter.Increment);
            t1.Start();
            t2.Start();
            t1.Join();
            t2.Join();
            if (counter.Value != 2)
                throw new InvalidOperationException($"Expected 2, got {counter.Value}.");
        });

        Assert.False(result.Passed, result.Summary);
        Assert.Equal("Expected 2, got 1.", result.Failure!.Exception?.Message);
        // The counter's own reads and writes are steps of the interleaving: they were Loom's, not System.Threading's.
        Assert.Contains("Volatile.Read", result.Failure.Report);
        Assert.Contains("LostUpdateCounter.cs:17", result.Failure.Report);
    }
}
