namespace Loom.Coverage.Recording;

/// <summary>What the recorder knows about one source line where controlled operations ran.</summary>
internal sealed class SiteTally
{
    public SiteTally(string api, string? firstTest, string firstSchedule)
    {
        Api = api;
        FirstTest = firstTest;
        FirstSchedule = firstSchedule;
    }

    /// <summary>The API of the first controlled operation seen on this line, for example <c>Interlocked.Increment</c>.</summary>
    public string Api { get; }

    /// <summary>How many scheduling points ran on this line, over every execution of every exploration.</summary>
    public long Hits { get; set; }

    /// <summary>The test case that reached the line first, if known.</summary>
    public string? FirstTest { get; }

    /// <summary>The schedule id of the first execution that reached the line.</summary>
    public string FirstSchedule { get; }
}
