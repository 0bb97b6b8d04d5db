using Ingest.Crawling.Robots;

namespace Ingest.Tests.Crawling;

/// <summary>
/// RFC 9309 behaviour, with vectors modelled on the ID_* (RFC-mapped) cases of google/robotstxt's test
/// suite: line syntax, grouping, case rules, the global group as fallback, longest match, allow on a tie,
/// percent-encoding, '*' and '$'. Our own wording and cases; Google-only extensions are left out. One
/// deliberate difference: escapes of unreserved characters are decoded as RFC 9309 §2.2.2 says.
/// </summary>
public sealed class RobotsConformanceTests
{
    private static bool Allowed(string robots, string path, string agent = "FooBot") => RobotsParser.Parse(robots, agent).IsAllowed(path);

    [Fact]
    public void Line_syntax_needs_known_keys_and_accepts_a_missing_colon()
    {
        Assert.False(Allowed("user-agent: FooBot\ndisallow: /\n", "/x/y"));
        Assert.True(Allowed("foo: FooBot\nbar: /\n", "/x/y"));
        Assert.False(Allowed("user-agent FooBot\ndisallow /\n", "/x/y"));
    }

    [Fact]
    public void Groups_collect_consecutive_user_agents_and_ignore_rules_outside_any_group()
    {
        const string robots =
            "allow: /foo/bar/\n\n" +
            "user-agent: FooBot\ndisallow: /\nallow: /x/\n" +
            "user-agent: BarBot\ndisallow: /\nallow: /y/\n\n\n" +
            "allow: /w/\n" +
            "user-agent: BazBot\n\n" +
            "user-agent: FooBot\nallow: /z/\ndisallow: /\n";

        Assert.True(Allowed(robots, "/x/b"));
        Assert.True(Allowed(robots, "/z/d"));
        Assert.False(Allowed(robots, "/y/c"));
        Assert.False(Allowed(robots, "/foo/bar/"));

        Assert.True(Allowed(robots, "/y/c", "BarBot"));
        Assert.True(Allowed(robots, "/w/a", "BarBot"));
        Assert.False(Allowed(robots, "/z/d", "BarBot"));

        Assert.True(Allowed(robots, "/z/d", "BazBot"));
        Assert.False(Allowed(robots, "/x/b", "BazBot"));
    }

    [Fact]
    public void Other_records_between_user_agent_lines_do_not_split_the_group()
    {
        Assert.False(Allowed("User-agent: BarBot\nSitemap: https://a.example/sitemap.xml\nUser-agent: *\nDisallow: /\n", "/", "BarBot"));
        Assert.False(Allowed("User-agent: FooBot\nInvalid-Unknown-Line: unknown\nUser-agent: *\nDisallow: /\n", "/", "FooBot"));
        Assert.False(Allowed("User-agent: FooBot\nSitemap: https://a.example/s.xml\nUser-agent: *\nDisallow: /\n", "/", "QuxBot"));
    }

    [Fact]
    public void Keys_and_user_agent_values_are_case_insensitive_but_paths_are_not()
    {
        Assert.False(Allowed("USER-AGENT: FooBot\nALLOW: /x/\nDISALLOW: /\n", "/a/b"));
        Assert.True(Allowed("uSeR-aGeNt: FooBot\naLlOw: /x/\ndIsAlLoW: /\n", "/x/y"));
        Assert.False(Allowed("User-agent: foobot\nDisallow: /\n", "/a"));
        Assert.False(Allowed("User-agent: FOOBOT\nDisallow: /\n", "/a"));
        Assert.False(Allowed("user-agent: FooBot\ndisallow: /x/\n", "/x/y"));
        Assert.True(Allowed("user-agent: FooBot\ndisallow: /x/\n", "/X/y"));
        Assert.False(Allowed("user-agent: FooBot\ndisallow: /X/\n", "/X/y"));
    }

    [Fact]
    public void A_user_agent_value_is_matched_by_its_product_token()
    {
        Assert.False(Allowed("User-agent: FooBot/1.2 (compatible)\nDisallow: /\n", "/a"));
        Assert.True(Allowed("User-agent: FooBotExtended\nDisallow: /\n", "/a"));
        Assert.True(Allowed("User-agent: Foo\nDisallow: /\n", "/a"));
    }

    [Fact]
    public void The_global_group_applies_only_when_no_group_names_us()
    {
        Assert.True(Allowed("", "/"));
        const string global = "user-agent: *\nallow: /\nuser-agent: FooBot\ndisallow: /\n";
        Assert.False(Allowed(global, "/x"));
        Assert.True(Allowed(global, "/x", "BarBot"));
        const string onlySpecific = "user-agent: FooBot\nallow: /\nuser-agent: BarBot\ndisallow: /\nuser-agent: BazBot\ndisallow: /\n";
        Assert.True(Allowed(onlySpecific, "/x", "QuxBot"));
        Assert.True(Allowed("user-agent: *\ndisallow: /\nuser-agent: FooBot\n", "/x"));
    }

    [Fact]
    public void Groups_naming_us_twice_are_merged()
    {
        const string robots = "user-agent: FooBot\ndisallow: /a/\n\nuser-agent: *\ndisallow: /\n\nuser-agent: FooBot\ndisallow: /b/\n";
        Assert.False(Allowed(robots, "/a/1"));
        Assert.False(Allowed(robots, "/b/1"));
        Assert.True(Allowed(robots, "/c/1"));
    }

    [Theory]
    [InlineData("allow: /x/page.html\ndisallow: /x/", "/x/page.html", true)]
    [InlineData("allow: /x/page.html\ndisallow: /x/", "/x/", false)]
    [InlineData("allow: /x/\ndisallow: /x/page.html", "/x/page.html", false)]
    [InlineData("allow: /x/\ndisallow: /x/page.html", "/x/other.html", true)]
    [InlineData("allow: /page\ndisallow: /page", "/page", true)] // tie: allow wins
    [InlineData("allow: /page\ndisallow: /*.html", "/page.html", false)]
    [InlineData("allow: /page\ndisallow: /*.html", "/page", true)]
    [InlineData("allow: /$\ndisallow: /", "/", true)]
    [InlineData("allow: /$\ndisallow: /", "/page.html", false)]
    [InlineData("disallow: \nallow: /x", "/anything", true)] // an empty disallow forbids nothing
    public void The_longest_match_wins_and_allow_wins_a_tie(string rules, string path, bool allowed) =>
        Assert.Equal(allowed, Allowed("user-agent: FooBot\n" + rules + "\n", path));

    [Theory]
    [InlineData("disallow: /foo/bar?qux=taz&baz=http://foo.bar?tar&par", "/foo/bar?qux=taz&baz=http://foo.bar?tar&par", false)]
    [InlineData("disallow: /foo/bar/ツ", "/foo/bar/%E3%83%84", false)]
    [InlineData("disallow: /foo/bar/%E3%83%84", "/foo/bar/%E3%83%84", false)]
    [InlineData("disallow: /foo/bar/%e3%83%84", "/foo/bar/%E3%83%84", false)]
    [InlineData("disallow: /foo/bar/%62%61%7A", "/foo/bar/baz", false)] // RFC 9309: unreserved escapes are decoded
    [InlineData("disallow: /政府信息公开/", "/%E6%94%BF%E5%BA%9C%E4%BF%A1%E6%81%AF%E5%85%AC%E5%BC%80/nb.html", false)]
    public void Paths_and_patterns_are_compared_in_percent_encoded_form(string rule, string path, bool allowed) =>
        Assert.Equal(allowed, Allowed("user-agent: FooBot\nallow: /\n" + rule + "\n", path));

    [Theory]
    [InlineData("disallow: /foo/bar/quz\nallow: /foo/*/qux", "/foo/bar/quz", false)]
    [InlineData("disallow: /foo/bar/quz\nallow: /foo/*/qux", "/foo/quz", true)]
    [InlineData("disallow: /foo/bar/quz\nallow: /foo/*/qux", "/foo//quz", true)]
    [InlineData("disallow: /foo/bar/quz\nallow: /foo/*/qux", "/foo/bax/quz", true)]
    [InlineData("disallow: /foo/bar$\nallow: /foo/bar/qux", "/foo/bar", false)]
    [InlineData("disallow: /foo/bar$\nallow: /foo/bar/qux", "/foo/bar/qux", true)]
    [InlineData("disallow: /foo/bar$\nallow: /foo/bar/qux", "/foo/bar/", true)]
    [InlineData("disallow: /foo/bar$\nallow: /foo/bar/qux", "/foo/bar/baz", true)]
    [InlineData("# disallow: /\ndisallow: /foo/quz#qux\nallow: /", "/foo/bar", true)]
    [InlineData("# disallow: /\ndisallow: /foo/quz#qux\nallow: /", "/foo/quz", false)]
    [InlineData("disallow: /*.pdf$", "/a/b.pdf", false)]
    [InlineData("disallow: /*.pdf$", "/a/b.pdf?x=1", true)]
    [InlineData("disallow: /a*b*c", "/a-x-b-y-c/z", false)]
    [InlineData("disallow: /a*b*c", "/a-x-c-y-b", true)]
    public void Star_matches_any_run_and_dollar_anchors_the_end(string rules, string path, bool allowed) =>
        Assert.Equal(allowed, Allowed("user-agent: FooBot\n" + rules + "\n", path));

    [Fact]
    public void Robots_txt_itself_is_always_allowed() =>
        Assert.True(Allowed("user-agent: *\ndisallow: /\n", "/robots.txt"));

    [Fact]
    public void Line_endings_of_every_kind_and_a_byte_order_mark_are_handled()
    {
        Assert.False(Allowed("\uFEFFuser-agent: FooBot\r\ndisallow: /a\rallow: /b\ndisallow: /c\r\n", "/a"));
        Assert.True(Allowed("\uFEFFuser-agent: FooBot\r\ndisallow: /a\rallow: /b\ndisallow: /c\r\n", "/b"));
        Assert.False(Allowed("\uFEFFuser-agent: FooBot\r\ndisallow: /a\rallow: /b\ndisallow: /c\r\n", "/c"));
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat("user-agent: FooBot\ndisallow: /x\n"u8.ToArray()).ToArray();
        Assert.False(RobotsParser.Parse(bytes, "FooBot").IsAllowed("/x"));
    }

    [Fact]
    public void Rules_after_500_KiB_of_content_are_still_read()
    {
        var padding = string.Concat(Enumerable.Repeat("# padding line to push the rule far down the file\n", 11_000));
        Assert.True(padding.Length > 500 * 1024);
        Assert.False(Allowed("user-agent: FooBot\n" + padding + "disallow: /late/\n", "/late/x"));
    }

    [Fact]
    public void Crawl_delay_of_the_applicable_group_is_read()
    {
        var policy = RobotsParser.Parse("user-agent: *\ncrawl-delay: 10\n\nuser-agent: FooBot\ncrawl-delay: 2.5\ndisallow: /x\n", "FooBot");
        Assert.Equal(TimeSpan.FromSeconds(2.5), policy.CrawlDelay);
        Assert.Equal(TimeSpan.FromSeconds(10), RobotsParser.Parse("user-agent: *\ncrawl-delay: 10\n", "FooBot").CrawlDelay);
        Assert.Null(RobotsParser.Parse("user-agent: *\ncrawl-delay: soon\n", "FooBot").CrawlDelay);
    }

    [Fact]
    public void Unavailable_allows_everything_and_unreachable_nothing()
    {
        Assert.True(RobotsPolicy.AllowAll("404").IsAllowed("/anything"));
        Assert.False(RobotsPolicy.DisallowAll("503").IsAllowed("/anything"));
        Assert.True(RobotsPolicy.DisallowAll("503").IsAllowed("/robots.txt"));
    }

    [Fact]
    public void Matching_agrees_with_a_brute_force_oracle_on_random_patterns()
    {
        var random = new Random(9309);
        const string alphabet = "ab/*";
        for (var n = 0; n < 2000; n++)
        {
            var pattern = "/" + new string(Enumerable.Range(0, random.Next(0, 6)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            if (random.Next(4) == 0)
            {
                pattern += "$";
            }

            var path = "/" + new string(Enumerable.Range(0, random.Next(0, 7)).Select(_ => "ab/"[random.Next(3)]).ToArray());
            var disallowed = Oracle(pattern, path);
            Assert.True(disallowed != Allowed("user-agent: FooBot\ndisallow: " + pattern + "\n", path), $"pattern {pattern} path {path}");
        }
    }

    /// <summary>Regex translation of a robots pattern: prefix match, '*' → ".*", final '$' → end.</summary>
    private static bool Oracle(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var body = anchored ? pattern[..^1] : pattern;
        var regex = "^" + string.Concat(body.Select(c => c == '*' ? ".*" : System.Text.RegularExpressions.Regex.Escape(c.ToString()))) + (anchored ? "$" : "");
        return System.Text.RegularExpressions.Regex.IsMatch(path, regex);
    }
}
