using SocialProtection.Bot.Protocol.Connector;

namespace SocialProtection.Bot.Protocol.Tests;

public sealed class ServiceUrlTests
{
    [Theory]
    [InlineData("http://localhost:3978/_connector", true)]
    [InlineData("http://LOCALHOST/", true)]
    [InlineData("http://127.0.0.1/", true)]
    [InlineData("http://127.255.0.9:80/", true)]
    [InlineData("http://[::1]:56150/", true)]
    [InlineData("http://[::ffff:127.0.0.1]/", true)]
    [InlineData("http://10.0.0.1/", false)]
    [InlineData("http://192.168.1.2/", false)]
    [InlineData("http://localhost.attacker.example/", false)]
    [InlineData("http://127.0.0.1.nip.io/", false)]
    [InlineData("https://smba.trafficmanager.net/teams/", false)]
    public void Only_this_machine_counts_as_loopback(string url, bool loopback)
    {
        Assert.True(ServiceUrl.TryParse(url, out var uri));
        Assert.Equal(loopback, ServiceUrl.IsLoopback(uri));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net/teams", true)]
    [InlineData("https://SMBA.trafficmanager.net/teams/", "https://smba.trafficmanager.net/teams/", true)]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net/emea/", false)]
    [InlineData("https://smba.trafficmanager.net/teams/", "http://smba.trafficmanager.net/teams/", false)]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net:8443/teams/", false)]
    [InlineData("https://smba.trafficmanager.net/teams/", null, false)]
    public void Service_urls_match_up_to_case_and_a_trailing_slash(string a, string? b, bool same) =>
        Assert.Equal(same, ServiceUrl.SameEndpoint(a, b));

    [Theory]
    [InlineData("https://user:pass@smba.trafficmanager.net/teams/")]
    [InlineData("https://smba.trafficmanager.net/teams/?x=1")]
    [InlineData("https://smba.trafficmanager.net/teams/#f")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/relative")]
    [InlineData("")]
    public void Service_urls_with_credentials_queries_or_other_schemes_are_refused(string url) =>
        Assert.False(ServiceUrl.TryParse(url, out _));
}
