using System.Globalization;
using System.Text.RegularExpressions;

namespace Ingest.Parsing;

/// <summary>
/// Title, agency, year, dates, 索引号 and the mirror/aggregate flags. The agency follows spec §d: the title's
/// own name when it is complete; an abbreviated one (市国资委, 我局) is resolved from 发布机构, the breadcrumb,
/// the site owner, then self-references in the text; the host name is never trusted.
/// </summary>
internal static partial class MetadataReader
{
    public static PageMetadata Read(TokenizedPage page, IReadOnlyList<string> mainText, string? statCaption, string? agencyHint)
    {
        var fullText = FullText(page.Tokens);
        var warnings = new List<string>();
        var title = FindTitle(page);

        var indexNo = IndexNumber().Match(fullText) is { Success: true } index ? index.Groups["v"].Value : null;
        var published = FindPublished(fullText, page.MetaTags);

        var (year, yearSource) = FindYear(title, fullText, published, statCaption);

        var publisher = FindPublisher(fullText, page.MetaTags);
        var written = title is null ? null : AgencyFromTitle(title);
        string? writtenSource = written is null ? null : "title";
        if (written is null && publisher is not null)
        {
            (written, writtenSource) = (publisher, "publisher");
        }

        if (written is null && statCaption is not null && StatisticsTable.CaptionAgency(statCaption) is { } captionAgency)
        {
            (written, writtenSource) = (captionAgency, "caption");
        }

        string? agency = null;
        string? agencySource = null;
        if (written is not null && !IsAbbreviated(written))
        {
            (agency, agencySource) = (written, writtenSource);
        }
        else
        {
            (agency, agencySource) = Resolve(written, publisher, page, fullText, mainText, agencyHint);
            if (agency is null && written is not null)
            {
                warnings.Add($"agency '{written}' is abbreviated and could not be resolved from the page");
            }
        }

        var aggregate = written is not null && writtenSource == "title" && RegionOnly().IsMatch(written)
            || mainText.Any(p => AggregationPhrase().IsMatch(p));

        return new PageMetadata
        {
            Title = title,
            Agency = agency,
            AgencyAsWritten = written,
            AgencySource = agencySource,
            Year = year,
            YearSource = yearSource,
            PublishedAt = published,
            IndexNo = indexNo,
            MirrorSuspect = IsMirrorSuspect(page, fullText),
            Aggregate = aggregate,
            Warnings = warnings,
        };
    }

    /// <summary>Every token followed by a line break, written once at its final length (the page text is large).</summary>
    private static string FullText(IReadOnlyList<PageToken> tokens)
    {
        var length = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            length += tokens[i].Text.Length + 1;
        }

        return string.Create(length, tokens, static (destination, source) =>
        {
            var at = 0;
            for (var i = 0; i < source.Count; i++)
            {
                var text = source[i].Text;
                text.CopyTo(destination[at..]);
                at += text.Length;
                destination[at++] = '\n';
            }
        });
    }

    public static string? FindTitle(TokenizedPage page)
    {
        foreach (var token in page.Tokens)
        {
            if (token.InMain && Candidate(token.Text) is { } main)
            {
                return main;
            }
        }

        foreach (var name in new[] { "ArticleTitle", "title", "Title", "og:title" })
        {
            if (page.MetaTags.TryGetValue(name, out var value) && Candidate(value) is { } meta)
            {
                return meta;
            }
        }

        if (page.DocumentTitle is { } documentTitle)
        {
            foreach (var part in TitleSeparators().Split(documentTitle))
            {
                if (Candidate(part.Trim()) is { } fromTitle)
                {
                    return fromTitle;
                }
            }
        }

        foreach (var token in page.Tokens)
        {
            if (!token.InMain && Candidate(token.Text) is { } other)
            {
                return other;
            }
        }

        return null;

        static string? Candidate(string text)
        {
            var stripped = TitleLabel().Replace(text, string.Empty).Trim();
            return ReportTitle.IsReportLikeTitle(stripped) && !Boilerplate.IsChrome(stripped) ? stripped : null;
        }
    }

    /// <summary>The agency named in the title: the text before the report words, without years.</summary>
    public static string? AgencyFromTitle(string title)
    {
        var cut = ReportWords().Match(title);
        var head = cut.Success ? title[..cut.Index] : title;
        head = YearInTitle().Replace(head, string.Empty);
        var opener = head.LastIndexOfAny(['《', ':', '：', '“']);
        if (opener >= 0)
        {
            head = head[(opener + 1)..];
        }

        head = head.Trim(' ', '-', '_', '《', '》', '(', ')', '“', '”', '"');
        return head.Length is >= 2 and <= 40 ? head : null;
    }

    public static bool IsAbbreviated(string agency) =>
        agency.Length <= 3 || agency[0] is '市' or '区' or '县' or '省' or '州' or '镇' or '乡' or '本' or '我' or '该';

    private static (string? Agency, string? Source) Resolve(string? written, string? publisher, TokenizedPage page, string fullText, IReadOnlyList<string> mainText, string? hint)
    {
        var level = written is { Length: > 0 } && written[0] is '市' or '区' or '县' or '省' or '州' or '镇' or '乡' ? written[0] : (char?)null;
        var tail = written is null ? null : level is null ? null : written[1..];

        bool Fits(string candidate) =>
            !IsAbbreviated(candidate) && IsAgencyName(candidate) && (tail is null || candidate.EndsWith(tail, StringComparison.Ordinal));

        if (publisher is not null && (written is null ? !IsAbbreviated(publisher) && IsAgencyName(publisher) : tail is not null && Fits(publisher)))
        {
            return (publisher, "publisher");
        }

        if (tail is not null)
        {
            foreach (var segment in Breadcrumb(page))
            {
                if (Fits(segment))
                {
                    return (segment, "breadcrumb");
                }
            }

            if (SiteOwner(fullText, page.MetaTags) is { } owner)
            {
                if (Fits(owner))
                {
                    return (owner, "site_owner");
                }

                var at = owner.IndexOf(level!.Value, StringComparison.Ordinal);
                if (at is >= 1 and <= 10 && !owner[..at].Contains("人民政府", StringComparison.Ordinal))
                {
                    return (owner[..(at + 1)] + tail, "site_owner");
                }
            }

            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var pattern = new Regex(@"(?:^|(?<=[^\u4e00-\u9fa5]|[由为是在与和及]))(?<p>[\u4e00-\u9fa5]{2,4}?)" + Regex.Escape(written!), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            foreach (var paragraph in mainText)
            {
                if (!paragraph.Contains(written!, StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (Match match in pattern.Matches(paragraph))
                {
                    var prefix = match.Groups["p"].Value;
                    if (!FunctionChars().IsMatch(prefix))
                    {
                        var name = prefix + written;
                        counts[name] = counts.GetValueOrDefault(name) + 1;
                    }
                }
            }

            if (counts.Count > 0)
            {
                return (counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).First().Key, "self_reference");
            }
        }

        if (hint is { Length: > 0 } && (written is null || tail is not null && hint.EndsWith(tail, StringComparison.Ordinal) || written[0] is '我' or '本'))
        {
            return (hint, "seed");
        }

        return (null, null);
    }

    private static IEnumerable<string> Breadcrumb(TokenizedPage page)
    {
        for (var i = 0; i < page.Tokens.Count; i++)
        {
            var text = page.Tokens[i].Text;
            if (text.Length > 200 || !(text.Contains("当前位置", StringComparison.Ordinal) || text.Contains("现在的位置", StringComparison.Ordinal) || text.Contains("所在位置", StringComparison.Ordinal)))
            {
                continue;
            }

            var trail = text;
            for (var j = i + 1; j < page.Tokens.Count && j <= i + 8; j++)
            {
                var next = page.Tokens[j].Text;
                if (next.Length > 60 || !(next.StartsWith('>') || next.StartsWith('»') || next.StartsWith('›') || trail.EndsWith('>')))
                {
                    break;
                }

                trail += next;
            }

            foreach (var segment in trail.Split(['>', '»', '›', '/', '|']))
            {
                var name = segment.Replace("当前位置", string.Empty, StringComparison.Ordinal).Trim(' ', ':', '：');
                if (name.Length is >= 3 and <= 30)
                {
                    yield return name;
                }
            }

            yield break;
        }
    }

    private static string? SiteOwner(string fullText, IReadOnlyDictionary<string, string> metas)
    {
        foreach (Match match in SiteOwnerPattern().Matches(fullText))
        {
            var name = match.Groups["v"].Value;
            if (IsAgencyName(name) && GovernmentWord().IsMatch(name))
            {
                return name;
            }
        }

        return metas.TryGetValue("SiteName", out var site) && IsAgencyName(site) && GovernmentWord().IsMatch(site) ? site : null;
    }

    private static bool IsAgencyName(string name) => AgencySuffix().IsMatch(name);

    private static string? FindPublisher(string fullText, IReadOnlyDictionary<string, string> metas)
    {
        string? best = null;
        var bestRank = int.MaxValue;
        foreach (Match match in PublisherPattern().Matches(fullText))
        {
            var label = match.Groups["l"].Value;
            var rank = label switch
            {
                "发布机构" or "发文机关" or "发布单位" => 0,
                "发布人" => 1,
                _ => 2,
            };
            var value = match.Groups["v"].Value;
            if (rank < bestRank && value.Length >= 2 && IsAgencyName(value))
            {
                (best, bestRank) = (value, rank);
            }
        }

        if (best is null && metas.TryGetValue("ContentSource", out var source) && source.Length is >= 2 and <= 30 && IsAgencyName(source))
        {
            best = source;
        }

        return best;
    }

    private static DateOnly? FindPublished(string fullText, IReadOnlyDictionary<string, string> metas)
    {
        DateOnly? best = null;
        var bestRank = int.MaxValue;
        foreach (Match match in DatePattern().Matches(fullText))
        {
            var rank = match.Groups["l"].Value switch
            {
                "发布时间" or "发布日期" or "发布于" or "公开日期" => 0,
                "日期" or "时间" => 1,
                _ => 2,
            };
            if (rank < bestRank && ToDate(match) is { } date)
            {
                (best, bestRank) = (date, rank);
            }
        }

        if (bestRank > 0)
        {
            foreach (var name in new[] { "PubDate", "pubdate", "publishdate", "firstpublishedtime" })
            {
                if (metas.TryGetValue(name, out var value) && BareDate().Match(value) is { Success: true } m && ToDate(m) is { } date)
                {
                    return date;
                }
            }
        }

        return best;
    }

    private static DateOnly? ToDate(Match match)
    {
        var y = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var m = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var d = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        return y is >= 1990 and <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
    }

    private static (int? Year, string? Source) FindYear(string? title, string fullText, DateOnly? published, string? statCaption)
    {
        if (title is not null && YearInTitle().Match(title) is { Success: true } t && ToYear(t.Groups["y"].Value) is { } fromTitle)
        {
            return (fromTitle, "title");
        }

        if (StatisticsPeriod().Match(fullText) is { Success: true } p && ToYear(p.Groups["y"].Value) is { } fromPeriod)
        {
            return (fromPeriod, "statistics_period");
        }

        if (published is { } date)
        {
            return (date.Year - 1, "published_at");
        }

        if (statCaption is not null && StatisticsTable.CaptionYear(statCaption) is { } fromCaption)
        {
            return (fromCaption, "caption");
        }

        return (null, null);
    }

    private static int? ToYear(string text)
    {
        int year;
        if (char.IsAsciiDigit(text[0]))
        {
            year = int.Parse(text, CultureInfo.InvariantCulture);
        }
        else if (ChineseNumber.Parse(text) is { } parsed)
        {
            year = (int)parsed;
        }
        else
        {
            return null;
        }

        return year is >= 2000 and <= 2100 ? year : null;
    }

    private static bool IsMirrorSuspect(TokenizedPage page, string fullText)
    {
        if (page.DocumentTitle is { } title && SpamWords().IsMatch(title))
        {
            return true;
        }

        foreach (var token in page.Tokens)
        {
            if ((!token.InMain || Boilerplate.IsChrome(token.Text)) && token.Text.Length <= 200 && SpamWords().IsMatch(token.Text))
            {
                return true;
            }
        }

        return PinyinGloss().Count(fullText) >= 3;
    }

    [GeneratedRegex(@"^(标题|名称|信息名称|文章标题)\s*[:：]\s*", RegexOptions.CultureInvariant)]
    private static partial Regex TitleLabel();

    [GeneratedRegex(@"\s[-_|–—]\s|[_|]|\s-\s|--", RegexOptions.CultureInvariant)]
    private static partial Regex TitleSeparators();

    [GeneratedRegex(@"(关于)?(政府信息公开|政务公开|政务信息公开|信息公开|政府信息)", RegexOptions.CultureInvariant)]
    private static partial Regex ReportWords();

    [GeneratedRegex(@"(?<y>(?:19|20)\d{2}|[二〇零一三四五六七八九]{4})\s*年度?", RegexOptions.CultureInvariant)]
    private static partial Regex YearInTitle();

    [GeneratedRegex(@"统计期限?[^。;；]{0,8}?(?<y>(?:19|20)\d{2})\s*年", RegexOptions.CultureInvariant)]
    private static partial Regex StatisticsPeriod();

    [GeneratedRegex(@"索\s*引\s*[号號]\s*[:：]?\s*(?<v>[0-9A-Za-z][0-9A-Za-z\-]*/[0-9A-Za-z\-]+)", RegexOptions.CultureInvariant)]
    private static partial Regex IndexNumber();

    [GeneratedRegex(@"(?<l>发布机构|发文机关|发布单位|发布人|信息来源|来源单位|来源)\s*[:：]\s*(?<v>[\u4e00-\u9fa5()（）]{2,30})", RegexOptions.CultureInvariant)]
    private static partial Regex PublisherPattern();

    [GeneratedRegex(@"(?<l>发布时间|发布日期|发布于|公开日期|发文日期|成文日期|生成日期|形成日期|日期|时间)\s*[:：]?\s*(?<y>(?:19|20)\d{2})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"(?<y>(?:19|20)\d{2})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})", RegexOptions.CultureInvariant)]
    private static partial Regex BareDate();

    [GeneratedRegex(@"(主办单位|主办|版权所有)\s*[:：©]?\s*(?<v>[\u4e00-\u9fa5]{3,30})|(?<v>[\u4e00-\u9fa5]{3,30})\s*版权所有", RegexOptions.CultureInvariant)]
    private static partial Regex SiteOwnerPattern();

    [GeneratedRegex(@"(局|委|办|厅|部|署|院|会|政府|中心|室|处|所|站|馆|队|区|县|市|省|州|盟|旗|镇|乡|街道|办事处|公司|集团)$", RegexOptions.CultureInvariant)]
    private static partial Regex AgencySuffix();

    [GeneratedRegex(@"人民政府|委员会|局|厅|办公室|政府|管委会|委|办", RegexOptions.CultureInvariant)]
    private static partial Regex GovernmentWord();

    [GeneratedRegex(@"[的了和对在是为与及将把被从向等这其该我本各年月日共]", RegexOptions.CultureInvariant)]
    private static partial Regex FunctionChars();

    [GeneratedRegex(@"^[\u4e00-\u9fa5]{2,12}?(省|市|自治区|自治州|区|县|州|盟|旗)$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionOnly();

    [GeneratedRegex(@"综合[^。]{0,30}(编制而成|汇总)|汇总编制|汇总而成", RegexOptions.CultureInvariant)]
    private static partial Regex AggregationPhrase();

    [GeneratedRegex(@"官方中文版|体育官方|娱乐城|博彩|彩票|棋牌|百家乐|赌场|威尼斯人|葡京|开云|亚博|九游|乐鱼|bet365|casino|六合彩|时时彩|真人视讯|真人娱乐|(体育|娱乐)(app|APP|官网|平台|投注)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SpamWords();

    [GeneratedRegex(@"[\u4e00-\u9fa5]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)", RegexOptions.CultureInvariant)]
    private static partial Regex PinyinGloss();
}
