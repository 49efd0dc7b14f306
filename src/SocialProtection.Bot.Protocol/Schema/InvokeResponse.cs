using System.Text.Json;

namespace SocialProtection.Bot.Protocol.Schema;

/// <summary>The synchronous answer to an invoke activity: <see cref="Status"/> becomes the HTTP status, <see cref="Body"/> the JSON body.</summary>
public sealed record InvokeResponse(int Status, JsonElement? Body = null);
