using BenchmarkDotNet.Running;

namespace Loom.Bench.Adapters;

public static class Program
{
    // dotnet run -c Release --project bench/Loom.Bench.Adapters -- --filter '*'
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
