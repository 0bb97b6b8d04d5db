using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Ingest.Functions.Hosting.Invocation;
using Ingest.Tests.Infrastructure;

namespace Ingest.Tests.Functions;

/// <summary>The published folder is a deployable function app (functions-contract §2, design "Hosting").</summary>
public sealed class PublishLayoutTests
{
    private static readonly string[] Functions = ["ScheduleCrawl", "CrawlSource", "ParseReport", "Lookup"];

    [Fact]
    public async Task The_published_folder_holds_host_json_the_four_function_folders_and_the_executable_host_json_names()
    {
        var app = await PublishedApp.FolderAsync();

        var hostJson = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(app, "host.json")))!;
        var executable = hostJson["customHandler"]!["description"]!["defaultExecutablePath"]!.GetValue<string>();
        var path = Path.Combine(app, executable);
        Assert.True(File.Exists(path), $"{executable} (defaultExecutablePath) is not in the published folder.");
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute), $"{executable} lost its executable bit.");
        }

        var folders = Directory.GetDirectories(app).Where(d => File.Exists(Path.Combine(d, "function.json"))).Select(Path.GetFileName);
        Assert.Equal(Functions.Order(StringComparer.Ordinal), folders.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_function_json_parses_and_each_non_HTTP_function_has_a_handler_route()
    {
        var app = await PublishedApp.FolderAsync();

        foreach (var function in Functions)
        {
            var bindings = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(app, function, "function.json")))!["bindings"]!.AsArray();
            var trigger = Assert.Single(bindings, b => b!["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal))!;
            if (trigger["type"]!.GetValue<string>() == "httpTrigger")
            {
                // HTTP-only (one httpTrigger in, one http out) is what enableProxyingHttpRequest needs.
                Assert.Equal(2, bindings.Count);
                Assert.Equal("http", bindings[1]!["type"]!.GetValue<string>());
                Assert.Equal("function", trigger["authLevel"]!.GetValue<string>());
                Assert.Equal("{*path}", trigger["route"]!.GetValue<string>());
            }
            else
            {
                Assert.Contains(function, InvocationEndpoints.FunctionNames);
            }
        }
    }

    [Fact]
    public async Task The_triggers_are_declared_as_the_contract_says()
    {
        var app = await PublishedApp.FolderAsync();
        JsonNode Trigger(string function) => JsonNode.Parse(File.ReadAllText(Path.Combine(app, function, "function.json")))!["bindings"]![0]!;

        var timer = Trigger("ScheduleCrawl");
        Assert.Equal("%CRAWL_SCHEDULE%", timer["schedule"]!.GetValue<string>());
        Assert.True(timer["useMonitor"]!.GetValue<bool>());
        Assert.False(timer["runOnStartup"]!.GetValue<bool>());

        var queue = Trigger("CrawlSource");
        Assert.Equal("crawl-requests", queue["queueName"]!.GetValue<string>());
        Assert.Equal("AzureWebJobsStorage", queue["connection"]!.GetValue<string>());

        var blob = Trigger("ParseReport");
        Assert.Equal("raw/{name}", blob["path"]!.GetValue<string>());
        Assert.Equal("binary", blob["dataType"]!.GetValue<string>());
        Assert.Equal("LogsAndContainerScan", blob["source"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_published_handler_started_as_the_host_starts_it_answers_on_its_port()
    {
        var app = await PublishedApp.FolderAsync();
        var port = FreePort();
        var startInfo = new ProcessStartInfo(Path.Combine(app, "Ingest.Functions"), "handler")
        {
            WorkingDirectory = app,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        startInfo.Environment["FUNCTIONS_APP_ROOT_PATH"] = app;
        startInfo.Environment["AzureWebJobsStorage"] = "UseDevelopmentStorage=true";
        startInfo.Environment["Ingest__Crawler__ContactUrl"] = "https://ingest.example/contact";
        startInfo.Environment["CRAWL_SCHEDULE"] = "0 0 2 * * *";
        using var process = Process.Start(startInfo)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            // Polls GET / as the host does; the deadline only keeps a broken build from hanging the run.
            var waited = Stopwatch.StartNew();
            HttpResponseMessage? ready = null;
            while (ready is null)
            {
                Assert.False(process.HasExited, $"The handler exited with {(process.HasExited ? process.ExitCode : 0)}.");
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "The handler never answered GET /.");
                try
                {
                    ready = await client.GetAsync("/");
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(100);
                }
            }

            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            using var rejected = await client.PostAsync("/ParseReport", new StringContent("""{"Data":{}}""", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
            ready.Dispose();
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            // Bounded: with its output read by events, this also waits for the pipes to close.
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    [Fact]
    public async Task ParseTriggerSource_EventGrid_generates_the_Flex_blob_trigger_from_the_same_template()
    {
        var output = Path.Combine(Path.GetTempPath(), "ingest-parse-source-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = await ToolRun.RunAsync(
                "dotnet",
                [
                    "msbuild", Path.Combine(PublishedApp.RepositoryRoot(), "functions", "Ingest.Functions.csproj"), "-nologo", "-v:q",
                    "-nodeReuse:false", "-p:UseSharedCompilation=false",
                    "-t:GenerateParseReportFunction", "-p:ParseTriggerSource=EventGrid", $"-p:IntermediateOutputPath={output}/",
                ],
                PublishedApp.RepositoryRoot());
            Assert.True(run.ExitCode == 0, run.ToString());

            var generated = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "functions", "ParseReport", "function.json")))!;
            var template = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(PublishedApp.RepositoryRoot(), "functions", "ParseReport", "function.json")))!;
            Assert.Equal("EventGrid", generated["bindings"]![0]!["source"]!.GetValue<string>());
            generated["bindings"]![0]!["source"] = "LogsAndContainerScan";
            Assert.True(JsonNode.DeepEquals(template, generated), "Only the source may differ from the template.");
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
