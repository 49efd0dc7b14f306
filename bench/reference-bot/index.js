// The reference for the turn benchmark: the first eight lesson questions as a waterfall dialog on the JavaScript
// Bot Framework SDK (botbuilder CloudAdapter, botbuilder-dialogs, state in Blob Storage through
// botbuilder-azure-blobs), written the way the SDK's samples do it. Each question is an Adaptive Card whose
// Action.Execute button (verb lesson.answer) arrives as an adaptiveCard/action invoke; the answer goes into the
// conversation state, the next question is sent to the conversation and the pressed card is replaced.
//
// Environment: PORT (required), STORAGE_CONNECTION_STRING (required), STORAGE_CONTAINER (default "reference").
// Local mode only (no app id): the SDK then neither checks inbound tokens nor sends outbound ones.
'use strict';

const http = require('node:http');
const {
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
    ConversationState,
    ActivityTypes,
    CardFactory,
    MessageFactory,
    StatusCodes,
} = require('botbuilder');
const { DialogSet, WaterfallDialog, DialogTurnStatus, Dialog, DialogReason } = require('botbuilder-dialogs');
const { BlobsStorage } = require('botbuilder-azure-blobs');

const QUESTIONS = [
    { id: 'organisationType', kind: 'choice', th: 'หน่วยงานของท่านเป็นประเภทใด', en: 'What type of organisation are you from?', choices: ['government', 'civilSociety', 'academia', 'international', 'private'] },
    { id: 'goodPractices', kind: 'text', th: 'แนวปฏิบัติที่ดีที่ท่านได้เรียนรู้คืออะไร', en: 'What good practices did you learn?' },
    { id: 'obstacles', kind: 'text', th: 'อุปสรรคสำคัญคืออะไร', en: 'What were the main obstacles?' },
    { id: 'leveragePoints', kind: 'text', th: 'จุดคานงัดที่สำคัญคืออะไร', en: 'What are the key leverage points?' },
    { id: 'priorityGroups', kind: 'multi', th: 'กลุ่มเป้าหมายที่ควรให้ความสำคัญ', en: 'Which groups should come first?', choices: ['children', 'olderPersons', 'disability', 'informalWorkers', 'migrants'] },
    { id: 'domesticFinancing', kind: 'text', th: 'แหล่งเงินทุนภายในประเทศที่เป็นไปได้', en: 'Possible domestic financing?' },
    { id: 'strategyRecommendations', kind: 'text', th: 'ข้อเสนอแนะเชิงยุทธศาสตร์', en: 'Strategy recommendations?' },
    { id: 'mechanismRecommendations', kind: 'text', th: 'ข้อเสนอแนะเชิงกลไก', en: 'Mechanism recommendations?' },
];

function questionCard(index) {
    const q = QUESTIONS[index];
    const input = q.kind === 'text'
        ? { type: 'Input.Text', id: 'answer', isMultiline: true, maxLength: 4000, placeholder: 'พิมพ์คำตอบ / Type your answer' }
        : { type: 'Input.ChoiceSet', id: 'answer', isMultiSelect: q.kind === 'multi', style: 'expanded', choices: q.choices.map((c) => ({ title: c, value: c })) };
    return CardFactory.adaptiveCard({
        type: 'AdaptiveCard',
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        version: '1.5',
        body: [
            { type: 'TextBlock', text: `${index + 1} / ${QUESTIONS.length}`, isSubtle: true },
            { type: 'TextBlock', text: q.th, wrap: true, weight: 'Bolder' },
            { type: 'TextBlock', text: q.en, wrap: true, isSubtle: true },
            input,
        ],
        actions: [{ type: 'Action.Execute', title: 'ส่ง / Submit', verb: 'lesson.answer', data: { questionId: q.id, step: index } }],
    });
}

function answeredCard(index, answer) {
    const q = QUESTIONS[index];
    return {
        type: 'AdaptiveCard',
        version: '1.5',
        body: [
            { type: 'TextBlock', text: `${index + 1} / ${QUESTIONS.length} ✓`, isSubtle: true },
            { type: 'TextBlock', text: q.th, wrap: true },
            { type: 'TextBlock', text: answer, wrap: true },
        ],
    };
}

function invokeCard(card) {
    return { type: ActivityTypes.InvokeResponse, value: { status: StatusCodes.OK, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } } };
}

// The answer of a pressed card: the Action.Execute data (inputs merged in) of an invoke, or an Action.Submit value.
function answerOf(activity) {
    const value = activity.value || {};
    const data = (value.action && value.action.data) || value;
    return typeof data.answer === 'string' ? data.answer : undefined;
}

function askStep(index) {
    return async (step) => {
        if (index > 0) {
            const answer = answerOf(step.context.activity) ?? '';
            step.values.answers = { ...step.values.answers, [QUESTIONS[index - 1].id]: answer };
            if (step.context.activity.type === ActivityTypes.Invoke) {
                await step.context.sendActivity(invokeCard(answeredCard(index - 1, answer)));
            }
        } else {
            step.values.answers = (step.options && step.options.answers) || {};
        }
        if (index === QUESTIONS.length) {
            await step.context.sendActivity(MessageFactory.text('ขอบคุณค่ะ / Thank you'));
            return await step.endDialog(step.values.answers);
        }
        await step.context.sendActivity(MessageFactory.attachment(questionCard(index)));
        return Dialog.EndOfTurn;
    };
}

// WaterfallDialog only advances on message activities; a card's Action.Execute arrives as an invoke.
class CardWaterfallDialog extends WaterfallDialog {
    async continueDialog(dc) {
        if (dc.context.activity.type === ActivityTypes.Invoke) {
            return await this.resumeDialog(dc, DialogReason.continueCalled, dc.context.activity.value);
        }
        return await super.continueDialog(dc);
    }
}

function main() {
    const port = Number(process.env.PORT);
    const connectionString = process.env.STORAGE_CONNECTION_STRING;
    if (!port || !connectionString) {
        throw new Error('Set PORT and STORAGE_CONNECTION_STRING.');
    }
    const storage = new BlobsStorage(connectionString, process.env.STORAGE_CONTAINER || 'reference');
    const conversationState = new ConversationState(storage);
    const dialogState = conversationState.createProperty('dialogState');
    const dialogs = new DialogSet(dialogState);
    dialogs.add(new CardWaterfallDialog('lesson', QUESTIONS.map((_, i) => askStep(i)).concat([askStep(QUESTIONS.length)])));

    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
    adapter.onTurnError = async (context, error) => {
        console.error(`turn failed: ${error && error.message}`);
        if (context.activity.type === ActivityTypes.Invoke) {
            await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'ลองอีกครั้ง / Please try again' } } });
        } else {
            await context.sendActivity('ลองอีกครั้ง / Please try again');
        }
    };

    const logic = async (context) => {
        const activity = context.activity;
        if (activity.type !== ActivityTypes.Message && activity.type !== ActivityTypes.Invoke) {
            return;
        }
        const dc = await dialogs.createContext(context);
        const result = await dc.continueDialog();
        if (result.status === DialogTurnStatus.empty) {
            await dc.beginDialog('lesson', { answers: {} });
        }
        await conversationState.saveChanges(context, false);
    };

    const server = http.createServer((req, res) => {
        if (req.method === 'GET' && req.url === '/healthz') {
            res.writeHead(200).end('ok');
            return;
        }
        if (req.method !== 'POST' || req.url !== '/api/messages') {
            res.writeHead(404).end();
            return;
        }
        const chunks = [];
        req.on('data', (chunk) => chunks.push(chunk));
        req.on('end', () => {
            try {
                req.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
                res.writeHead(400).end();
                return;
            }
            // The restify/express-shaped response CloudAdapter.process expects.
            const response = {
                status: (code) => { res.statusCode = code; },
                header: (name, value) => res.setHeader(name, value),
                send: (body) => {
                    if (body !== undefined) {
                        res.setHeader('Content-Type', 'application/json; charset=utf-8');
                        res.write(typeof body === 'string' ? body : JSON.stringify(body));
                    }
                },
                end: () => res.end(),
                socket: req.socket,
            };
            adapter.process(req, response, logic).catch((error) => {
                console.error(`process failed: ${error && error.message}`);
                if (!res.writableEnded) {
                    res.statusCode = 500;
                    res.end();
                }
            });
        });
    });
    server.keepAliveTimeout = 300_000;
    server.listen(port, '127.0.0.1', 4096, () => console.log(`reference bot listening on 127.0.0.1:${port}`));
}

main();
