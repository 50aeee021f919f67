namespace Loom.Cases;

/// <summary>A line of a regressions file that could not be read.</summary>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Text">The line as written.</param>
/// <param name="Reason">What is wrong with it and what it should look like.</param>
/// <param name="MethodKey">The method the line names, when that much could be read; otherwise <see langword="null"/>.</param>
public sealed record RegressionProblem(int Line, string Text, string Reason, string? MethodKey);
