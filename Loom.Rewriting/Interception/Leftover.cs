namespace Loom.Rewriting.Interception;

/// <summary>What a call of an intercepted type's member without a stand-in is, as Loom.Core declares it.</summary>
internal enum Leftover
{
    /// <summary>Declared to pass through: running the real member is right, and nothing is reported.</summary>
    PassesThrough,

    /// <summary>Declared as not intercepted yet: left as written and reported as such.</summary>
    NotYet,

    /// <summary>Not declared at all: left as written and reported as having no stand-in.</summary>
    Unknown,
}
