using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace SocialProtection.Bot.Protocol.Hosting;

/// <summary>Writes RFC 7807 problem details: every refusal of /api/messages says what was wrong.</summary>
internal static class ProblemResponse
{
    private static readonly Dictionary<int, string> Titles = new()
    {
        [StatusCodes.Status400BadRequest] = "Bad request",
        [StatusCodes.Status401Unauthorized] = "Unauthorized",
        [StatusCodes.Status405MethodNotAllowed] = "Method not allowed",
        [StatusCodes.Status413PayloadTooLarge] = "Request body too large",
        [StatusCodes.Status415UnsupportedMediaType] = "Unsupported media type",
        [StatusCodes.Status503ServiceUnavailable] = "Service unavailable",
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
        var problem = new ProblemDetails
        {
            Status = status,
            Title = Titles.GetValueOrDefault(status, "Error"),
            Detail = detail,
            Type = $"https://httpstatuses.io/{status}",
            Instance = context.Request.Path,
        };
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier;
        response.ContentType = "application/problem+json; charset=utf-8";
        await JsonSerializer.SerializeAsync(response.Body, problem, JsonSerializerOptions.Web, CancellationToken.None);
    }
}
