using System;
using System.ComponentModel;

namespace Loom.Interception;

/// <summary>
/// Marks a static class whose methods stand in for the members of <see cref="Target"/> in rewritten code. The test
/// build's rewriter (Loom.Rewriting, docs/rewriting.md) redirects each call site of a member of the target to the
/// method of this class that has the same name and the same parameters, in this shape:
/// <list type="bullet">
/// <item>the member's IL name: <c>Enter</c>, <c>get_UtcNow</c>; a constructor's stand-in is named <c>New</c> and
/// returns the constructed object;</item>
/// <item>for an instance member, first the instance: the object itself for a class, <c>ref T</c> for a struct;</item>
/// <item>then the member's own parameters, unchanged;</item>
/// <item>then any of <see cref="System.Runtime.CompilerServices.CallerFilePathAttribute"/>,
/// <see cref="System.Runtime.CompilerServices.CallerLineNumberAttribute"/> and
/// <see cref="System.Runtime.CompilerServices.CallerArgumentExpressionAttribute"/> parameters, which the rewriter
/// fills from the call site's sequence point (the original source line) and, for a <c>ref</c> to a field, the
/// field's name;</item>
/// <item>for a member of a generic type, the type's generic parameters come first among the method's own.</item>
/// </list>
/// Outside a Loom execution each stand-in calls the real member, so rewritten code behaves exactly as before.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class InterceptsAttribute : Attribute
{
    /// <summary>Creates the marker for stand-ins of <paramref name="target"/>'s members.</summary>
    /// <param name="target">The BCL type whose call sites the rewriter redirects to the marked class.</param>
    public InterceptsAttribute(Type target) => Target = target;

    /// <summary>The BCL type whose members the marked class stands in for.</summary>
    public Type Target { get; }
}
