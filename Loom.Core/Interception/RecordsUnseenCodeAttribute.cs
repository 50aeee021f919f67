using System;
using System.ComponentModel;

namespace Loom.Interception;

/// <summary>
/// Marks the static class whose methods the test build's rewriter (docs/rewriting.md, "Code Loom did not see") calls
/// where rewritten code runs code Loom does not see: <c>Called(string assembly, file, line)</c> before each call into
/// an assembly the build did not rewrite although it calls System.Threading, tasks, timers or the clock, and
/// <c>NotControlled(string member, file, line)</c> before each call the rewriter left as written. The rewriter finds
/// the class by this attribute in the Loom.Core the test project binds to, as it finds the stand-ins.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RecordsUnseenCodeAttribute : Attribute
{
}
