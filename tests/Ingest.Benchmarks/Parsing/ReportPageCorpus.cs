using System.Text;

namespace Ingest.Benchmarks.Parsing;

/// <summary>
/// Realistic 50–150 KB report pages built from the report fixtures: each fixture's page (gov-CMS chrome,
/// metadata box, Word-export report body) padded with more of the chrome such sites carry (inline
/// scripts, related-article lists, footers) to a size drawn from 50–150 KB. GBK fixtures stay GBK.
/// </summary>
internal static class ReportPageCorpus
{
    /// <summary>How many pages <see cref="Build"/> returns (one per fixture): the benchmarks' operations per invoke.</summary>
    public const int PageCount = 8;

    private static readonly string[] Fixtures =
    [
        "gb2021_word_spans.html", "gb2021_word_spans_gbk.html", "gb2019_sh_spans.html", "stat2014_hengyang_gbk.html",
        "prose_nav_spam_mirror.html", "gb2021_pipe_flattened.html", "gb2021_checks_fail_split_table.html", "gb2021_blank_totals.html",
    ];

    public static IReadOnlyList<(string Name, byte[] Bytes)> Build()
    {
        if (Fixtures.Length != PageCount)
        {
            throw new InvalidOperationException($"{nameof(PageCount)} says {PageCount} pages but there are {Fixtures.Length} fixtures");
        }

        // The GBK fixtures need the code-page encodings before anything from the parser has been loaded.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var random = new Random(2024);
        var pages = new List<(string, byte[])>();
        var directory = Path.Combine(AppContext.BaseDirectory, "Fixtures", "reports");
        var gb18030 = Encoding.GetEncoding(54936);
        foreach (var name in Fixtures)
        {
            var bytes = File.ReadAllBytes(Path.Combine(directory, name));
            var isGbk = name.Contains("gbk", StringComparison.Ordinal);
            var encoding = isGbk ? gb18030 : Encoding.UTF8;
            var html = encoding.GetString(bytes);
            var target = random.Next(50_000, 150_000);
            var padding = new StringBuilder();
            var n = 0;
            while (encoding.GetByteCount(html) + encoding.GetByteCount(padding.ToString()) < target)
            {
                padding.Append(Chrome(n++));
            }

            var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
            html = at < 0 ? html + padding : html[..at] + padding + html[at..];
            pages.Add((name, encoding.GetBytes(html)));
        }

        return pages;
    }

    private static string Chrome(int n) => $$"""
        <div class="related"><h4>相关信息</h4><ul>
        <li><a href="/art/2023/{{n % 12 + 1}}/{{n % 28 + 1}}/art_{{4000 + n}}_{{n * 37}}.html">关于印发《长沙市国资委{{2010 + n % 14}}年政务公开工作要点》的通知</a><span>2023-0{{n % 9 + 1}}-1{{n % 9}}</span></li>
        <li><a href="/art/2023/{{n % 12 + 1}}/{{n % 28 + 2}}/art_{{5000 + n}}.html">市国资委召开{{n}}月份国资国企改革推进会</a><span>2023-1{{n % 3}}-0{{n % 9 + 1}}</span></li>
        <li><a href="/art/2022/{{n % 12 + 1}}/{{n % 28 + 3}}/art_{{6000 + n}}.html">长沙市国资委所属企业公开招聘工作人员公告（第{{n}}号）</a></li>
        </ul></div>
        <script type="text/javascript">
        (function(){var d=document,s=d.createElement('script');s.src='/js/stat_{{n}}.js?v=20240115';s.async=true;
        var x=d.getElementsByTagName('script')[0];x.parentNode.insertBefore(s,x);
        if(window.location.href.indexOf('print')>0){d.getElementById('zoom').style.fontSize='16px';} })();
        </script>
        <div class="friend-links"><select onchange="window.open(this.value)"><option>国务院部门网站</option><option value="http://www.gov.cn">中国政府网</option><option>省政府网站</option><option>市州政府网站</option></select></div>

        """;
}
