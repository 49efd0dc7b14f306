using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SocialProtection.Bot.Storage;

/// <summary>"storage": healthy when the store answers a read within a few seconds. Descriptions are public (/healthz): no details.</summary>
internal sealed class StorageHealthCheck(IObjectStore store) : IHealthCheck
{
    private const string ProbeKey = "health/probe";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            await store.GetAsync(ProbeKey, deadline.Token);
            return HealthCheckResult.Healthy("Storage answered.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Storage did not answer in time.");
        }
        catch (StorageUnavailableException e)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Storage is unreachable.", e);
        }
    }
}
