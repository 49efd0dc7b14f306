namespace SocialProtection.Bot.TestSupport;

/// <summary>A person in the Agents Playground's fake tenant, as the bot will see them in activities and member lists.</summary>
/// <param name="Id">Teams-style channel id (<c>29:…</c>): <c>from.id</c> in activities.</param>
/// <param name="Name">Display name (<c>from.name</c>).</param>
/// <param name="AadObjectId">Entra object id (<c>from.aadObjectId</c>): the stable id of the person.</param>
public sealed record PlaygroundUser(
    string Id,
    string Name,
    string AadObjectId,
    string GivenName,
    string Surname,
    string Email);
