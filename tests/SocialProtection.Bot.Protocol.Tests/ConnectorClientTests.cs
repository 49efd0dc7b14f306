using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Tests.Infrastructure;

namespace SocialProtection.Bot.Protocol.Tests;

/// <summary>The Bot Connector client against a local HTTP server: retries, tokens, refusals, paths and escaping.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string AppId = "3b2e5c1a-7d4f-4e8a-9b6c-1f0e2d3c4b5a";
    private const string ChannelThread = "19:3c9a8d7e@thread.tacv2;messageid=1741064767891";
    private const string ActivityId = "1:1741064767891@x";

    private readonly Activity _message = new() { Type = ActivityTypes.Message, Text = "สวัสดี" };
    private FakeConnector _connector = null!;
    private ServiceProvider _services = null!;
    private IConnectorClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _services = ProtocolServices.Build();
        _client = _services.GetRequiredService<IConnectorClient>();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private static string Escaped(string id) => Uri.EscapeDataString(id);

    [Fact]
    public async Task A_429_is_retried_after_waiting_at_least_what_Retry_After_asked()
    {
        _connector.Then(429, """{"error":{"code":"Throttled"}}""", r => r.Headers.RetryAfter = "1");

        var sent = await _client.SendToConversationAsync(_connector.ServiceUrl, ChannelThread, _message, CancellationToken.None);

        Assert.Equal("activity-1", sent.Id);
        var requests = _connector.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ArrivedAt - requests[0].ArrivedAt >= TimeSpan.FromSeconds(1), $"retried after {requests[1].ArrivedAt - requests[0].ArrivedAt}");
    }

    [Fact]
    public async Task A_503_is_retried_until_the_connector_recovers()
    {
        _connector.Then(503);
        _connector.Then(503);

        var sent = await _client.SendToConversationAsync(_connector.ServiceUrl, ChannelThread, _message, CancellationToken.None);

        Assert.Equal("activity-1", sent.Id);
        Assert.Equal(3, _connector.Requests.Count);
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_attempts_and_the_status_reaches_the_caller()
    {
        for (var i = 0; i < 10; i++)
        {
            _connector.Then(502);
        }

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _client.SendToConversationAsync(_connector.ServiceUrl, ChannelThread, _message, CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal(4, _connector.Requests.Count);
    }

    [Fact]
    public async Task With_retries_set_to_zero_a_failure_reaches_the_caller_after_one_attempt()
    {
        await using var services = ProtocolServices.Build(new Dictionary<string, string?> { ["Bot:ConnectorRetryAttempts"] = "0" });
        var client = services.GetRequiredService<IConnectorClient>();
        _connector.Then(503);

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            client.SendToConversationAsync(_connector.ServiceUrl, ChannelThread, _message, CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(_connector.Requests);
    }

    [Theory]
    [InlineData(400, "BadArgument")]
    [InlineData(403, "BotNotInConversationRoster")]
    [InlineData(404, "ConversationNotFound")]
    [InlineData(413, "MessageSizeTooBig")]
    public async Task A_client_error_is_not_retried_and_surfaces_with_its_status_and_code(int status, string code)
    {
        _connector.Then(status, $$$"""{"error":{"code":"{{{code}}}","message":"no"}}""");

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _client.SendToConversationAsync(_connector.ServiceUrl, ChannelThread, _message, CancellationToken.None));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(code, error.ErrorCode);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_bot_will_wait_is_handed_to_the_caller_instead()
    {
        _connector.Then(429, null, r => r.Headers.RetryAfter = "120");

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _client.SendToConversationAsync(_connector.ServiceUrl, ChannelThread, _message, CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task An_attempt_that_hangs_is_timed_out_and_retried()
    {
        await using var services = ProtocolServices.Build(new Dictionary<string, string?> { ["Bot:ConnectorAttemptTimeout"] = "00:00:00.300" });
        var client = services.GetRequiredService<IConnectorClient>();
        _connector.Then(async context => await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted));

        var sent = await client.SendToConversationAsync(_connector.ServiceUrl, ChannelThread, _message, CancellationToken.None);

        Assert.Equal("activity-1", sent.Id);
        Assert.Equal(2, _connector.Requests.Count);
    }

    [Fact]
    public async Task Connector_calls_are_logged_by_shape_never_with_the_ids_in_their_path()
    {
        var logs = new LogCapture();
        await using var services = ProtocolServices.Build(logs: logs);
        _connector.Then(503);

        await services.GetRequiredService<IConnectorClient>().ReplyToActivityAsync(_connector.ServiceUrl, "a:personal-chat-of-somchai", "msg-42", _message, CancellationToken.None);

        Assert.Contains(logs.Lines, line => line.Message.Contains("POST v3/conversations/{id}/activities/{id}", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Message.Contains("somchai", StringComparison.OrdinalIgnoreCase)
            || line.Message.Contains("msg-42", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_an_app_id_no_token_is_sent()
    {
        await _client.SendToConversationAsync(_connector.ServiceUrl, ChannelThread, _message, CancellationToken.None);

        Assert.Null(Assert.Single(_connector.Requests).Authorization);
    }

    [Fact]
    public async Task With_an_app_id_the_token_goes_to_the_service_url_as_a_bearer()
    {
        await using var services = ProtocolServices.Build(
            new Dictionary<string, string?> { ["MicrosoftAppId"] = AppId, ["MicrosoftAppPassword"] = "secret" },
            new StaticTokenProvider("connector-token"));

        await services.GetRequiredService<IConnectorClient>().SendToConversationAsync(_connector.ServiceUrl, ChannelThread, _message, CancellationToken.None);

        Assert.Equal("Bearer connector-token", Assert.Single(_connector.Requests).Authorization);
    }

    [Fact]
    public async Task A_401_from_the_connector_drops_the_cached_token()
    {
        var tokens = new StaticTokenProvider("stale-token");
        await using var services = ProtocolServices.Build(new Dictionary<string, string?> { ["MicrosoftAppId"] = AppId, ["MicrosoftAppPassword"] = "secret" }, tokens);
        _connector.Then(401);

        await Assert.ThrowsAsync<ConnectorException>(() =>
            services.GetRequiredService<IConnectorClient>().SendToConversationAsync(_connector.ServiceUrl, ChannelThread, _message, CancellationToken.None));

        Assert.Equal(1, tokens.Invalidations);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    [InlineData("http://10.0.0.5/teams/")]
    [InlineData("http://localhost.attacker.example/")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("not a url")]
    public async Task Without_an_app_id_a_service_url_off_this_machine_is_refused_before_any_call(string serviceUrl)
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _client.SendToConversationAsync(serviceUrl, ChannelThread, _message, CancellationToken.None));

        Assert.Equal(ConnectorException.ServiceUrlRefused, error.ErrorCode);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public async Task With_an_app_id_the_token_is_never_sent_over_plain_http_to_another_host()
    {
        await using var services = ProtocolServices.Build(
            new Dictionary<string, string?> { ["MicrosoftAppId"] = AppId, ["MicrosoftAppPassword"] = "secret" },
            new StaticTokenProvider("connector-token"));

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            services.GetRequiredService<IConnectorClient>().SendToConversationAsync("http://smba.trafficmanager.net/teams/", ChannelThread, _message, CancellationToken.None));

        Assert.Equal(ConnectorException.ServiceUrlRefused, error.ErrorCode);
    }

    [Fact]
    public async Task Send_reply_update_and_delete_use_the_connector_paths_with_escaped_ids()
    {
        var conversation = Escaped(ChannelThread);
        var activity = Escaped(ActivityId);

        await _client.SendToConversationAsync(_connector.ServiceUrl, ChannelThread, _message, CancellationToken.None);
        await _client.ReplyToActivityAsync(_connector.ServiceUrl, ChannelThread, ActivityId, _message, CancellationToken.None);
        await _client.UpdateActivityAsync(_connector.ServiceUrl, ChannelThread, ActivityId, _message with { Id = ActivityId }, CancellationToken.None);
        await _client.DeleteActivityAsync(_connector.ServiceUrl, ChannelThread, ActivityId, CancellationToken.None);

        Assert.Equal(
            [
                ("POST", $"/teams/v3/conversations/{conversation}/activities"),
                ("POST", $"/teams/v3/conversations/{conversation}/activities/{activity}"),
                ("PUT", $"/teams/v3/conversations/{conversation}/activities/{activity}"),
                ("DELETE", $"/teams/v3/conversations/{conversation}/activities/{activity}"),
            ],
            _connector.Requests.Select(r => (r.Method, r.RawTarget)).ToArray());
        Assert.Contains("%3A", conversation, StringComparison.Ordinal);
        Assert.Contains("%3B", conversation, StringComparison.Ordinal);
        Assert.Contains("%40", conversation, StringComparison.Ordinal);
        Assert.Equal("สวัสดี", _connector.Requests[0].Json.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("teams")]
    [InlineData("teams/")]
    [InlineData("teams//")]
    public async Task The_service_url_and_the_path_are_joined_with_exactly_one_slash(string suffix)
    {
        var serviceUrl = _connector.ServiceUrl.Replace("teams/", suffix, StringComparison.Ordinal);

        await _client.SendToConversationAsync(serviceUrl, "a:1", _message, CancellationToken.None);

        Assert.Equal("/teams/v3/conversations/a%3A1/activities", Assert.Single(_connector.Requests).RawTarget);
    }

    [Fact]
    public async Task A_split_activity_answered_202_without_a_body_gives_no_id()
    {
        _connector.Then(202);

        var sent = await _client.SendToConversationAsync(_connector.ServiceUrl, "a:1", _message, CancellationToken.None);

        Assert.Null(sent.Id);
    }

    [Fact]
    public async Task Creating_a_personal_conversation_posts_bot_member_and_tenant()
    {
        _connector.Then(201, """{"id":"a:new-personal-chat"}""");
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = "28:" + AppId },
            Members = [new ChannelAccount { Id = "29:user" }],
            TenantId = "tenant-1",
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = "tenant-1" } },
        };

        var created = await _client.CreateConversationAsync(_connector.ServiceUrl, parameters, CancellationToken.None);

        Assert.Equal("a:new-personal-chat", created.Id);
        var request = Assert.Single(_connector.Requests);
        Assert.Equal(("POST", "/teams/v3/conversations"), (request.Method, request.RawTarget));
        var body = request.Json;
        Assert.False(body.GetProperty("isGroup").GetBoolean());
        Assert.Equal("28:" + AppId, body.GetProperty("bot").GetProperty("id").GetString());
        Assert.Equal("29:user", body.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.Equal("tenant-1", body.GetProperty("tenantId").GetString());
        Assert.Equal("tenant-1", body.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Paged_members_pass_page_size_and_an_escaped_continuation_token_and_read_the_next_token()
    {
        _connector.Then(200, """{"members":[{"id":"29:a","name":"ก","aadObjectId":"oid-a","userRole":"user"}],"continuationToken":"next+page/2"}""");

        var page = await _client.GetPagedMembersAsync(_connector.ServiceUrl, ChannelThread, 50, "tok en/+=", CancellationToken.None);

        Assert.Equal($"/teams/v3/conversations/{Escaped(ChannelThread)}/pagedmembers?pageSize=50&continuationToken=tok%20en%2F%2B%3D", Assert.Single(_connector.Requests).RawTarget);
        Assert.Equal("oid-a", Assert.Single(page.Members).AadObjectId);
        Assert.Equal("next+page/2", page.ContinuationToken);
    }

    [Fact]
    public async Task One_member_is_read_by_its_escaped_id()
    {
        _connector.Then(200, """{"id":"29:a b","name":"ก","email":"a@example.org","userPrincipalName":"a@example.org","tenantId":"t"}""");

        var member = await _client.GetMemberAsync(_connector.ServiceUrl, "a:1", "29:a b", CancellationToken.None);

        Assert.Equal("/teams/v3/conversations/a%3A1/members/29%3Aa%20b", Assert.Single(_connector.Requests).RawTarget);
        Assert.Equal("a@example.org", member.UserPrincipalName);
    }

    [Fact]
    public async Task A_connector_answer_that_is_not_JSON_is_a_connector_error_not_a_crash()
    {
        _connector.Then(async context =>
        {
            context.Response.StatusCode = 200;
            await context.Response.WriteAsync("<html>proxy page</html>");
        });

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _client.GetMemberAsync(_connector.ServiceUrl, "a:1", "29:a", CancellationToken.None));

        Assert.Equal("InvalidResponse", error.ErrorCode);
    }

    [Fact]
    public async Task An_id_with_path_characters_cannot_change_which_resource_is_called()
    {
        await _client.DeleteActivityAsync(_connector.ServiceUrl, "../../admin", "?x=1#y", CancellationToken.None);

        Assert.Equal("/teams/v3/conversations/..%2F..%2Fadmin/activities/%3Fx%3D1%23y", Assert.Single(_connector.Requests).RawTarget);
    }
}
