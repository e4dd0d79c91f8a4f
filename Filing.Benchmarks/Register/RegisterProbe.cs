using System.Diagnostics;
using System.Globalization;
using Filing.Api.Register.Public;
using Filing.Core.Register.Specifications;
using Filing.Core.Search;

namespace Filing.Benchmarks.Register;

/// <summary>
/// The in-memory match alone (<see cref="RegisterSnapshot.MatchHeld"/>), without the database, the ranking or the page:
/// for telling what a search's matching costs apart from the rest. Loads the snapshot once, then times each question
/// interleaved over many rounds and reports medians.
/// </summary>
internal static class RegisterProbe
{
    public static async Task RunAsync(string[] args)
    {
        var bench = BenchDatabase.Parse(args);
        var rounds = int.Parse(Option(args, "--rounds") ?? "31", CultureInfo.InvariantCulture);
        var questions = (Option(args, "--q") ?? "\"依法给予处分\"|依法 给予 处分|\"行政许可\"|行政处罚").Split('|');
        RegisterSnapshot snapshot;
        await using (var db = bench.Create())
        {
            var load = Stopwatch.StartNew();
            snapshot = await RegisterSnapshot.LoadAsync(db, 1024L * 1024 * 1024, CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"snapshot loaded in {load.ElapsedMilliseconds} ms"));
        }

        var parser = new SearchQueryParser(new SearchAnalyzer(Filing.Core.Text.JiebaTokenizer.Shared));
        var parsed = questions.Select(q => parser.Parse(q)).ToArray();
        var times = parsed.Select(_ => new List<double>()).ToArray();
        var rankTimes = parsed.Select(_ => new List<double>()).ToArray();
        var criteria = RegisterSnapshot.Criteria(new PublicRegisterFilter(), DateOnly.FromDateTime(DateTime.UtcNow));
        var counts = new int[parsed.Length];
        var unknown = new int[parsed.Length];
        for (var round = 0; round < rounds + 3; round++)
        {
            for (var i = 0; i < parsed.Length; i++)
            {
                var clock = Stopwatch.StartNew();
                var match = snapshot.MatchHeld(parsed[i]);
                var ms = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                var ranked = snapshot.Rank(snapshot.DocumentsAt(match.Sure), parsed[i], criteria, RegisterSort.Relevance);
                var rankMs = clock.Elapsed.TotalMilliseconds;
                if (round >= 3)
                {
                    times[i].Add(ms);
                    rankTimes[i].Add(rankMs);
                }

                counts[i] = match.Sure.Sum(w => System.Numerics.BitOperations.PopCount(w)) + match.UnknownCount;
                unknown[i] = match.UnknownCount;
            }
        }

        {
            await using var db = bench.Create();
            var ids = snapshot.DocumentsAt(snapshot.MatchHeld(parsed[0]).Sure).Take(50).ToArray();
            var texts = await new PublicRegisterQuery(db).TextsAsync(ids, CancellationToken.None);
            foreach (var q in parsed)
            {
                var spans = new List<double>();
                for (var r = 0; r < 15; r++)
                {
                    var sw = Stopwatch.StartNew();
                    foreach (var (title, body) in texts.Values)
                    {
                        _ = Highlighter.Find(title, q);
                        _ = Highlighter.Snippet(body, q);
                    }

                    spans.Add(sw.Elapsed.TotalMilliseconds);
                }

                var finds = new List<double>();
                for (var r = 0; r < 15; r++)
                {
                    var sw = Stopwatch.StartNew();
                    foreach (var (title, body) in texts.Values)
                    {
                        _ = Highlighter.Find(body, q);
                    }

                    finds.Add(sw.Elapsed.TotalMilliseconds);
                }

                Console.WriteLine($"find only {finds.Order().ElementAt(7):0.00} ms; ranges {texts.Values.Sum(t => Highlighter.Find(t.Body, q).Count)}");
                Console.WriteLine($"snippets of 50 for {q.Text}: median {spans.Order().ElementAt(7):0.00} ms, body chars {texts.Values.Sum(t => t.Body.Length)}");
            }
        }

        Console.WriteLine("| question | matches | of which the database must tell | match median ms | min ms | rank median ms | min ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < parsed.Length; i++)
        {
            var sorted = times[i].Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {questions[i]} | {counts[i]:N0} | {unknown[i]:N0} | {sorted[sorted.Length / 2]:0.0} | {sorted[0]:0.0} | {rankTimes[i].Order().ElementAt(sorted.Length / 2):0.0} | {rankTimes[i].Min():0.0} |"));
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
