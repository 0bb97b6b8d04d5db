namespace Ingest.Parsing;

/// <summary>
/// Page chrome that is never report text (spec §d): print/close links, counters, share bars, search boxes,
/// copyright and ICP lines. Matched per paragraph; a matching short line is dropped from the main text.
/// </summary>
internal static class Boilerplate
{
    private static readonly string[] Phrases =
    [
        "打印本页", "关闭窗口", "关闭本页", "浏览次数", "点击查看解读", "您好,今天是", "今天是:", "本站检索", "站内搜索", "请输入检索关键字",
        "更多>>", "网站公告", "联系我们", "设为首页", "添加收藏", "版权所有", "ICP备", "ICP证", "字号:", "字体:", "人工智能朗读", "附件下载",
        "相关稿件", "繁體版", "ENGLISH", "无障碍", "长者版", "关怀版", "当前位置", "分享到", "返回顶部", "网站地图", "友情链接", "主办单位",
        "承办单位", "公安备案", "公网安备", "网站标识码", "扫一扫在手机", "【打印】", "[打印]", "打印 收藏", "【关闭】", "[关闭]", "大 中 小", "【大】",
        "Copyright", "copyright", "技术支持", "访问量", "点击数", "阅读次数",
    ];

    private static readonly System.Buffers.SearchValues<string> PhraseSearch = System.Buffers.SearchValues.Create(Phrases, StringComparison.Ordinal);

    private static readonly string[] WholeLines = ["打印", "收藏", "关闭", "分享", "返回", "上一篇", "下一篇", "?", "|"];

    public static bool IsChrome(string text)
    {
        if (text.Length > 120)
        {
            return false;
        }

        foreach (var whole in WholeLines)
        {
            if (text == whole)
            {
                return true;
            }
        }

        return text.AsSpan().ContainsAny(PhraseSearch);
    }
}
