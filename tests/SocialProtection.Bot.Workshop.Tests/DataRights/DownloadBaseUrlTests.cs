using SocialProtection.Bot.Workshop.DataRights;

namespace SocialProtection.Bot.Workshop.Tests.DataRights;

public sealed class DownloadBaseUrlTests
{
    private sealed class Served(Uri? uri) : IServedBaseUrl
    {
        public Uri? Current() => uri;
    }

    [Fact]
    public void A_configured_public_url_wins_over_where_the_bot_is_reached()
    {
        var resolved = DownloadBaseUrl.From("https://bot.example.org", null, new Served(new Uri("http://127.0.0.1:4123/"))).Resolve();

        Assert.Equal(new Uri("https://bot.example.org/"), resolved);
    }

    [Fact]
    public void The_app_service_host_name_wins_over_where_the_bot_is_reached()
    {
        var resolved = DownloadBaseUrl.From(null, "mybot.azurewebsites.net", new Served(new Uri("http://127.0.0.1:4123/"))).Resolve();

        Assert.Equal(new Uri("https://mybot.azurewebsites.net/"), resolved);
    }

    [Fact]
    public void Without_configuration_links_follow_the_address_the_bot_is_reached_at()
    {
        Assert.Equal(new Uri("http://127.0.0.1:4123/"), DownloadBaseUrl.From(" ", "", new Served(new Uri("http://127.0.0.1:4123"))).Resolve());
        Assert.Equal(new Uri("https://abc-4123.asse.devtunnels.ms/"), DownloadBaseUrl.From(null, null, new Served(new Uri("https://abc-4123.asse.devtunnels.ms"))).Resolve());
    }

    [Fact]
    public void With_nothing_known_links_fall_back_to_the_local_default()
    {
        Assert.Equal(new Uri("http://127.0.0.1:3978/"), DownloadBaseUrl.From(null, null, null).Resolve());
        Assert.Equal(new Uri("http://127.0.0.1:3978/"), DownloadBaseUrl.From(null, null, new Served(null)).Resolve());
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:4123/")]
    [InlineData("http://user:secret@127.0.0.1:4123/")]
    [InlineData("http://127.0.0.1:4123/?x=1")]
    public void An_unusable_served_address_is_not_used(string served)
    {
        Assert.Equal(new Uri("http://127.0.0.1:3978/"), DownloadBaseUrl.From(null, null, new Served(new Uri(served))).Resolve());
    }

    [Fact]
    public void A_configured_url_that_is_not_http_is_refused_at_start()
    {
        Assert.Throws<InvalidOperationException>(() => DownloadBaseUrl.From("ftp://bot.example.org", null, null));
    }
}
