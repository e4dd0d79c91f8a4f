using BenchmarkDotNet.Running;
using Filing.Benchmarks;

// dotnet run -c Release --project Filing.Benchmarks -- --filter '*ReaderBenchmarks*' --job short
//   BenchmarkDotNet; ReaderBenchmarks generates the large document with soffice first if it is missing
// dotnet run -c Release --project Filing.Benchmarks -- generate [typical|large]
//   (re)generates a benchmark document from Data/sources and the seed text
// dotnet run -c Release --project Filing.Benchmarks -- measure
//   MB/s of document.xml and peak memory, each document read in a fresh process
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
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        break;
}
