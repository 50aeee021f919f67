using System;
using System.IO;
using Loom.Coverage.Mtp;
using Xunit;

namespace Loom.Coverage.Tests.Mtp;

/// <summary>
/// How the platform extension finds coverlet.MTP's Cobertura report of a run in the results directory (the file is
/// compiled in from Loom.Coverage.Mtp: this project runs on another major version of the platform).
/// </summary>
public sealed class CoverletReportLookupTests : IDisposable
{
    private readonly string _results = Directory.CreateTempSubdirectory("loom-coverlet-lookup-").FullName;

    public void Dispose() => Directory.Delete(_results, recursive: true);

    [Fact]
    public void The_newest_Cobertura_report_written_since_the_run_started_is_taken()
    {
        var started = DateTime.UtcNow.AddMinutes(-1);
        Write("coverage.cobertura.071226120000001.xml", started.AddSeconds(10));
        var newest = Write("coverage.cobertura.071226120000002.xml", started.AddSeconds(20));
        Write("coverage.071226120000003.json", started.AddSeconds(30));

        Assert.Equal(newest, CoverletMtp.FindReport(_results, started));
    }

    [Fact]
    public void A_report_with_coverlets_file_prefix_is_found_too()
    {
        var started = DateTime.UtcNow.AddMinutes(-1);
        var prefixed = Write("Shop.Tests.coverage.cobertura.071226120000001.xml", started.AddSeconds(5));

        Assert.Equal(prefixed, CoverletMtp.FindReport(_results, started));
    }

    [Fact]
    public void A_report_an_earlier_run_left_is_not_taken_for_this_one()
    {
        var started = DateTime.UtcNow;
        Write("coverage.cobertura.071226110000001.xml", started.AddHours(-1));

        Assert.Null(CoverletMtp.FindReport(_results, started));
        Assert.Null(CoverletMtp.FindReport(Path.Combine(_results, "missing"), started));
    }

    private string Write(string name, DateTime writtenUtc)
    {
        var path = Path.Combine(_results, name);
        File.WriteAllText(path, "<coverage />");
        File.SetLastWriteTimeUtc(path, writtenUtc);
        return path;
    }
}
