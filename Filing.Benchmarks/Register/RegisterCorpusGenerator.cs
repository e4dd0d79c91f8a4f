using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Filing.Core.Documents;
using Filing.Core.Text;

namespace Filing.Benchmarks.Register;

/// <summary>An issuing authority of the benchmark register.</summary>
/// <param name="Code">Organisation code.</param>
/// <param name="Name">Official name (桐庐县人民政府).</param>
/// <param name="Place">Place name for titles (桐庐县).</param>
/// <param name="IssuerCode">机关代字 of its 发文字号 (桐政发).</param>
/// <param name="Prefix">统一编号 prefix (illustrative).</param>
/// <param name="IsGovernment">A government (its documents need 会同审查) or its office.</param>
internal sealed record BenchAuthority(string Code, string Name, string Place, string IssuerCode, string Prefix, bool IsGovernment);

/// <summary>One generated document: its text as paragraphs and the dates of its life.</summary>
internal sealed record GeneratedDocument(
    int Index,
    BenchAuthority Authority,
    int Department,
    string Title,
    string Number,
    IReadOnlyList<string> Paragraphs,
    DateOnly DraftedOn,
    DateOnly DecidedOn,
    DateOnly PublishedOn,
    string Channel)
{
    public string Text => string.Join('\n', Paragraphs);
}

/// <summary>
/// Generates realistic 行政规范性文件 for the 100,000-document register benchmark, deterministically from a seed:
/// titles from the usual patterns (关于…的通知 / 实施意见, …管理办法), 发文字号 of the authority, GB/T 9704 layout
/// (版头, 主送, 正文, 署名, 成文日期), and bodies made of real sentences: the statute texts in Data/sources and the
/// sample corpus (read with the Word reader). Articles (第X条) for 办法/规定/细则, numbered headings (一、（一）) for
/// 通知/意见; lengths follow a log-normal spread around 3,000 characters (600–15,000); about a third state a
/// validity period (有效期N年), so some have expired.
/// </summary>
internal sealed partial class RegisterCorpusGenerator
{
    private static readonly string[] Topics =
    [
        "招商引资", "政府采购", "行政执法公示", "城市道路临时占用", "农村生活污水治理", "优化营商环境", "公平竞争审查", "政府信息公开",
        "行政许可事项", "就业创业扶持", "妇女儿童权益保障", "基本医疗卫生服务", "安全生产", "食品安全", "生态环境保护", "农村宅基地",
        "住房保障", "物业管理", "城市管理", "消防安全", "防汛防台", "地质灾害防治", "耕地保护", "林业发展", "茶产业发展", "民宿经济",
        "文化旅游", "体育设施", "养老服务", "残疾人就业", "教育经费", "中小学校舍", "科技创新", "人才引进", "企业上市", "小微企业融资",
        "专项资金", "财政补助资金", "政府投资项目", "国有资产", "公共资源交易", "工程建设项目审批", "行政规范性文件", "重大行政决策",
        "行政复议", "信访工作", "社会信用体系", "数字政府", "政务服务", "一网通办", "市场监管", "价格监督", "药品安全", "农产品质量安全",
        "垃圾分类", "河长制", "公共停车", "户外广告", "渣土运输", "燃气安全", "电动自行车", "村级集体经济", "乡村振兴", "美丽乡村",
        "新型农业经营主体", "退役军人服务", "殡葬管理", "慈善事业", "志愿服务", "应急管理", "档案管理", "统计调查", "审计监督",
    ];

    private static readonly string[] Verbs = ["加强", "进一步规范", "推进", "做好", "深化", "完善", "促进"];

    private static readonly string[] Headings =
    [
        "总体要求", "工作目标", "主要任务", "重点工作", "实施步骤", "职责分工", "保障措施", "工作要求", "支持政策", "监督管理",
    ];

    private static readonly (string Type, double Weight, bool Articles)[] Types =
    [
        ("管理办法", 0.30, true), ("实施细则", 0.06, true), ("规定", 0.08, true), ("通知", 0.30, false), ("实施意见", 0.14, false), ("意见", 0.12, false),
    ];

    private readonly List<string> _sentences;
    private readonly IReadOnlyList<BenchAuthority> _authorities;
    private readonly int _seed;

    public RegisterCorpusGenerator(IReadOnlyList<BenchAuthority> authorities, string statutesFolder, string samplesFolder, int seed)
    {
        _authorities = authorities;
        _seed = seed;
        _sentences = [.. LoadStatuteSentences(statutesFolder).Concat(LoadSampleSentences(samplesFolder)).Distinct()];
        if (_sentences.Count < 500)
        {
            throw new InvalidOperationException($"Only {_sentences.Count} sentences found in {statutesFolder} and {samplesFolder}.");
        }
    }

    public int SentenceCount => _sentences.Count;

    /// <summary>Document <paramref name="index"/> (the same for the same seed and index).</summary>
    public GeneratedDocument Generate(int index, Dictionary<(string Issuer, int Year), int> sequences)
    {
        var random = new Random(HashCode.Combine(_seed, index));
        var authority = _authorities[random.Next(_authorities.Count)];
        var (type, articles) = PickType(random);
        var topic = Topics[random.Next(Topics.Length)];
        var verb = Verbs[random.Next(Verbs.Length)];
        var title = articles
            ? $"{authority.Place}{topic}{type}"
            : $"{authority.Name}关于{verb}{topic}工作的{type}";

        var published = new DateOnly(2015, 1, 1).AddDays(random.Next(0, 4017)); // 2015-01-01 … 2025-12-31
        var decided = published.AddDays(-random.Next(1, 10));
        var drafted = decided.AddDays(-random.Next(20, 120));
        int sequence;
        lock (sequences)
        {
            var key = (authority.IssuerCode, published.Year);
            sequence = sequences.GetValueOrDefault(key) + 1;
            sequences[key] = sequence;
        }

        var number = $"{authority.IssuerCode}〔{published.Year}〕{sequence}号";
        var target = (int)Math.Clamp(Math.Exp(8.0 + (0.6 * Gaussian(random))), 600, 15_000); // median e^8 ≈ 2,981
        var effective = published.AddDays(random.Next(0, 4) == 0 ? random.Next(10, 60) : 0);
        int? years = random.NextDouble() < 0.35 ? random.Next(2, 6) : null;

        var paragraphs = new List<string> { $"{authority.Name}文件", number, title };
        if (!articles)
        {
            paragraphs.Add("各乡镇人民政府、街道办事处，县政府各部门、各直属单位：");
        }

        var body = new List<string>();
        var length = 0;
        if (articles)
        {
            var noun = type.EndsWith("办法", StringComparison.Ordinal) ? "办法" : type.EndsWith("细则", StringComparison.Ordinal) ? "细则" : "规定";
            body.Add($"第一条 为了{verb}{topic}工作，根据有关法律、法规和规章的规定，结合{authority.Place}实际，制定本{noun}。");
            var n = 2;
            while (length < target)
            {
                var text = Sentences(random, random.Next(1, 4));
                body.Add($"第{ChineseNumerals.Format(n++)}条 {text}");
                length += text.Length + 6;
            }

            body.Add($"第{ChineseNumerals.Format(n)}条 本{noun}自{Chinese(effective)}起施行" + (years is { } y ? $"，有效期{y}年。" : "。"));
        }
        else
        {
            body.Add($"为{verb}{topic}工作，根据有关规定，结合{authority.Place}实际，现提出如下{(type == "通知" ? "要求" : "意见")}。");
            var h = 0;
            while (length < target && h < 30)
            {
                body.Add($"{ChineseNumerals.Format(h + 1)}、{Headings[h % Headings.Length]}");
                for (var s = 0; s < random.Next(1, 4) && length < target; s++)
                {
                    var text = Sentences(random, random.Next(1, 4));
                    body.Add($"（{ChineseNumerals.Format(s + 1)}）{text}");
                    length += text.Length + 4;
                }

                h++;
            }

            body.Add(years is { } y
                ? $"本{type[^2..]}自{Chinese(effective)}起施行，有效期至{Chinese(effective.AddYears(y).AddDays(-1))}。"
                : $"本{type[^2..]}自{Chinese(effective)}起施行。");
        }

        paragraphs.AddRange(body);
        paragraphs.Add(authority.Name);
        paragraphs.Add(Chinese(decided));
        var channel = random.Next(3) == 0 ? $"{authority.Place}人民政府公报" : $"{authority.Place}人民政府网站";
        return new GeneratedDocument(index, authority, random.Next(6), title, number, paragraphs, drafted, decided, published, channel);
    }

    private static (string Type, bool Articles) PickType(Random random)
    {
        var roll = random.NextDouble();
        foreach (var (type, weight, articles) in Types)
        {
            if ((roll -= weight) <= 0)
            {
                return (type, articles);
            }
        }

        return ("通知", false);
    }

    private string Sentences(Random random, int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(_sentences[random.Next(_sentences.Count)]);
        }

        return text.ToString();
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());

    private static string Chinese(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    private static IEnumerable<string> LoadStatuteSentences(string folder)
    {
        foreach (var file in Directory.GetFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file))
            {
                var m = ArticleLine().Match(line);
                if (!m.Success)
                {
                    continue;
                }

                foreach (var sentence in Split(m.Groups["text"].Value))
                {
                    yield return sentence;
                }
            }
        }
    }

    private static IEnumerable<string> LoadSampleSentences(string folder)
    {
        foreach (var file in Directory.GetFiles(folder, "*.docx").Order(StringComparer.Ordinal))
        {
            NormativeDocument reading;
            try
            {
                using var stream = File.OpenRead(file);
                reading = NormativeDocumentReader.Read(stream);
            }
            catch (DocumentReadException)
            {
                continue;
            }

            foreach (var p in reading.Paragraphs.Where(p => p.Role == ParagraphRole.Body))
            {
                var text = p.Label is { Length: > 0 } label && p.Text.StartsWith(label, StringComparison.Ordinal) ? p.Text[label.Length..] : p.Text;
                foreach (var sentence in Split(text))
                {
                    yield return sentence;
                }
            }
        }
    }

    /// <summary>Whole sentences ending in 。 (or ；), 12–150 characters, without list labels that would confuse the structure.</summary>
    private static IEnumerable<string> Split(string text)
    {
        foreach (Match m in Sentence().Matches(text))
        {
            var s = m.Value.Trim();
            if (s.Length is >= 12 and <= 150 && !LeadingLabel().IsMatch(s))
            {
                yield return s.EndsWith('；') ? s[..^1] + "。" : s;
            }
        }
    }

    [GeneratedRegex(@"^\s*(?:\*\*)?第[一二三四五六七八九十百零〇]+条(?:\*\*)?\s*(?<text>.+)$")]
    private static partial Regex ArticleLine();

    [GeneratedRegex(@"[^。；]+[。；]")]
    private static partial Regex Sentence();

    [GeneratedRegex(@"^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.．、]|第[一二三四五六七八九十百]+[条章节款项])")]
    private static partial Regex LeadingLabel();
}
