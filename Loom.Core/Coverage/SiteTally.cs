namespace Loom.Coverage.Recording;

/// <summary>What the recorder knows about one source line where Loom's stand-ins or mirrors ran.</summary>
internal sealed class SiteTally
{
    public SiteTally(string api)
    {
        Api = api;
    }

    /// <summary>The API of the first operation seen on this line, for example <c>Interlocked.Increment</c>.</summary>
    public string Api { get; }

    /// <summary>How many scheduling points ran on this line, over every execution of every exploration.</summary>
    public long Hits { get; set; }

    /// <summary>The test case that reached the line first under Loom, if known.</summary>
    public string? FirstTest { get; set; }

    /// <summary>The schedule id of the first execution that reached the line; <see langword="null"/> until one did.</summary>
    public string? FirstSchedule { get; set; }

    /// <summary>
    /// Whether the line's call ran outside any execution: the real member ran, as the stand-in's caller wrote it,
    /// with nothing explored. Known from the call itself, so it holds where Coverlet has no line counts.
    /// </summary>
    public bool ReachedOutside { get; set; }
}
