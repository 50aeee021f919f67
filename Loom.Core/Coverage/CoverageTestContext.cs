using System.Threading;

namespace Loom.Coverage.Recording;

/// <summary>
/// Names the test case that is running, so that the loom-coverage report can say which test first reached each
/// site. Test-framework adapters set <see cref="CurrentTest"/> around each case they run; when nobody sets it,
/// Loom names the test method that called <c>LoomModel.Explore</c> or <c>LoomModel.Check</c>, found on the stack.
/// </summary>
public static class CoverageTestContext
{
    private static readonly AsyncLocal<string?> s_currentTest = new();

    /// <summary>
    /// The display name of the test case running on this asynchronous flow (for example
    /// <c>CounterTests.Increments_are_not_lost [schedule 1@3]</c>), or <see langword="null"/> when unknown.
    /// Setting it costs one <see cref="AsyncLocal{T}"/> write and is safe when coverage is not being recorded.
    /// </summary>
    public static string? CurrentTest
    {
        get => s_currentTest.Value;
        set => s_currentTest.Value = value;
    }
}
