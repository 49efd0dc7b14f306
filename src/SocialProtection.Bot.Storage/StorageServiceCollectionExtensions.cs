using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SocialProtection.Bot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the process's one <see cref="IObjectStore"/> from the "Storage" section (see <see cref="StorageOptions"/>):
    /// Blob Storage with Storage:ConnectionString or Storage:AccountUrl, otherwise the local-disk store in
    /// Storage:LocalPath. Also registers <see cref="JsonObjectStore"/> (tune it with
    /// <c>services.Configure&lt;JsonObjectStoreOptions&gt;</c>) and the "storage" health check.
    /// </summary>
    public static IServiceCollection AddObjectStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.AddOptions<JsonObjectStoreOptions>();
        services.AddMetrics();
        services.TryAddSingleton<StorageMetrics>();

        services.TryAddSingleton(CreateStore);
        services.TryAddSingleton(provider => new JsonObjectStore(
            provider.GetRequiredService<IObjectStore>(),
            provider.GetRequiredService<IOptions<JsonObjectStoreOptions>>().Value,
            provider.GetService<ILogger<JsonObjectStore>>()));

        services.AddHostedService<ObjectStoreStartup>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: ["ready"]);
        return services;
    }

    private static IObjectStore CreateStore(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (!options.UsesBlobStorage)
        {
            var contentRoot = provider.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory;
            var path = Path.Combine(contentRoot, string.IsNullOrWhiteSpace(options.LocalPath) ? "data" : options.LocalPath);
            return new FileObjectStore(path, provider.GetService<TimeProvider>());
        }

        BlobContainerClient container;
        try
        {
            container = BlobContainerClientFactory.Create(options);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            // The message would quote the connection string (a secret), so it is not passed on.
            throw new InvalidOperationException("Storage:ConnectionString is not a valid Azure Storage connection string.");
        }

        return new BlobObjectStore(
            container, provider.GetService<ILogger<BlobObjectStore>>(), options.MaxConcurrentRequests, options.QueueTimeout, provider.GetService<StorageMetrics>());
    }
}
