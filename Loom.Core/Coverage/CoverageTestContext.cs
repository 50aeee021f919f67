using System.Threading;

namespace Loom.Coverage.Recording;

/// <summary>
/// Names the test case that is running, so that the loom-coverage report can say which test first reached each
/// site. The shared case layer (<c>Loom.Cases.CaseExecutor</c>), which every test-framework adapter runs its cases
/// through, sets <see cref="CurrentTest"/> around each case; when nobody sets it (a plain test calling
/// <c>LoomModel.Explore</c> or <c>LoomModel.Check</c>), Loom names the test method it finds on the stack.
/// </summary>
public static class CoverageTestContext
{
    private static readonly AsyncLocal<string?> s_currentTest = new();
    private static readonly AsyncLocal<bool> s_listing = new();

    /// <summary>
    /// The display name of the test case running on this asynchronous flow (for example
    /// <c>Shop.CounterTests.Increments_are_not_lost [schedule 1@3 0@5]</c>), or <see langword="null"/> when unknown.
    /// Setting it costs one <see cref="AsyncLocal{T}"/> write and is safe when coverage is not being recorded.
    /// </summary>
    public static string? CurrentTest
    {
        get => s_currentTest.Value;
        set => s_currentTest.Value = value;
    }

    /// <summary>
    /// Whether explorations on this asynchronous flow only list an exhaustive theory's schedules for discovery.
    /// Listing is not a test run, and is skipped when the listing is cached, so it is left out of the record: the
    /// report then says what the cases that ran reached, the same with a warm cache or a cold one.
    /// </summary>
    internal static bool Listing
    {
        get => s_listing.Value;
        set => s_listing.Value = value;
    }
}
