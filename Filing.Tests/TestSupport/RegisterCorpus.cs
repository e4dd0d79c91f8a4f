using System.Runtime.CompilerServices;
using static Filing.Tests.TestSupport.RegisterClient;

namespace Filing.Tests.TestSupport;

/// <summary>
/// A small published register built through the API, once per test host: five documents published between 2019 and
/// 2021 (one expired, one repealed) and one draft that must never show. Queries over it have exact expected answers,
/// which the scenario classes assert on SQLite and on PostgreSQL alike.
/// </summary>
public sealed class RegisterCorpus
{
    private static readonly ConditionalWeakTable<FilingApiFactory, Lazy<Task<RegisterCorpus>>> Built = [];

    private RegisterCorpus(Dictionary<string, Guid> ids) => Ids = ids;

    /// <summary>Document ids by short name: Invest, RuleOfLaw, Subsidy, Manage, Roads, Draft.</summary>
    public IReadOnlyDictionary<string, Guid> Ids { get; }

    public Guid this[string name] => Ids[name];

    /// <summary>The name of a document id.</summary>
    public string NameOf(Guid id) => Ids.Single(p => p.Value == id).Key;

    public static Task<RegisterCorpus> OfAsync(FilingApiFactory factory) =>
        Built.GetValue(factory, f => new Lazy<Task<RegisterCorpus>>(() => BuildAsync(f))).Value;

    /// <summary>A GB/T 9704-style draft with its own 发文字号.</summary>
    public static byte[] Draft(string number, string title, params string[] clauses) =>
        TestDocx.FromParagraphs(["桐庐县人民政府文件", number, title, "各乡镇人民政府、街道办事处，县政府各部门：", .. clauses, "桐庐县人民政府", "2019年1月1日"]);

    private static async Task<RegisterCorpus> BuildAsync(FilingApiFactory factory)
    {
        var client = new RegisterClient(factory);
        var ids = new Dictionary<string, Guid>();
        async Task<Guid> Publish(string name, string date, byte[] file, string? validUntil = null)
        {
            var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
            factory.Clock.Set(new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));
            var id = await client.UploadAsync(file);
            await client.TakeToAsync(id, "registered", date);
            await client.PostOkAsync(Legal, $"/api/v1/documents/{id}/publication",
                new { date, channel = "桐庐县人民政府网站", validUntil });
            ids[name] = id;
            return id;
        }

        await Publish("Invest", "2019-03-01", Draft("桐政发〔2019〕5号", "桐庐县人民政府关于加强招商引资工作的意见",
            "一、充分认识招商引资工作的重要意义。", "二、对新引进的重大项目和企业给予奖励。", "三、本意见自发布之日起施行。"));
        await Publish("RuleOfLaw", "2019-06-01", Draft("桐政发〔2019〕18号", "桐庐县深化法治政府建设实施意见",
            "一、加快建设法治政府。", "二、推进严格规范公正文明执法。"), validUntil: "2020-12-31");
        await Publish("Subsidy", "2020-01-10", Draft("桐政发〔2020〕2号", "桐庐县企业专项补贴资金管理办法",
            "第一条 为规范企业专项补贴资金管理，制定本办法。", "第二条 对符合条件的企业给予补贴。", "第三条 本办法自2020年2月1日起施行。"));
        await Publish("Manage", "2020-05-20", Draft("桐政发〔2020〕9号", "桐庐县人民政府关于进一步规范行政规范性文件管理的通知",
            "一、严格执行合法性审核制度。", "二、招商引资文件应当经公平竞争审查。"));
        var roads = await Publish("Roads", "2021-03-15", Draft("桐政发〔2021〕3号", "桐庐县城市道路临时占用管理办法",
            "第一条 为加强城市道路管理，制定本办法。", "第二条 临时占用城市道路应当经批准。"));

        factory.Clock.Set(new DateTimeOffset(2022, 12, 1, 2, 0, 0, TimeSpan.Zero));
        await client.PostOkAsync(Drafter, $"/api/v1/documents/{roads}/repeal", new { date = "2023-01-01", reason = "已被新规定替代" });

        factory.Clock.Set(new DateTimeOffset(2024, 9, 6, 2, 0, 0, TimeSpan.Zero));
        var draft = await client.UploadAsync(Draft("桐政发〔2024〕30号", "桐庐县鲟鱼养殖扶持办法", "第一条 支持鲟鱼养殖产业发展，对企业给予补贴。"));
        await client.TakeToAsync(draft, "decided", "2024-09-06");
        ids["Draft"] = draft;
        return new RegisterCorpus(ids);
    }
}
