using System;
using System.ComponentModel;

namespace Loom.Interception;

/// <summary>
/// Says, on a class of stand-ins (<see cref="InterceptsAttribute"/>), that a member of its target has no stand-in on
/// purpose, and why: the rewriter leaves its call sites as written without listing them as unhandled, and the
/// stand-ins' surface test accepts the member. <see cref="Member"/> is the member's IL name (every overload; a
/// constructor is <c>New</c>), or the name with its parameter types' full names (<c>New(System.Int32)</c>), or
/// <c>*</c> for every member of the target without a stand-in.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PassesThroughAttribute : Attribute
{
    /// <summary>Declares that <paramref name="member"/> passes through, for <paramref name="reason"/>.</summary>
    /// <param name="member">The member: IL name, name with parameter types, or <c>*</c>.</param>
    /// <param name="reason">Why running the real member inside an execution is right.</param>
    public PassesThroughAttribute(string member, string reason)
    {
        Member = member;
        Reason = reason;
    }

    /// <summary>The member: IL name, name with parameter types, or <c>*</c>.</summary>
    public string Member { get; }

    /// <summary>Why running the real member inside an execution is right.</summary>
    public string Reason { get; }
}
