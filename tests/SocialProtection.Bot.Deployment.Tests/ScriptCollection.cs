namespace SocialProtection.Bot.Deployment.Tests;

/// <summary>
/// Tests that build and run the repository's scripts share one package build and run one at a time:
/// concurrent `dotnet run` of the same file-based app would race on its build output.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ScriptCollection : ICollectionFixture<BuiltAppPackage>
{
    public const string Name = "scripts";
}
