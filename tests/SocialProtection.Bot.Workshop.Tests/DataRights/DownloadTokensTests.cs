using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using SocialProtection.Bot.Workshop.DataRights;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Tests.DataRights;

public sealed class DownloadTokensTests
{
    private static readonly DownloadRequest Request = new("ws-1", DownloadArtifact.Export, DownloadFormat.Csv, "6f1c2f4e-0000-4000-8000-00000000fac1");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero));
    private readonly EphemeralDataProtectionProvider _keys = new();

    private DownloadTokens Tokens() => new(_keys, _time);

    [Fact]
    public void A_fresh_token_reads_back_as_the_request_it_was_made_for()
    {
        var tokens = Tokens();
        var reading = tokens.Read(tokens.Create(Request));
        Assert.Equal(DownloadTokenStatus.Valid, reading.Status);
        Assert.Equal(Request, reading.Request);
    }

    [Fact]
    public void A_token_is_url_safe_and_says_nothing_readable_about_the_workshop_or_the_person()
    {
        var token = Tokens().Create(Request);
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        Assert.DoesNotContain("ws-1", token, StringComparison.Ordinal);
        Assert.DoesNotContain("fac1", token, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_is_valid_for_fifteen_minutes_and_expired_after()
    {
        var tokens = Tokens();
        var token = tokens.Create(Request);
        _time.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(DownloadTokenStatus.Valid, tokens.Read(token).Status);
        _time.Advance(TimeSpan.FromMinutes(1));
        var reading = tokens.Read(token);
        Assert.Equal(DownloadTokenStatus.Expired, reading.Status);
        Assert.Null(reading.Request);
    }

    [Fact]
    public void Any_changed_character_makes_a_token_invalid()
    {
        var tokens = Tokens();
        var token = tokens.Create(Request);
        for (var i = 0; i < token.Length; i += 7)
        {
            var changed = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            Assert.Equal(DownloadTokenStatus.Invalid, tokens.Read(changed).Status);
        }
        Assert.Equal(DownloadTokenStatus.Invalid, tokens.Read(token[..^4]).Status);
        Assert.Equal(DownloadTokenStatus.Invalid, tokens.Read(token + "AAAA").Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("%%%")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Made_up_tokens_are_invalid(string token) =>
        Assert.Equal(DownloadTokenStatus.Invalid, Tokens().Read(token).Status);

    [Fact]
    public void An_overlong_token_is_refused_without_being_decoded() =>
        Assert.Equal(DownloadTokenStatus.Invalid, Tokens().Read(new string('A', DownloadTokens.MaxTokenLength + 1)).Status);

    [Fact]
    public void A_token_from_another_key_ring_is_invalid()
    {
        var token = new DownloadTokens(new EphemeralDataProtectionProvider(), _time).Create(Request);
        Assert.Equal(DownloadTokenStatus.Invalid, Tokens().Read(token).Status);
    }

    [Fact]
    public void Data_protected_for_another_purpose_is_not_a_token()
    {
        var other = _keys.CreateProtector("something-else").ToTimeLimitedDataProtector()
            .Protect("{\"w\":\"ws-1\",\"a\":\"export\",\"f\":\"csv\",\"u\":\"x\",\"exp\":9999999999}"u8.ToArray(), _time.GetUtcNow().AddHours(1));
        Assert.Equal(DownloadTokenStatus.Invalid, Tokens().Read(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(other)).Status);
    }

    [Theory]
    [InlineData("export", "json", true)]
    [InlineData("export", "csv", true)]
    [InlineData("report", "md", true)]
    [InlineData("report", "html", true)]
    [InlineData("REPORT", "CSV", true)]
    [InlineData("report", "docx", true)]
    [InlineData("report", "docx-en", true)]
    [InlineData("export", "docx", false)]
    [InlineData("export", "html", false)]
    [InlineData("report", "json", false)]
    [InlineData("backup", "json", false)]
    [InlineData("export", "xlsx", false)]
    public void Only_the_offered_artifact_and_format_pairs_make_a_request(string artifact, string format, bool offered) =>
        Assert.Equal(offered, DownloadRequest.TryCreate("ws-1", artifact, format, "user") is not null);

    [Fact]
    public void Links_are_built_on_the_public_base_url()
    {
        var links = new DownloadLinks(Tokens(), DownloadOptions.ResolveBaseUrl("https://bot.example.org/sp", null));
        var link = links.Create(Request);
        Assert.StartsWith("https://bot.example.org/sp/downloads/", link.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(new Uri("https://mybot.azurewebsites.net/"), DownloadOptions.ResolveBaseUrl(null, "mybot.azurewebsites.net"));
        Assert.Equal(new Uri("http://127.0.0.1:3978/"), DownloadOptions.ResolveBaseUrl(" ", null));
        Assert.Throws<InvalidOperationException>(() => DownloadOptions.ResolveBaseUrl("ftp://bot.example.org", null));
        Assert.Throws<InvalidOperationException>(() => DownloadOptions.ResolveBaseUrl("/relative", null));
    }
}
