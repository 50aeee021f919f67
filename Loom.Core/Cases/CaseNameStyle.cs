namespace Loom.Cases;

/// <summary>How a case's label is attached to its method's name in the framework's test name.</summary>
public enum CaseNameStyle
{
    /// <summary>
    /// <c>Method [schedule 1@3 0@5]</c>, regressions <c>Method [schedule 1@3 0@5] (regression)</c>: xUnit and MSTest,
    /// whose filters take a display name as it is.
    /// </summary>
    Bracketed,

    /// <summary>
    /// <c>Method(schedule 1@3 0@5)</c>, regressions <c>Method(schedule 1@3 0@5, regression)</c>: NUnit, whose
    /// <c>--filter</c> parser (NUnit3TestAdapter) splits names at whitespace except inside parentheses, so only a
    /// parenthesized label keeps a full name filterable, as NUnit's own parameterized test names are.
    /// </summary>
    Parenthesized,
}
