using System.Text;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Exports;

namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>
/// Writes the CSV export, one row per answer (one per commitment), participant by participant: UTF-8 with a
/// byte-order mark so Excel opens Thai correctly, CRLF line ends, and every field through the report's
/// <see cref="CsvCell"/> (RFC 4180 quoting and the formula-injection guard). Headers and dates are in Thai and English.
/// An answer's cells are its kind's (<see cref="QuestionKind.Export"/>), found by the name the answer was stored with.
/// </summary>
internal sealed class ExportCsvWriter(Stream output, QuestionKinds kinds) : IAsyncDisposable
{
    private static readonly TextCatalog T = DataRightsText.Default;

    private readonly StreamWriter _writer = new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
    private readonly StringBuilder _line = new();
    private ExportedWorkshop? _workshop;

    public async Task WriteHeaderAsync(ExportedWorkshop workshop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        _workshop = workshop;
        await RowAsync(
            [
                T.Both(DataRightsTextKeys.ColumnParticipant),
                T.Both(DataRightsTextKeys.ColumnGroup),
                T.Both(DataRightsTextKeys.ColumnQuestionId),
                T.Both(DataRightsTextKeys.ColumnQuestion),
                T.Both(DataRightsTextKeys.ColumnKind),
                T.Both(DataRightsTextKeys.ColumnAnswer),
                T.Both(DataRightsTextKeys.ColumnOrganisation),
                T.Both(DataRightsTextKeys.ColumnDue),
                T.Both(DataRightsTextKeys.ColumnDateIso),
                T.Both(DataRightsTextKeys.ColumnFollowUp),
                T.Both(DataRightsTextKeys.ColumnAnsweredAt),
            ],
            cancellationToken);
    }

    public async Task WriteParticipantAsync(ExportParticipant participant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participant);
        var workshop = _workshop ?? throw new InvalidOperationException("Write the header first.");
        var set = workshop.QuestionSet;
        var group = workshop.GroupName(participant.Record.GroupId) ?? "";
        // Questions in set order first, then answers to questions the set no longer has.
        var ordered = set.Questions
            .Where(q => participant.Record.Answers.ContainsKey(q.Id))
            .Select(q => (q.Id, (Question?)q))
            .Concat(participant.Record.Answers.Keys.Where(id => set.Find(id) is null).Select(id => (id, (Question?)null)));
        foreach (var (questionId, question) in ordered)
        {
            var answer = participant.Record.Answers[questionId];
            var questionText = question?.Text.Th ?? "";
            var answeredAt = ThaiDateFormatter.FormatDateTime(answer.AnsweredAt, Language.Thai);
            if (answer.Skipped)
            {
                await RowAsync([participant.Label, group, questionId, questionText, answer.Kind, T.Both(DataRightsTextKeys.ExportSkipped), "", "", "", "", answeredAt], cancellationToken);
                continue;
            }
            var cells = (question?.Kind.Name == answer.Kind ? question.Kind : kinds.Find(answer.Kind))?.Export(question, answer)
                ?? [new ExportCells(answer.Text ?? "")];
            foreach (var c in cells)
            {
                var status = c.CommitmentId is { } id ? FollowUpStatus.Label(participant.FollowUp?.Find(id)?.Status ?? CommitmentStatus.NotStarted) : "";
                await RowAsync([participant.Label, group, questionId, questionText, answer.Kind, c.Answer, c.Organisation, c.Due, c.DateIso, status, answeredAt], cancellationToken);
            }
        }
    }

    public Task CompleteAsync(CancellationToken cancellationToken) => _writer.FlushAsync(cancellationToken);

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private async Task RowAsync(string[] cells, CancellationToken cancellationToken)
    {
        _line.Clear();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                _line.Append(',');
            }
            CsvCell.Append(_line, cells[i]);
        }
        _line.Append("\r\n");
        await _writer.WriteAsync(_line, cancellationToken);
    }
}
