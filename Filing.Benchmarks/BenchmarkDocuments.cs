using System.Diagnostics;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace Filing.Benchmarks;

/// <summary>
/// The documents the reader benchmarks parse, made by LibreOffice from generated flat ODF of realistic Chinese text:
/// a 印发 notice in GB/T 9704 layout enclosing a 管理办法 whose 章/节 headings and 第X条 articles come from the statute
/// texts in Data/sources (articles numbered by Word automatic numbering, 项 and tables as real documents have them),
/// followed by the seed 实施意见 as an attachment and a 版记.
/// <list type="bullet">
/// <item><c>typical</c> (~50 KB .docx, ~30 k characters); committed as Data/typical.docx with its source Data/typical.fodt.</item>
/// <item><c>large</c> (~5 MB .docx): the statutes cycled until the text reaches ~5.3 M characters; generated into
/// artifacts/benchmarks/ on first use (too big to commit).</item>
/// </list>
/// </summary>
internal static partial class BenchmarkDocuments
{
    private const long TypicalTargetCharacters = 34_000;
    private const long LargeTargetCharacters = 5_300_000;

    public static string Path(string name) => name switch
    {
        "typical" => System.IO.Path.Combine(Root, "Filing.Benchmarks", "Data", "typical.docx"),
        "large" => System.IO.Path.Combine(Root, "artifacts", "benchmarks", "large.docx"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "typical or large"),
    };

    public static string Root { get; } = FindRoot();

    /// <summary>Makes sure the document exists, generating it (and converting it with soffice) when it does not.</summary>
    public static string Ensure(string name, bool force = false)
    {
        var path = Path(name);
        if (File.Exists(path) && !force)
        {
            return path;
        }

        var folder = System.IO.Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var fodt = System.IO.Path.ChangeExtension(path, ".fodt");
        Console.Error.WriteLine($"Generating {fodt} …");
        File.WriteAllText(fodt, Generate(name == "large" ? LargeTargetCharacters : TypicalTargetCharacters), new UTF8Encoding(false));
        Convert(fodt, folder);
        Console.Error.WriteLine($"Wrote {path} ({new FileInfo(path).Length:N0} bytes)");
        return path;
    }

    /// <summary>The flat ODF text, with statutes added (varied after the first round) until the text has <paramref name="targetCharacters"/>.</summary>
    internal static string Generate(long targetCharacters)
    {
        var statutes = Directory.GetFiles(System.IO.Path.Combine(Root, "Filing.Benchmarks", "Data", "sources"), "*.md").Order(StringComparer.Ordinal).ToArray();
        var seed = File.ReadAllLines(System.IO.Path.Combine(Root, "corpus", "samples", "src", "seed-tonglu-2018-47.body.txt"));
        var body = new StringBuilder();
        var characters = 0L;

        void P(string style, string text)
        {
            body.Append($"<text:p text:style-name=\"{style}\">{SecurityElement.Escape(text)}</text:p>\n");
            characters += text.Length;
        }

        P("Organ", "青溪县人民政府文件");
        P("Number", "青政发〔2024〕12号");
        P("Title", "青溪县人民政府关于印发《青溪县行政规范性文件管理办法》的通知");
        P("Body", "各乡镇人民政府、街道办事处，县政府各部门、各直属单位：");
        P("Indent", "现将《青溪县行政规范性文件管理办法》印发给你们，请认真贯彻执行。");
        P("Signature", "青溪县人民政府");
        P("Signature", "2024年3月1日");
        P("Indent", "（此件公开发布）");
        P("TitleBreak", "青溪县行政规范性文件管理办法");

        var round = 0;
        var tables = 0;
        do
        {
            foreach (var statute in statutes)
            {
                round++;
                var articles = 0;
                var listOpen = false;
                StringBuilder? article = null;

                void FlushArticle()
                {
                    if (article is not null)
                    {
                        body.Append($"<text:list-item><text:p text:style-name=\"Article\">{SecurityElement.Escape(article.ToString())}</text:p></text:list-item>\n");
                        characters += article.Length;
                        article = null;
                    }
                }

                foreach (var raw in File.ReadLines(statute))
                {
                    var line = raw.Trim();
                    if (line.Length == 0 || line.StartsWith("<!--", StringComparison.Ordinal) || line.StartsWith("# ", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (line.StartsWith('#'))
                    {
                        FlushArticle();
                        CloseList(body, ref listOpen);
                        P(line.StartsWith("###", StringComparison.Ordinal) ? "Section" : "Chapter", line.TrimStart('#', ' ').Replace(" ", "", StringComparison.Ordinal));
                        continue;
                    }

                    var label = ArticleLabel().Match(line);
                    if (label.Success)
                    {
                        FlushArticle();
                        if (++articles % 25 == 0)
                        {
                            CloseList(body, ref listOpen);
                            body.Append(Table(++tables));
                        }

                        if (!listOpen)
                        {
                            // One list continued across chapters: 第X条 keeps counting, as in a real 办法.
                            body.Append("<text:list text:style-name=\"Articles\" text:continue-numbering=\"true\">\n");
                            listOpen = true;
                        }

                        article = new StringBuilder(Vary(line[label.Length..].TrimStart(), round));
                        continue;
                    }

                    if (article is not null && round > 1)
                    {
                        // Repeated rounds write an article's 款 into one paragraph: statute 款 average ~50 characters,
                        // and 100,000 of them would be a paragraph count no real document has.
                        article.Append(Vary(line, round));
                        continue;
                    }

                    FlushArticle();
                    CloseList(body, ref listOpen);
                    P("Indent", Vary(line, round));
                }

                FlushArticle();
                CloseList(body, ref listOpen);
                if (characters >= targetCharacters)
                {
                    break;
                }
            }
        }
        while (characters < targetCharacters);

        P("Indent", "第九十九条　本办法自2024年4月1日起施行，有效期5年。");
        P("AttachmentBreak", "附件");
        foreach (var line in seed)
        {
            P(line.Length < 30 && !line.EndsWith('。') ? "Body" : "Indent", line);
        }

        P("Body", "抄送：县委各部门，县人大常委会办公室，县政协办公室，县法院，县检察院。");
        P("Body", "青溪县人民政府办公室　　　　　　　　2024年3月1日印发");
        return Template.Replace("{BODY}", body.ToString(), StringComparison.Ordinal);
    }

    private static void CloseList(StringBuilder body, ref bool open)
    {
        if (open)
        {
            body.Append("</text:list>\n");
            open = false;
        }
    }

    /// <summary>Different numbers and a few different words per round, so repeated statutes are not identical text.</summary>
    private static string Vary(string text, int round) =>
        round <= 1 ? text : Digits().Replace(text, m => (long.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture) + round).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("国务院", round % 2 == 0 ? "县人民政府" : "市人民政府", StringComparison.Ordinal);

    private static string Table(int n) =>
        $"""
        <table:table table:name="表{n}" table:style-name="Grid">
        <table:table-column table:number-columns-repeated="3"/>
        <table:table-row><table:table-cell table:number-columns-spanned="2" office:value-type="string"><text:p text:style-name="Body">事项名称（第{n}批）</text:p></table:table-cell><table:covered-table-cell/><table:table-cell office:value-type="string"><text:p text:style-name="Body">办理时限</text:p></table:table-cell></table:table-row>
        <table:table-row><table:table-cell office:value-type="string"><text:p text:style-name="Body">合法性审核</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p text:style-name="Body">县司法局</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p text:style-name="Body">{5 + (n % 10)}个工作日</text:p></table:table-cell></table:table-row>
        <table:table-row><table:table-cell office:value-type="string"><text:p text:style-name="Body">公平竞争审查</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p text:style-name="Body">起草单位</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p text:style-name="Body">{10 + (n % 20)}个工作日</text:p></table:table-cell></table:table-row>
        </table:table>

        """;

    private static void Convert(string fodt, string outputDirectory)
    {
        var profile = $"file:///tmp/lo-filing-bench-{Environment.ProcessId}";
        var start = new ProcessStartInfo("soffice")
        {
            ArgumentList = { $"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", outputDirectory, fodt },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var soffice = Process.Start(start) ?? throw new InvalidOperationException("soffice did not start: install LibreOffice (see README).");
        soffice.StandardOutput.ReadToEnd();
        soffice.StandardError.ReadToEnd();
        soffice.WaitForExit();
        Directory.Delete(new Uri(profile).LocalPath, recursive: true);
        if (soffice.ExitCode != 0 || !File.Exists(System.IO.Path.ChangeExtension(fodt, ".docx")))
        {
            throw new InvalidOperationException($"soffice could not convert {fodt} (exit code {soffice.ExitCode}).");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Filing.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Filing.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^第[一二三四五六七八九十百零〇]+条")]
    private static partial Regex ArticleLabel();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    private const string Template = """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
         <office:font-face-decls>
          <style:font-face style:name="FangSong" svg:font-family="仿宋_GB2312" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
          <style:font-face style:name="XiaoBiaoSong" svg:font-family="方正小标宋简体" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
          <style:font-face style:name="HeiTi" svg:font-family="黑体" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
         </office:font-face-decls>
         <office:styles>
          <style:style style:name="Standard" style:family="paragraph"><style:text-properties style:font-name-asian="FangSong" fo:font-size="16pt" style:font-size-asian="16pt"/></style:style>
          <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="justify" fo:line-height="28pt"/></style:style>
          <style:style style:name="Indent" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:text-indent="32pt"/></style:style>
          <style:style style:name="Article" style:family="paragraph" style:parent-style-name="Indent"/>
          <style:style style:name="Organ" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name-asian="XiaoBiaoSong" fo:font-size="36pt" style:font-size-asian="36pt" fo:color="#ff0000"/></style:style>
          <style:style style:name="Number" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:margin-top="24pt" fo:margin-bottom="24pt"/></style:style>
          <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="16pt"/><style:text-properties style:font-name-asian="XiaoBiaoSong" fo:font-size="22pt" style:font-size-asian="22pt"/></style:style>
          <style:style style:name="TitleBreak" style:family="paragraph" style:parent-style-name="Title"><style:paragraph-properties fo:break-before="page"/></style:style>
          <style:style style:name="Chapter" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name-asian="HeiTi" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
          <style:style style:name="Section" style:family="paragraph" style:parent-style-name="Chapter"/>
          <style:style style:name="Signature" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="end"/></style:style>
          <style:style style:name="AttachmentBreak" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:break-before="page"/><style:text-properties style:font-name-asian="HeiTi"/></style:style>
          <text:list-style style:name="Articles">
           <text:list-level-style-number text:level="1" style:num-prefix="第" style:num-suffix="条" style:num-format="一, 二, 三, ..."><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="space"/></style:list-level-properties></text:list-level-style-number>
          </text:list-style>
         </office:styles>
         <office:automatic-styles>
          <style:style style:name="Grid" style:family="table"><style:table-properties style:width="15cm"/></style:style>
         </office:automatic-styles>
         <office:master-styles>
          <style:master-page style:name="Standard"><style:header><text:p text:style-name="Standard">青政发〔2024〕12号</text:p></style:header></style:master-page>
         </office:master-styles>
         <office:body>
          <office:text>
        {BODY}
          </office:text>
         </office:body>
        </office:document>
        """;
}
