using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Logging;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>
/// Keeps ASP.NET Core Data Protection's key ring in the object store (<c>system/data-protection/keys/{name}.xml</c>),
/// so every bot instance sharing the store (Blob Storage in Azure, the local folder otherwise) signs and reads the
/// same download links, and links survive a restart. Data Protection calls this rarely (it caches the ring and
/// refreshes it about daily) and only synchronously, hence the blocking waits.
/// </summary>
internal sealed partial class ObjectStoreXmlRepository(IObjectStore store, ILogger<ObjectStoreXmlRepository> logger) : IXmlRepository
{
    public const string Prefix = "system/data-protection/keys/";

    public IReadOnlyCollection<XElement> GetAllElements() => LoadAsync(CancellationToken.None).GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentException.ThrowIfNullOrEmpty(friendlyName);
        var content = BinaryData.FromString(element.ToString(SaveOptions.DisableFormatting));
        try
        {
            // A key is never changed after it is written; each new key has a new name.
            store.PutAsync(Key(friendlyName), content, WriteCondition.IfNotExists, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (PreconditionFailedException)
        {
            // Another instance stored the same element first.
        }
    }

    private async Task<IReadOnlyCollection<XElement>> LoadAsync(CancellationToken cancellationToken)
    {
        var elements = new List<XElement>();
        await foreach (var info in store.ListAsync(Prefix, cancellationToken))
        {
            if (await store.GetAsync(info.Key, cancellationToken) is not { } stored)
            {
                continue;
            }
            try
            {
                elements.Add(XElement.Parse(Encoding.UTF8.GetString(stored.Content.ToMemory().Span)));
            }
            catch (XmlException)
            {
                // One damaged key must not stop the others: links signed with it simply no longer open.
                LogDamagedKey(logger, info.Key);
            }
        }
        return elements;
    }

    private static string Key(string friendlyName) => Prefix + StorageKey.Segment(friendlyName) + ".xml";

    [LoggerMessage(Level = LogLevel.Warning, Message = "The data-protection key {Key} is not valid XML and is ignored")]
    private static partial void LogDamagedKey(ILogger logger, string key);
}
