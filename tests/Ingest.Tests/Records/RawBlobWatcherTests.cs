using Ingest.Records;

namespace Ingest.Tests.Records;

public sealed class RawBlobWatcherTests
{
    private static readonly DateTimeOffset Fetched = new(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_drain_handles_every_pending_blob_once_and_a_second_drain_finds_nothing()
    {
        var parser = new ScriptedParser();
        await using var bed = await RecordsTestBed.CreateAsync(parser);
        await ArchiveAsync(bed, parser, 5);

        var first = await bed.Watcher.DrainAsync(CancellationToken.None);
        var second = await bed.Watcher.DrainAsync(CancellationToken.None);

        Assert.Equal(5, first);
        Assert.Equal(0, second);
        Assert.All(Enumerable.Range(0, 5), i => Assert.Equal(1, parser.Calls(BlobName(i))));
        Assert.Equal(5, (await bed.Reader.ListReportsAsync(new ReportQuery { Year = 2016 }, CancellationToken.None)).Items.Count);
    }

    [Fact]
    public async Task Two_watchers_on_one_storage_at_once_handle_every_blob_exactly_once()
    {
        var parser = new ScriptedParser();
        await using var one = await RecordsTestBed.CreateAsync(parser);
        await using var two = await RecordsTestBed.CreateAsync(parser, one.Layout);
        const int blobs = 16;
        await ArchiveAsync(one, parser, blobs);

        var counts = await Task.WhenAll(one.Watcher.DrainAsync(CancellationToken.None), two.Watcher.DrainAsync(CancellationToken.None));

        Assert.Equal(blobs, counts.Sum());
        Assert.All(Enumerable.Range(0, blobs), i => Assert.Equal(1, parser.Calls(BlobName(i))));
        var reports = await one.Reader.ListReportsAsync(new ReportQuery { Year = 2016, PageSize = 100 }, CancellationToken.None);
        Assert.Equal(blobs, reports.Items.Count);
        Assert.Equal(blobs, reports.Items.Select(r => r.ReportId).Distinct().Count());
        var receipts = await one.EntitiesAsync(one.Layout.ParseReceiptsTable, "vtest-1");
        Assert.Equal(blobs, receipts.Count);
        Assert.All(receipts, r => Assert.Equal("written", r.GetString("State")));
    }

    [Fact]
    public async Task A_poison_blob_ends_in_the_failures_table_after_n_tries_while_the_others_are_written()
    {
        var parser = new ScriptedParser();
        await using var bed = await RecordsTestBed.CreateAsync(parser, settings: new Dictionary<string, string?> { ["Ingest:Records:MaxAttempts"] = "4" });
        await ArchiveAsync(bed, parser, 3);
        await bed.PutRawAsync("poison.html", RecordSamples.Capture("http://a.gov.cn/poison.html", Fetched));
        parser.Answer("poison.html", () => throw new FormatException("cell value '1,2,3' is not a number"));

        var handled = await bed.Watcher.DrainAsync(CancellationToken.None);

        Assert.Equal(4, handled);
        Assert.Equal(4, parser.Calls("poison.html"));
        var failure = Assert.Single((await bed.Reader.ListFailuresAsync(FailureKind.Poison, 10, null, CancellationToken.None)).Items);
        Assert.Equal("poison.html", failure.BlobName);
        Assert.Contains("is not a number", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(4, failure.Attempts);
        Assert.Equal(0, await bed.Watcher.DrainAsync(CancellationToken.None));
        Assert.Equal(4, parser.Calls("poison.html"));
    }

    [Fact]
    public async Task A_blob_claimed_by_a_watcher_that_died_is_handled_once_its_claim_expires()
    {
        var parser = new ScriptedParser();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Fetched.AddDays(10));
        var settings = new Dictionary<string, string?> { ["Ingest:Records:ClaimDuration"] = "00:01:00" };
        await using var dead = await RecordsTestBed.CreateAsync(parser, settings: settings, time: clock);
        await using var alive = await RecordsTestBed.CreateAsync(parser, dead.Layout, settings: settings, time: clock);
        await ArchiveAsync(dead, parser, 1);
        // The first watcher claims the blob and dies before handling it.
        var receipts = dead.Get<Ingest.Records.Writing.ReceiptBook>();
        var etag = Ingest.Records.Storage.KeyEncoding.ETagText((await dead.Storage.RawContainer.GetBlobClient(BlobName(0)).GetPropertiesAsync()).Value.ETag);
        Assert.True(await receipts.TryClaimAsync("test-1", BlobName(0), etag, dead.Watcher.Owner, clock.GetUtcNow(), clock.GetUtcNow().AddMinutes(1), CancellationToken.None));

        Assert.Equal(0, await alive.Watcher.DrainAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await alive.Watcher.DrainAsync(CancellationToken.None));
        Assert.Equal(1, parser.Calls(BlobName(0)));
    }

    internal static string BlobName(int i) => $"www.example.gov.cn/2024/report-{i:D3}.html";

    internal static async Task ArchiveAsync(RecordsTestBed bed, ScriptedParser parser, int count)
    {
        for (var i = 0; i < count; i++)
        {
            parser.Answer(BlobName(i), RecordSamples.Prose($"测试市第{i}局", 2016));
            await bed.PutRawAsync(BlobName(i), RecordSamples.Capture($"http://www.example.gov.cn/2024/report-{i:D3}.html", Fetched));
        }
    }
}
