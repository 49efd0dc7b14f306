using Azure.Core;
using Azure.Core.Pipeline;

namespace SocialProtection.Bot.Storage.Tests;

/// <summary>
/// Lets the first successful upload reach the service, then drops its reply as a broken connection would:
/// the client retries a write that already happened.
/// </summary>
internal sealed class LoseFirstReplyPolicy : HttpPipelinePolicy
{
    private int _armed = 1;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        DropIfFirst(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        DropIfFirst(message);
    }

    private void DropIfFirst(HttpMessage message)
    {
        if (message.Request.Method == RequestMethod.Put && message.Response.Status == 201 && Interlocked.Exchange(ref _armed, 0) == 1)
        {
            throw new IOException("The connection broke before the reply arrived (simulated).");
        }
    }
}
