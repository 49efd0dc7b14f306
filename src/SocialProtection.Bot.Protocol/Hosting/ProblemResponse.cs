using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace SocialProtection.Bot.Protocol.Hosting;

/// <summary>Writes RFC 7807 problem details: every refusal of /api/messages says what was wrong.</summary>
internal static class ProblemResponse
{
    // Title and the RFC 9110 section that defines the status, as ASP.NET Core's own problem details use.
    private static readonly Dictionary<int, (string Title, string Section)> Statuses = new()
    {
        [StatusCodes.Status400BadRequest] = ("Bad request", "15.5.1"),
        [StatusCodes.Status401Unauthorized] = ("Unauthorized", "15.5.2"),
        [StatusCodes.Status405MethodNotAllowed] = ("Method not allowed", "15.5.6"),
        [StatusCodes.Status408RequestTimeout] = ("Request timeout", "15.5.9"),
        [StatusCodes.Status413PayloadTooLarge] = ("Request body too large", "15.5.14"),
        [StatusCodes.Status415UnsupportedMediaType] = ("Unsupported media type", "15.5.16"),
        [StatusCodes.Status503ServiceUnavailable] = ("Service unavailable", "15.6.4"),
    };

    public static async Task WriteAsync(HttpContext context, int status, string detail)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return;
        }
        response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            response.Headers.WWWAuthenticate = "Bearer";
        }
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }
        var known = Statuses.TryGetValue(status, out var entry);
        var problem = new ProblemDetails
        {
            Status = status,
            Title = known ? entry.Title : "Request refused",
            Detail = detail,
            Type = known ? $"https://tools.ietf.org/html/rfc9110#section-{entry.Section}" : "about:blank",
            Instance = context.Request.Path,
        };
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier;
        response.ContentType = "application/problem+json; charset=utf-8";
        await JsonSerializer.SerializeAsync(response.Body, problem, JsonSerializerOptions.Web, CancellationToken.None);
    }
}
