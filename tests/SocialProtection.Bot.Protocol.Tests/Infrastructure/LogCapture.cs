using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SocialProtection.Bot.Protocol.Tests.Infrastructure;

/// <summary>Keeps every log line (formatted message and exception) so tests can read what was logged.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyList<LogLine> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    public sealed record LogLine(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture._lines.Enqueue(new LogLine(category, logLevel, eventId, formatter(state, exception), exception));
    }
}
