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
// dotnet run -c Release --project Filing.Benchmarks -- register-seed --provider sqlite|postgresql [--connection …] [--count 100000]
//   fills an empty database with a generated public register (see Filing.Benchmarks/README.md)
// dotnet run -c Release --project Filing.Benchmarks -- register-measure --provider sqlite|postgresql [--connection …] [--only all|list|search] [--runs 25] [--warmup 3]
//   list/search latency (median, p95) and export memory over that database
// dotnet run -c Release --project Filing.Benchmarks -- register-probe --provider sqlite|postgresql [--connection …] [--rounds 31] [--q 'q1|q2']
//   the in-memory match and ranking alone (no database, no page), medians over interleaved rounds (see Register/RegisterProbe.cs)
// dotnet run -c Release --project Filing.Benchmarks -- --filter '*ReviewBenchmarks*' --job short --inProcess
//   the review engine after warm-up: parse + review of Data/typical.docx, the text endpoint's core, the prefilter
// dotnet run -c Release --project Filing.Benchmarks -- review-measure [--rounds 200]
//   the same, interleaved for many rounds, wall clock and thread CPU time, medians and minima (for a busy machine)
// dotnet run -c Release --project Filing.Benchmarks -- review-coldstart [--runs 5]
//   jieba and rule set cold start, each run in a fresh process, with working sets
switch (args)
{
    case ["review-measure", .. var rest]:
        ReviewMeasurement.Warm(rest);
        break;
    case ["review-coldstart", .. var rest]:
        ReviewMeasurement.ColdStart(rest);
        break;
    case ["review-coldstart-once"]:
        ReviewMeasurement.Once();
        break;
    case ["register-seed", .. var rest]:
        await Filing.Benchmarks.Register.RegisterSeeder.RunAsync(rest);
        break;
    case ["register-probe", .. var rest]:
        await Filing.Benchmarks.Register.RegisterProbe.RunAsync(rest);
        break;
    case ["register-measure", .. var rest]:
        await Filing.Benchmarks.Register.RegisterMeasurement.RunAsync(rest);
        break;
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
