namespace Loom.Coverage.Catalog;

/// <summary>The source markers Loom reads from <c>//</c> comments.</summary>
internal enum MarkerKind
{
    /// <summary><c>// LOOM-RETRY: why</c>: the line is a retry site.</summary>
    Retry,

    /// <summary><c>// LOOM-RETRY-BEGIN: why</c>: the loop that follows, up to the end marker, is a retry site.</summary>
    RetryBegin,

    /// <summary><c>// LOOM-RETRY-END</c>.</summary>
    RetryEnd,

    /// <summary><c>// LOOM-EXCLUDE-BEGIN: why</c>: sites up to the end marker do not count.</summary>
    ExcludeBegin,

    /// <summary><c>// LOOM-EXCLUDE-END</c>.</summary>
    ExcludeEnd,
}
