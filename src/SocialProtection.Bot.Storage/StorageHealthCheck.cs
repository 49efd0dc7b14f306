using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SocialProtection.Bot.Storage;

/// <summary>
/// "storage": healthy when the store answers a read and takes a small write and its delete, within a few seconds.
/// A read alone is not enough: a folder or account that answers reads but refuses writes would lose every answer
/// while looking ready.
/// Each process probes its own key, so instances sharing a store never trip over each other's probe.
/// Descriptions are public (/healthz): no details.
/// </summary>
internal sealed class StorageHealthCheck(IObjectStore store) : IHealthCheck
{
    private const string ProbePrefix = "health/probes/";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private static readonly BinaryData ProbeContent = BinaryData.FromString("{}");
    private static readonly string ProbeKey = ProbePrefix + Guid.NewGuid().ToString("N");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            await store.GetAsync(ProbeKey, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Storage did not answer in time.");
        }
        catch (StorageUnavailableException e)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Storage is unreachable.", e);
        }
        try
        {
            await store.PutAsync(ProbeKey, ProbeContent, WriteCondition.None, deadline.Token);
            await store.DeleteAsync(ProbeKey, null, deadline.Token);
            return HealthCheckResult.Healthy("Storage answered and took a write.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Storage did not take a write in time.");
        }
        catch (StorageUnavailableException e)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Storage answers but cannot be written.", e);
        }
    }
}
