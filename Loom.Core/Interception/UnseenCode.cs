using System.ComponentModel;
using System.Runtime.CompilerServices;
using Loom.Runtime;

namespace Loom.Interception;

/// <summary>
/// What rewritten code calls where it is about to run code Loom does not see (docs/rewriting.md, "Code Loom did not
/// see"). Inside a Loom execution each call records the code on the execution, so the result of the run names it;
/// outside one it is a static check and a return.
/// </summary>
[RecordsUnseenCode]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class UnseenCode
{
    /// <summary>Records that the calling logical thread calls into <paramref name="assembly"/>, which the build did not rewrite.</summary>
    /// <param name="assembly">The assembly's name.</param>
    /// <param name="file">The call site's source file.</param>
    /// <param name="line">The call site's source line.</param>
    public static void Called(string assembly, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.AnyActive && LogicalThread.Current is { } me)
            me.Execution.Unseen.Called(me, assembly, file, line);
    }

    /// <summary>
    /// Records that the calling logical thread runs <paramref name="member"/> as written: a member of a type Loom
    /// models that has no stand-in yet, or a call the rewriter could not redirect.
    /// </summary>
    /// <param name="member">The member, as <c>Task.ContinueWith</c>.</param>
    /// <param name="file">The call site's source file.</param>
    /// <param name="line">The call site's source line.</param>
    public static void NotControlled(string member, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.AnyActive && LogicalThread.Current is { } me)
            me.Execution.Unseen.NotControlled(me, member, file, line);
    }
}
