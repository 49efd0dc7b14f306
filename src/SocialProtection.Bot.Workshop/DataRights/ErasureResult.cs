using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>What an erasure removed: how many stored objects, and in how many workshops the person had data.</summary>
internal sealed record ErasureResult(int ObjectsDeleted, int Workshops)
{
    public bool ErasedAnything => ObjectsDeleted > 0;
}
