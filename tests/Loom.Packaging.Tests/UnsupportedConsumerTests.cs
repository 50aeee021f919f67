using System.IO;
using System.Linq;
using Xunit;

namespace Loom.Packaging.Tests;

/// <summary>
/// Consumers Loom does not support (tests/fixtures/Consumer.Unsupported.*): each must fail to build with Loom's
/// message, before the compiler runs, instead of failing at run time with a type-load error.
/// </summary>
[Collection(PackagedConsumersCollection.Name)]
public class UnsupportedConsumerTests(PackagedConsumers packed)
{
    [Fact]
    public void A_project_on_net8_is_stopped_with_a_message_that_names_the_supported_framework()
    {
        var errors = Errors("Consumer.Unsupported.Net8");

        var error = Assert.Single(errors);
        Assert.Contains("error LOOM0001: This project targets net8.0, and the Loom packages it references (Loom.Xunit) need net10.0 or later", error);
        Assert.Contains("Set <TargetFramework>net10.0</TargetFramework>", error);
    }

    [Fact]
    public void A_project_on_xunit_v3_2_is_stopped_with_a_message_that_names_the_supported_versions()
    {
        var error = Assert.Single(Errors("Consumer.Unsupported.Xunit2x"));

        Assert.Contains("error LOOM0102: Loom.Xunit runs on xUnit v3 3.x and 4.x (xunit.v3 3.0.1 or later, before 5.0), and this project resolves xunit.v3.runner.inproc.console 2.0.3", error);
        Assert.Contains("Reference xunit.v3 4.x", error);
    }

    [Fact]
    public void Loom_Coverage_Mtp_in_an_xUnit_v3_3_project_on_the_platform_is_stopped_with_what_to_use_instead()
    {
        var error = Assert.Single(Errors("Consumer.Unsupported.XunitCoverageMtp"));

        Assert.Contains("error LOOM0401: Loom.Coverage.Mtp runs on Microsoft.Testing.Platform 2.x, and this project's test framework runs on 1.9.1", error);
        Assert.Contains("use Loom.Coverage under VSTest (dotnet test --collect loom-coverage)", error);
    }

    [Fact]
    public void Nothing_else_fails_first()
    {
        var build = packed.Unsupported;

        Assert.NotEqual(0, build.ExitCode);
        // No compiler errors for missing types that would hide the cause, and no NuGet incompatibility error.
        Assert.DoesNotContain("error CS", build.Output);
        Assert.DoesNotContain("NU1202", build.Output);
    }

    // MSBuild repeats each error in its closing summary; the distinct lines are enough.
    private string[] Errors(string project) =>
        packed.Unsupported.Output.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Contains(": error ") && l.Contains($"[{Path.Combine(packed.Root, project, project + ".csproj")}]"))
            .Distinct()
            .ToArray();
}
