using System.Runtime.InteropServices;
using System.Text;
using Ingest.Functions.Cli;

// GB2312/GBK/GB18030 must be registered before AngleSharp resolves any encoding (its static tables
// silently fall back to UTF-8 otherwise). The core library also does this in a module initializer;
// doing it here first keeps the order obvious.
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

// SIGTERM (a service manager, `timeout`, `kill`) stops the verb the same way: gracefully, so an Azurite
// the verb started is stopped too and keeps its data.
using var termination = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});

return await CommandLine.RunAsync(args, CliConsole.System, cancellation.Token);
