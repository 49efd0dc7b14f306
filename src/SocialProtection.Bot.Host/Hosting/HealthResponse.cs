using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SocialProtection.Bot.Host.Hosting;

/// <summary>
/// /healthz answers 200 when ready and 503 when a dependency (storage) is not, with a JSON body per check and, on top,
/// the authentication mode ("authenticated" or "local (unauthenticated)") the protocol check reports.
/// </summary>
public static class HealthResponse
{
    public static HealthCheckOptions Options { get; } = new()
    {
        ResponseWriter = WriteAsync,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status200OK,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var mode = report.Entries.Values
            .Select(entry => entry.Data.TryGetValue("mode", out var value) ? value as string : null)
            .FirstOrDefault(value => value is not null);
        var body = new
        {
            status = report.Status.ToString(),
            mode,
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), context.RequestAborted);
    }
}
