using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SocialProtection.Bot.Storage;

/// <summary>Says at start-up, in words, what is wrong with the "Storage" section.</summary>
internal sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.ConnectionString) && options.AccountUrl is not null)
        {
            failures.Add("Set either Storage:ConnectionString or Storage:AccountUrl, not both.");
        }

        if (options.AccountUrl is { } url
            && (!url.IsAbsoluteUri || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))))
        {
            failures.Add("Storage:AccountUrl must be an absolute https URL such as https://<account>.blob.core.windows.net.");
        }

        if (!string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) && options.AccountUrl is null)
        {
            failures.Add("Storage:ManagedIdentityClientId is only used with Storage:AccountUrl.");
        }

        if (!ContainerNamePattern().IsMatch(options.ContainerName ?? ""))
        {
            failures.Add("Storage:ContainerName must have 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.");
        }

        if (options.NetworkTimeout < TimeSpan.FromSeconds(1) || options.NetworkTimeout > TimeSpan.FromSeconds(60))
        {
            failures.Add("Storage:NetworkTimeout must be between 00:00:01 and 00:01:00.");
        }

        if (options.MaxConcurrentRequests is < 0 or > 10_000)
        {
            failures.Add("Storage:MaxConcurrentRequests must be between 0 (no bound) and 10000.");
        }

        if (options.QueueTimeout < TimeSpan.FromSeconds(1) || options.QueueTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add("Storage:QueueTimeout must be between 00:00:01 and 00:05:00.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add("Storage:MaxRetries must be between 0 and 10.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9](?:[a-z0-9]|-(?!-))*[a-z0-9]$")]
    private static partial Regex ContainerNamePattern();
}
