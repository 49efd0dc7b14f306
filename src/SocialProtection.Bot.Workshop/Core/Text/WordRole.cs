using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Core.Text;

/// <summary>What a word may do at the edges of a theme.</summary>
internal enum WordRole
{
    /// <summary>A topic word: may start, end or stand alone as a theme.</summary>
    Content,

    /// <summary>การ or ความ: may start a phrase whose next word is content or a light verb, never end one.</summary>
    Nominalizer,

    /// <summary>A light verb or auxiliary (เป็น, มี, ได้): may follow a leading nominalizer, otherwise only inside a phrase.</summary>
    LightVerb,

    /// <summary>A function word (Thai or English): only inside a phrase.</summary>
    Stop,

    /// <summary>A number or a single character: only inside a phrase.</summary>
    Weak,
}
