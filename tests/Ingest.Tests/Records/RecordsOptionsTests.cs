using Ingest.Records;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ingest.Tests.Records;

public sealed class RecordsOptionsTests
{
    [Fact]
    public void Records_options_bind_from_their_section_and_invalid_values_fail_validation()
    {
        static ServiceProvider Build(string maxAttempts)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
                [$"{RecordsOptions.Section}:MaxAttempts"] = maxAttempts,
            }).Build();
            return new ServiceCollection().AddIngestCore(configuration).BuildServiceProvider();
        }

        using var good = Build("7");
        Assert.Equal(7, good.GetRequiredService<IOptions<RecordsOptions>>().Value.MaxAttempts);
        Assert.Equal(global::Ingest.Parsing.ReportParser.Version, good.GetRequiredService<ParseReportHandler>().ParserVersion);

        using var bad = Build("0");
        var e = Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<ParseReportHandler>());
        Assert.Contains("MaxAttempts", e.Message, StringComparison.Ordinal);
    }
}
