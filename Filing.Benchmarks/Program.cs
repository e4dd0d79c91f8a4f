using BenchmarkDotNet.Running;

// dotnet run -c Release --project Filing.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
