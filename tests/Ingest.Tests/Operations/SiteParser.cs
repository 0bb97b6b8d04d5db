using System.Security.Cryptography;
using System.Text;
using Ingest.Parsing;
using Ingest.Records;
using Ingest.Tests.Records;

namespace Ingest.Tests.Operations;

/// <summary>
/// A parser release for the fixture site's captures: every page is a 2021-format report of its own
/// agency (named after the blob), except pages whose URL contains <see cref="NotReportMarker"/>,
/// which are "not a report" until <see cref="Fixed"/> is set (an operator's fix).
/// </summary>
internal sealed class SiteParser
{
    /// <summary>The fixture's 2017 GBK report.</summary>
    public const string NotReportMarker = "t20180129_253709";

    public SiteParser(string version = "ops-1") => Release = new ParserRelease(version, Parse);

    public ParserRelease Release { get; }

    public bool Fixed { get; set; }

    public static string AgencyFor(string blobName) =>
        "测试机构" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(blobName)))[..8];

    private ReportRecord Parse(PageInput input)
    {
        if (!Fixed && input.SourceUrl?.Contains(NotReportMarker, StringComparison.Ordinal) == true)
        {
            return new ReportRecord { Source = input.Source, IsReport = false, NotReportReason = "scripted: no report tables", ParserVersion = Release.Version };
        }

        return RecordSamples.Gb2021(AgencyFor(input.Source), 2023, Release.Version) with { Source = input.Source };
    }
}
