using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Ingest.Tests.Functions;

/// <summary>Every log line the app wrote, so a test can check that a failure was logged by the handler itself.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> entries = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Entries => [.. entries];

    public bool Contains(LogLevel atLeast, string text) =>
        entries.Any(e => e.Level >= atLeast && e.Message.Contains(text, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            owner.entries.Enqueue((logLevel, category, exception is null ? message : $"{message} | {exception.GetType().Name}: {exception.Message}"));
        }
    }
}
