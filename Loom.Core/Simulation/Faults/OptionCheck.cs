using System;
using System.Collections.Generic;
using System.Globalization;

namespace Loom.Simulation;

/// <summary>Validation shared by the simulation's option records: each error names the option and the accepted range.</summary>
internal static class OptionCheck
{
    public static void Probability(double value, string option)
    {
        if (!(value >= 0 && value <= 1))
            throw Invalid(option, $"{Format(value)} is not a probability; use a number from 0 to 1");
    }

    public static void Rate(double value, string option)
    {
        if (!(value >= 0) || double.IsInfinity(value))
            throw Invalid(option, $"{Format(value)} is not a rate; use events per simulated second, 0 or more");
    }

    public static void NotNegative(TimeSpan value, string option)
    {
        if (value < TimeSpan.Zero)
            throw Invalid(option, $"{value} is negative");
    }

    public static void Positive(TimeSpan value, string option)
    {
        if (value <= TimeSpan.Zero)
            throw Invalid(option, $"{value} is not positive");
    }

    public static void NotNull(object? value, string option)
    {
        if (value is null)
            throw Invalid(option, "it is null");
    }

    public static void Names(IReadOnlyList<string>? names, string option)
    {
        if (names is null)
            return;
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name))
                throw Invalid(option, "it lists an empty node name");
        }
    }

    public static ArgumentException Invalid(string option, string why) =>
        new($"Invalid simulation option {option}: {why}.", option);

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
