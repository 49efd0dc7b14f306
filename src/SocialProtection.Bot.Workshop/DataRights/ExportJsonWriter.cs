using System.Text.Encodings.Web;
using System.Text.Json;
using SocialProtection.Bot.Workshop.Core.Exports;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>
/// Writes the JSON export in one pass, participant by participant, flushing as it goes so a workshop of any size is
/// never held in memory: <c>{ format, formatVersion, exportedAt, workshop, questions, participants: […], summaries: […] }</c>.
/// Thai text is written as is (UTF-8, not \u-escaped). Call the methods in that order, then <see cref="CompleteAsync"/>.
/// </summary>
internal sealed class ExportJsonWriter : IAsyncDisposable
{
    public const string FormatName = "socialprotection-bot/workshop-export";
    public const int FormatVersion = 1;

    private const int FlushThreshold = 64 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private readonly Utf8JsonWriter _json;
    private ExportedWorkshop? _workshop;

    public ExportJsonWriter(Stream output) => _json = new Utf8JsonWriter(output, WriterOptions);

    /// <summary>Opens the document, writes the workshop and its questions, and opens the participants' list.</summary>
    public void WriteHeader(ExportedWorkshop workshop, DateTimeOffset exportedAt)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        _workshop = workshop;
        _json.WriteStartObject();
        _json.WriteString("format", FormatName);
        _json.WriteNumber("formatVersion", FormatVersion);
        _json.WriteString("exportedAt", exportedAt);

        _json.WriteStartObject("workshop");
        _json.WriteString("id", workshop.Id);
        _json.WriteString("title", U(workshop.Title));
        if (workshop.Date is { } date)
        {
            _json.WriteString("date", ExportCells.Iso(date));
        }
        if (workshop.Status is { } status)
        {
            _json.WriteString("status", status);
        }
        if (workshop.ClosedAt is { } closedAt)
        {
            _json.WriteString("closedAt", closedAt);
        }
        _json.WriteString("visibility", JsonNamingPolicy.CamelCase.ConvertName(workshop.Visibility.ToString()));
        _json.WriteStartObject("questionSet");
        _json.WriteString("id", workshop.QuestionSet.Id);
        _json.WriteNumber("version", workshop.QuestionSet.Version);
        _json.WriteEndObject();
        _json.WriteStartArray("groups");
        foreach (var (id, name) in workshop.Groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            _json.WriteStartObject();
            _json.WriteString("id", id);
            _json.WriteString("name", U(name));
            _json.WriteEndObject();
        }
        _json.WriteEndArray();
        _json.WriteEndObject();

        _json.WriteStartArray("questions");
        foreach (var question in workshop.QuestionSet.Questions)
        {
            _json.WriteStartObject();
            _json.WriteString("id", question.Id);
            _json.WriteString("kind", question.Kind.Name);
            _json.WriteBoolean("required", question.Required);
            WriteText("text", question.Text.Th, question.Text.En);
            if (question.Choices.Count > 0)
            {
                _json.WriteStartArray("choices");
                foreach (var choice in question.Choices)
                {
                    _json.WriteStartObject();
                    _json.WriteString("value", choice.Value);
                    WriteText("label", choice.Label.Th, choice.Label.En);
                    _json.WriteEndObject();
                }
                _json.WriteEndArray();
            }
            _json.WriteEndObject();
        }
        _json.WriteEndArray();
        _json.WriteStartArray("participants");
    }

    public async Task WriteParticipantAsync(ExportParticipant participant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participant);
        var record = participant.Record;
        _json.WriteStartObject();
        _json.WriteString("participant", U(participant.Label));
        if (record.GroupId is { } groupId)
        {
            _json.WriteString("group", U(_workshop?.GroupName(groupId) ?? groupId));
        }
        _json.WriteString("status", JsonNamingPolicy.CamelCase.ConvertName(record.Status.ToString()));
        if (record.Language is { } language)
        {
            _json.WriteString("language", language);
        }
        _json.WriteString("createdAt", record.CreatedAt);
        _json.WriteString("updatedAt", record.UpdatedAt);
        if (record.SubmittedAt is { } submittedAt)
        {
            _json.WriteString("submittedAt", submittedAt);
        }
        _json.WriteStartArray("answers");
        foreach (var (questionId, answer) in record.Answers)
        {
            WriteAnswer(questionId, answer, participant.FollowUp);
        }
        _json.WriteEndArray();
        if (participant.FollowUp is { } followUp)
        {
            _json.WriteStartObject("followUp");
            _json.WriteBoolean("remindersStopped", followUp.OptedOut);
            _json.WriteEndObject();
        }
        _json.WriteEndObject();
        await FlushIfFullAsync(cancellationToken);
    }

    /// <summary>Closes the participants' list and writes the stored summaries (each already JSON), then closes the document.</summary>
    public async Task CompleteAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> summaries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        _json.WriteEndArray();
        _json.WriteStartArray("summaries");
        await foreach (var summary in summaries.WithCancellation(cancellationToken))
        {
            _json.WriteRawValue(summary.Span, skipInputValidation: false);
            await FlushIfFullAsync(cancellationToken);
        }
        _json.WriteEndArray();
        _json.WriteEndObject();
        await _json.FlushAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _json.DisposeAsync();

    private void WriteAnswer(string questionId, Answer answer, PartnerFollowUp? followUp)
    {
        _json.WriteStartObject();
        _json.WriteString("questionId", questionId);
        _json.WriteString("kind", answer.Kind);
        _json.WriteBoolean("skipped", answer.Skipped);
        if (answer.Text is { } text)
        {
            _json.WriteString("text", U(text));
        }
        if (answer.Choices is { } choices)
        {
            _json.WriteStartArray("choices");
            foreach (var choice in choices)
            {
                _json.WriteStringValue(U(choice));
            }
            _json.WriteEndArray();
        }
        if (answer.Rating is { } rating)
        {
            _json.WriteNumber("rating", rating);
        }
        if (answer.Date is { } date)
        {
            _json.WriteString("date", ExportCells.Iso(date));
        }
        if (answer.Commitments is { } commitments)
        {
            _json.WriteStartArray("commitments");
            foreach (var commitment in commitments)
            {
                WriteCommitment(commitment, followUp?.Find(commitment.Id));
            }
            _json.WriteEndArray();
        }
        _json.WriteString("answeredAt", answer.AnsweredAt);
        _json.WriteEndObject();
    }

    private void WriteCommitment(Commitment commitment, FollowUpCommitment? tracked)
    {
        _json.WriteStartObject();
        _json.WriteString("id", commitment.Id);
        _json.WriteString("action", U(commitment.Action));
        _json.WriteString("organisation", U(commitment.Organisation));
        _json.WriteString("dueDate", ExportCells.Iso(commitment.DueDate));
        _json.WriteStartObject("followUp");
        _json.WriteString("status", FollowUpStatus.Word(tracked?.Status ?? CommitmentStatus.NotStarted));
        if (tracked?.StatusChangedAt is { } changedAt)
        {
            _json.WriteString("statusChangedAt", changedAt);
        }
        if (tracked?.OwnerName is { } owner)
        {
            _json.WriteString("ownerName", U(owner));
        }
        _json.WriteStartArray("notes");
        foreach (var note in tracked?.Notes ?? [])
        {
            _json.WriteStartObject();
            _json.WriteString("at", note.At);
            _json.WriteString("status", FollowUpStatus.Word(note.Status));
            if (note.Text is { } noteText)
            {
                _json.WriteString("text", U(noteText));
            }
            _json.WriteEndObject();
        }
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.WriteEndObject();
    }

    private void WriteText(string name, string th, string en)
    {
        _json.WriteStartObject(name);
        _json.WriteString("th", th);
        _json.WriteString("en", en);
        _json.WriteEndObject();
    }

    private async Task FlushIfFullAsync(CancellationToken cancellationToken)
    {
        if (_json.BytesPending >= FlushThreshold)
        {
            await _json.FlushAsync(cancellationToken);
        }
    }

    // User text (titles, names, answers, notes) without bidi or control characters, as in every other export.
    private static string U(string text) => UnsafeCharacters.Remove(text);
}
