using BenchmarkDotNet.Running;
using Filing.Benchmarks;
using Filing.Benchmarks.Register;

// dotnet run -c Release --project Filing.Benchmarks -- --filter '*ReaderBenchmarks*' --job short
//   BenchmarkDotNet; ReaderBenchmarks generates the large document with soffice first if it is missing
// dotnet run -c Release --project Filing.Benchmarks -- generate [typical|large]
//   (re)generates a benchmark document from Data/sources and the seed text
// dotnet run -c Release --project Filing.Benchmarks -- measure
//   MB/s of document.xml and peak memory, each document read in a fresh process
// dotnet run -c Release --project Filing.Benchmarks -- register [--documents 100000] [--provider both|postgresql|sqlite] [--postgres "<connection>"]
//   the register at scale: list and fetch p50/p95 and registrations/s on PostgreSQL and SQLite (see Register/RegisterLoad.cs)
switch (args)
{
    case ["generate", .. var names]:
        foreach (var name in names.Length == 0 ? ["typical", "large"] : names)
        {
            BenchmarkDocuments.Ensure(name, force: true);
        }

        break;
    case ["measure", .. var rest]:
        ReaderMeasurement.Run(rest);
        break;
    case ["register", .. var rest]:
        await RegisterLoad.RunAsync(rest);
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkDocuments).Assembly).Run(args);
        break;
}
