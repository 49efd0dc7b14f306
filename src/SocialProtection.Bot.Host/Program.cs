using SocialProtection.Bot.Host.Hosting;
using SocialProtection.Bot.Protocol.Hosting;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop;

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddBotProtocol(builder.Configuration)
    .AddObjectStore(builder.Configuration)
    .AddWorkshopBot(builder.Configuration)
    .AddServedBaseUrl()
    .AddDataProtectionKeyProtection(builder.Configuration)
    .AddBotTelemetry(builder.Configuration);

// Storage registers its own readiness check; the protocol adds a cheap configuration check.
builder.Services.AddHealthChecks().AddBotProtocolCheck();

var app = builder.Build();

// A request's storage work queues as of its arrival: under a burst, turns finish in the order they came (issue 16).
app.Use(async (context, next) =>
{
    StorageRequestOrder.BeginWork();
    await next(context);
});
app.MapBotMessages("/api/messages");
app.MapHealthChecks("/healthz", HealthResponse.Options);
app.MapDownloads();

app.Run();

/// <summary>The entry point, visible to the end-to-end tests' WebApplicationFactory.</summary>
public partial class Program;
