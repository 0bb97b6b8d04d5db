using System.Globalization;
using System.Security.Cryptography;
using Ingest.Archive;
using Ingest.Parsing;
using Ingest.Records;
using Ingest.Storage;
using Ingest.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.Tests.Records;

/// <summary>
/// The pipeline as it runs, on real report pages of every era: a capture archived as the crawler does,
/// handled by the real parser release, read back through the read side. What is stored must be what the
/// parser read from the same bytes, cell for cell, check for check, and the figure index must find it.
/// </summary>
public sealed class RealParserRoundTripTests
{
    private static readonly DateTimeOffset Fetched = new(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Fixture, then what its golden says the page is (era, year, agency), the agency the crawl seed names
    /// (only for a page that names none itself) and a figure to look up for the year.
    /// </summary>
    public static TheoryData<string, string, int, string, string?, string> Pages => new()
    {
        { "gb2021_word_spans.html", "gb2021", 2023, "长沙市国资委", null, "applications.new.total" },
        { "gb2021_word_spans_gbk.html", "gb2021", 2023, "长沙市国资委", null, "applications.new.total" },
        { "gb2021_checks_fail_split_table.html", "gb2021", 2023, "长沙市国资委", null, "applications.new.total" },
        { "gb2021_pipe_flattened.html", "gb2021", 2023, "新疆维吾尔自治区那拉提镇人民政府", null, "applications.new.total" },
        { "seed_001_sasac_2023_flattened.txt", "gb2021", 2023, "长沙市国资委", "长沙市国资委", "applications.new.total" },
        { "gb2019_sh_spans.html", "gb2019", 2019, "上海市人民政府办公厅", null, "applications.new.total" },
        { "stat2014_hengyang_gbk.html", "stat2014", 2015, "衡阳国家高新区管委会", null, "stat.org.budget_wan_yuan" },
        { "seed_002_hengyang_2015_stat_pipes.txt", "stat2014", 2015, "衡阳国家高新区", null, "stat.requests.received" },
        { "seed_000_changsha_sasac_2017.txt", "prose_legacy", 2017, "长沙市国资委", null, "prose.requests_received" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_real_page_is_stored_exactly_as_the_parser_reads_it_and_its_figures_are_found_by_year(
        string fixture, string era, int year, string agency, string? seedAgency, string lookupKey)
    {
        await using var services = await PipelineAsync();
        var handler = services.GetRequiredService<ParseReportHandler>();
        var reader = services.GetRequiredService<ReportReader>();
        var storage = services.GetRequiredService<IngestStorage>();
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "reports", fixture));
        var blobName = "2024/03/" + fixture;
        var capture = CaptureOf(fixture, bytes, seedAgency);
        await storage.RawContainer.GetBlobClient(blobName).UploadAsync(
            BinaryData.FromBytes(bytes), new Azure.Storage.Blobs.Models.BlobUploadOptions { Metadata = capture.ToBlobMetadata() });

        var handled = await handler.HandleAsync(blobName, null, CancellationToken.None);

        // The record the parser makes of the same bytes, given what the handler knows of the capture.
        var parsed = ReportParser.Parse(new PageInput(bytes, blobName, capture.ContentType, capture.FinalUrl, capture.Agency));
        Assert.Equal((true, era, year, agency), (parsed.IsReport, parsed.Era.Key(), parsed.Year, parsed.Agency));
        Assert.Equal(ReportParser.Version, handler.ParserVersion);
        Assert.Equal(ParseOutcomeKind.Written, handled.Outcome);
        Assert.Equal(ReportIdentity.For(agency, year, parsed.Scope), handled.ReportId);

        var stored = await reader.GetReportAsync(handled.ReportId!, CancellationToken.None);
        Assert.NotNull(stored);
        var back = stored.Record;
        Assert.Equal((parsed.Era, parsed.Year, parsed.Agency, parsed.Scope), (back.Era, back.Year, back.Agency, back.Scope));
        Assert.Equal((parsed.Title, parsed.AgencyAsWritten, parsed.AgencySource, parsed.YearSource, parsed.PublishedAt, parsed.IndexNo), (back.Title, back.AgencyAsWritten, back.AgencySource, back.YearSource, back.PublishedAt, back.IndexNo));
        Assert.Equal((parsed.Charset, parsed.MirrorSuspect), (back.Charset, back.MirrorSuspect));
        Assert.NotEmpty(parsed.Figures);
        Assert.Equal(Exact(parsed.Figures), Exact(back.Figures));
        Assert.Equal(parsed.Blank.Order(StringComparer.Ordinal), back.Blank.Order(StringComparer.Ordinal));
        Assert.Equal(parsed.NotApplicable.Order(StringComparer.Ordinal), back.NotApplicable.Order(StringComparer.Ordinal));
        Assert.Equal(
            parsed.Units.Where(u => parsed.Figures.ContainsKey(u.Key)).OrderBy(u => u.Key, StringComparer.Ordinal),
            back.Units.OrderBy(u => u.Key, StringComparer.Ordinal));
        Assert.Equal(Exact(parsed.Checks), Exact(back.Checks));
        Assert.Equal(parsed.ChecksOk, back.ChecksOk);
        Assert.Equal(parsed.Warnings, back.Warnings);
        Assert.Equal(ReportParser.Version, back.ParserVersion);
        Assert.Equal((blobName, capture.SourceUrl, Fetched), (stored.Provenance.BlobName, stored.Provenance.SourceUrl, stored.Provenance.FetchedAt));

        var found = await reader.ListFigureAsync(new FigureQuery(lookupKey, year), CancellationToken.None);
        var observation = Assert.Single(found.Items);
        Assert.Equal((handled.ReportId, agency, era, lookupKey), (observation.ReportId, observation.Agency, observation.Era, observation.Key));
        Assert.Equal(Exact(parsed.Figures[lookupKey]), observation.Value is { } v ? Exact(v) : null);
    }

    /// <summary>The records services wired as hosts wire them, with the default (real) parser release.</summary>
    private static async Task<ServiceProvider> PipelineAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = await AzuriteHarness.ConnectionStringAsync(),
            ["Ingest:Records:RetryDelay"] = "00:00:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddIngestCore(configuration, StorageLayout.Isolated(AzuriteHarness.UniqueName("rtrip")));
        var provider = services.BuildServiceProvider();
        var storage = provider.GetRequiredService<IngestStorage>();
        await storage.RawContainer.CreateIfNotExistsAsync();
        await storage.EnsureRecordsTablesAsync(CancellationToken.None);
        return provider;
    }

    /// <summary>
    /// What the crawler would record: an HTML page's Content-Type without a charset (the page's own bytes
    /// decide, GBK included), a text capture as UTF-8 text.
    /// </summary>
    private static CaptureMetadata CaptureOf(string fixture, byte[] bytes, string? seedAgency)
    {
        var url = "http://www.example.gov.cn/xxgk/" + fixture;
        return new CaptureMetadata
        {
            SourceUrl = url,
            FinalUrl = url,
            FetchedAt = Fetched,
            HttpStatus = 200,
            ContentType = fixture.EndsWith(".txt", StringComparison.Ordinal) ? "text/plain; charset=utf-8" : "text/html",
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            CrawlerVersion = "crawler-test",
            SourceId = "roundtrip",
            Agency = seedAgency,
        };
    }

    // Decimals compare equal across scales (1.0 == 1.00); the text keeps the scale, so it is compared instead.
    private static string Exact(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static List<(string Key, string Value)> Exact(IReadOnlyDictionary<string, decimal> figures) =>
        [.. figures.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, Exact(f.Value)))];

    private static List<(string Rule, string Scope, bool Ok, string Expected, string Actual)> Exact(IReadOnlyList<CheckResult> checks) =>
        [.. checks.Select(c => (c.Rule, c.Scope, c.Ok, Exact(c.Expected), Exact(c.Actual)))];
}
