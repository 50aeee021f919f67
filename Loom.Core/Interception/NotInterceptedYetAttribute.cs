using System;
using System.ComponentModel;

namespace Loom.Interception;

/// <summary>
/// Says, on a class of stand-ins (<see cref="InterceptsAttribute"/>), that a member of its target should have a
/// stand-in and has none yet, and what that costs: the rewriter leaves its call sites as written and lists them
/// in its build message as not intercepted yet, and the stand-ins' surface test accepts the member. The same
/// member forms as <see cref="PassesThroughAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class NotInterceptedYetAttribute : Attribute
{
    /// <summary>Declares that <paramref name="member"/> has no stand-in yet, with <paramref name="consequence"/>.</summary>
    /// <param name="member">The member: IL name, name with parameter types, or <c>*</c>.</param>
    /// <param name="consequence">What running the real member inside an execution does.</param>
    public NotInterceptedYetAttribute(string member, string consequence)
    {
        Member = member;
        Consequence = consequence;
    }

    /// <summary>The member: IL name, name with parameter types, or <c>*</c>.</summary>
    public string Member { get; }

    /// <summary>What running the real member inside an execution does.</summary>
    public string Consequence { get; }
}
