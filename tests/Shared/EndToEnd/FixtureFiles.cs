using System;
using System.IO;

namespace Loom.Tests.EndToEnd;

/// <summary>Finds the repository and copies fixture projects out of it, so that runs never write into the checkout.</summary>
public static class FixtureFiles
{
    /// <summary>The folder that holds Loom.TestAdapters.sln, above the running test assembly.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Loom.TestAdapters.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No Loom.TestAdapters.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>Copies a fixture's sources: no build output, test results or case listings, no regressions a local run recorded.</summary>
    public static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            // Regressions files a developer's manual fixture run left behind would change the listed cases; only
            // RegressionTests.loom-regressions is part of the fixtures.
            if (file.EndsWith(".loom-regressions", StringComparison.Ordinal) && Path.GetFileName(file) != "RegressionTests.loom-regressions")
                continue;
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var dir in Directory.EnumerateDirectories(from))
        {
            var name = Path.GetFileName(dir);
            if (name is "bin" or "obj" or "loom-cases" or "TestResults")
                continue;
            Copy(dir, Path.Combine(to, name));
        }
    }
}
