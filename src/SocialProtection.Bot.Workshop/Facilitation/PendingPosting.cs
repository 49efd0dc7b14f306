using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>A marker for an unfinished posting (<c>postings/pending/{postingId}.json</c>), listed at start-up to resume it.</summary>
internal sealed record PendingPosting(string WorkshopId, string PostingId);
