// The driver behind `bash scripts/run.sh --demo`: seeds a workshop in the Agents Playground's team channel with a few
// simulated participants, through the bot's /api/messages (local mode: no authentication), so a facilitator sees
// progress, a summary, a vote and a report within a minute. No dependencies: Node 20's fetch and http.
//
//   node scripts/demo/demo-driver.mjs --bot http://127.0.0.1:3978 --playground http://127.0.0.1:28150
//
// The facilitator is the Playground's own user; the workshop is created with a press of the set-up card's Create
// (as the Playground's user, in its team's General channel) and the bot posts the kickoff card there. The simulated
// participants are the Playground's other users: they join from the kickoff card and answer the questions in their
// 1:1 chats, which this driver plays itself (a tiny connector on 127.0.0.1 that accepts what the bot sends them), so
// the Playground shows only the channel. Three submit; one stops halfway (for "remind those who have not finished").
// The facilitator's commands (progress, summary, report) are posted through the Playground, so they show in the
// channel too. The driver keeps its connector running until it is stopped (reminders still reach it).
import http from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const bot = (args.bot ?? 'http://127.0.0.1:3978').replace(/\/$/, '');
const playground = (args.playground ?? 'http://127.0.0.1:28150').replace(/\/$/, '');
const playgroundConnector = `${playground}/_connector`;

const log = (line) => console.log(`demo: ${line}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- The simulated participants' answers (Thai, as workshop participants write) ----------------------------------
const texts = {
  2: ['เครือข่ายอาสาสมัครในตำบลช่วยค้นหาผู้ตกหล่นจากสวัสดิการ', 'ศูนย์ช่วยเหลือสังคมระดับอำเภอทำงานร่วมกับ อปท.', 'ฐานข้อมูลผู้มีสิทธิ์ที่หน่วยงานใช้ร่วมกันในจังหวัดนำร่อง', 'การเยี่ยมบ้านร่วมกันของ อสม. และนักพัฒนาสังคม'],
  3: ['ข้อมูลกระจัดกระจายหลายหน่วยงาน', 'งบประมาณท้องถิ่นไม่พอ', 'ขั้นตอนการขอรับสิทธิ์ซับซ้อน', 'บุคลากรในพื้นที่มีน้อย'],
  4: ['เชื่อมฐานข้อมูลผู้มีสิทธิ์กลาง ให้ทุกหน่วยงานใช้ร่วมกัน', 'ฐานข้อมูลผู้มีสิทธิ์กลางที่ทุกกระทรวงเชื่อมกันได้', 'องค์กรปกครองส่วนท้องถิ่นควรได้งบประมาณมากขึ้น', 'เพิ่มงบให้ อปท. เพราะใกล้ชิดประชาชน'],
  6: ['จัดสรรภาษีท้องถิ่นบางส่วนเข้ากองทุนสวัสดิการชุมชน', 'ร่วมลงทุนระหว่างรัฐและภาคเอกชนผ่าน CSR', 'กองทุนสวัสดิการชุมชนสมทบสามฝ่าย', 'ปรับงบประมาณตามฐานข้อมูลความยากจน'],
  7: ['บูรณาการแผนระดับจังหวัด', 'ตั้งเป้าหมายความคุ้มครองถ้วนหน้า', 'ทบทวนเกณฑ์สิทธิ์ทุกสามปี', 'ใช้ข้อมูลเชิงพื้นที่วางแผน'],
  8: ['คณะกรรมการร่วมระดับจังหวัด', 'เวทีภาคีทุกไตรมาส', 'ระบบติดตามผลออนไลน์', 'ผู้ประสานงานประจำตำบล'],
};
const commitmentTexts = ['จัดเวทีภาคีเครือข่ายระดับจังหวัด', 'สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด'];

function inTwoMonths() {
  const d = new Date(Date.now() + 60 * 24 * 3600 * 1000);
  return d.toISOString().slice(0, 10);
}

// ---- A tiny connector for the participants' 1:1 chats ----------------------------------------------------------
const chats = new Map(); // conversation id -> cards the bot sent, oldest first
let nextId = 1;
const sink = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    const path = new URL(req.url, 'http://x').pathname;
    const reply = (status, json) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(json ?? {})); };
    if (req.method === 'POST' && /\/v3\/conversations\/?$/.test(path)) {
      const parameters = body ? JSON.parse(body) : {};
      return reply(201, { id: `a:demo-${parameters.members?.[0]?.id ?? randomUUID()}` });
    }
    const match = /\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (match && (req.method === 'POST' || req.method === 'PUT')) {
      const conversation = decodeURIComponent(match[1]);
      const activity = body ? JSON.parse(body) : {};
      const cards = (activity.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content);
      if (!chats.has(conversation)) chats.set(conversation, []);
      chats.get(conversation).push(...cards);
      return reply(req.method === 'POST' ? 201 : 200, { id: match[2] ?? `demo-${nextId++}` });
    }
    reply(200, {});
  });
});
await new Promise((resolve) => sink.listen(0, '127.0.0.1', resolve));
const sinkUrl = `http://127.0.0.1:${sink.address().port}/`;

// ---- Talking to the bot and to the Playground -------------------------------------------------------------------
const config = (await (await fetch(`${playground}/_internal/v1/testConfig`)).json()).config;
const team = config.teams[0];
const channelId = team.id; // General: the channel id is the team id
const facilitator = config.currentUser;
const participants = config.users.slice(0, 4);

async function toBot(activity) {
  const response = await fetch(`${bot}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const text = await response.text();
  if (!response.ok) throw new Error(`the bot answered ${response.status} to a ${activity.type}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

function base(user, type, conversation, serviceUrl) {
  return {
    type, id: `demo-${randomUUID()}`, timestamp: new Date().toISOString(), channelId: 'msteams', serviceUrl, locale: 'th-TH',
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: config.bot.id, name: config.bot.name },
    conversation, channelData: { tenant: { id: config.tenantId } },
  };
}

function channelInvoke(user, verb, data, serviceUrl) {
  const root = `${Date.now()}`;
  const activity = base(user, 'invoke', { id: `${channelId};messageid=${root}`, conversationType: 'channel', isGroup: true, tenantId: config.tenantId }, serviceUrl);
  activity.channelData = { tenant: { id: config.tenantId }, team: { id: team.id, name: team.name }, channel: { id: channelId } };
  activity.name = 'adaptiveCard/action';
  activity.replyToId = root;
  activity.value = { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' };
  return toBot(activity);
}

function personalInvoke(user, conversationId, verb, data) {
  const activity = base(user, 'invoke', { id: conversationId, conversationType: 'personal', tenantId: config.tenantId }, sinkUrl);
  activity.name = 'adaptiveCard/action';
  activity.replyToId = 'demo-card';
  activity.value = { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' };
  return toBot(activity);
}

async function facilitatorSays(command) {
  const mention = `<at>${config.bot.name}</at>`;
  const response = await fetch(`${playground}/_conversation/v1/conversations/${encodeURIComponent(channelId)}/messages`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: { id: facilitator.id }, text: `${mention} ${command}`, textFormat: 'plain', mentions: [{ mentioned: { id: config.bot.id }, text: mention }] }),
  });
  if (!response.ok) throw new Error(`the Playground refused the post "${command}": ${response.status}`);
}

// ---- Reading cards ------------------------------------------------------------------------------------------------
function* walk(node) {
  if (Array.isArray(node)) { for (const item of node) yield* walk(item); return; }
  if (node && typeof node === 'object') {
    yield node;
    for (const [key, value] of Object.entries(node)) if (key !== 'refresh' && key !== 'fallback') yield* walk(value);
  }
}
const action = (card, verb) => [...walk(card)].find((e) => e.type === 'Action.Execute' && e.verb === verb);
const cardText = (card) => [...walk(card)].filter((e) => e.type === 'TextBlock' || e.type === 'TextRun').map((e) => e.text).join('\n');

function fill(card, person) {
  const inputs = {};
  const number = Number(/(\d+)\s*\/\s*\d+/.exec(cardText(card))?.[1] ?? 0);
  for (const input of [...walk(card)].filter((e) => typeof e.type === 'string' && e.type.startsWith('Input.') && e.id)) {
    if (input.type === 'Input.ChoiceSet') {
      const values = (input.choices ?? []).map((c) => c.value);
      inputs[input.id] = input.isMultiSelect ? values.filter((_, i) => (i + person) % 2 === 0).slice(0, 2).join(',') : values[(person + 1) % values.length] ?? '';
    } else if (input.type === 'Input.Date') {
      inputs[input.id] = inTwoMonths();
    } else if (input.type === 'Input.Number') {
      inputs[input.id] = String(3 + (person % 3));
    } else if (/org/i.test(input.id)) {
      inputs[input.id] = commitmentTexts[1];
    } else if (texts[number]) {
      inputs[input.id] = texts[number][person % texts[number].length];
    } else {
      inputs[input.id] = commitmentTexts[0];
    }
  }
  return inputs;
}

async function answerAll(user, person, conversationId, stopAfter) {
  let added = false;
  let answered = 0;
  for (let step = 0; step < 40; step++) {
    const received = chats.get(conversationId) ?? [];
    const card = received.at(-1);
    if (!card) { await sleep(200); continue; }
    let verb; let data;
    if (action(card, 'lesson.submit')) {
      verb = 'lesson.submit'; data = { ...action(card, verb).data };
    } else if (action(card, 'lesson.commitment.add') && !added) {
      verb = 'lesson.commitment.add'; data = { ...action(card, verb).data }; added = true;
    } else if (action(card, 'lesson.answer')) {
      if (answered >= stopAfter) return false;
      verb = 'lesson.answer'; data = { ...action(card, verb).data, ...fill(card, person) }; answered++;
    } else {
      return false;
    }
    const before = received.length;
    const response = await personalInvoke(user, conversationId, verb, data);
    if (verb === 'lesson.submit') return true;
    if ((chats.get(conversationId) ?? []).length === before && response?.type === 'application/vnd.microsoft.card.adaptive') {
      chats.get(conversationId).push(response.value);
    }
  }
  return false;
}

// ---- The demo ------------------------------------------------------------------------------------------------------
// The Playground's page shows only what arrives while it shows the conversation: wait until it opens the team's General
// channel (it then installs the bot there, which its log stream reports), unless told to start at once (--now yes).
if (args.now !== 'yes') {
  if (typeof WebSocket === 'undefined') throw new Error('this Node.js has no WebSocket: run it with --experimental-websocket (Node 20) or use Node 22');
  log(`waiting for you to open "${team.name} - General" in the Playground (${playground}/) ...`);
  await new Promise((resolve, reject) => {
    const socket = new WebSocket(`${playground.replace(/^http/, 'ws')}/_ws/log/stream`);
    socket.onmessage = (event) => {
      try {
        const entry = JSON.parse(String(event.data)).log ?? {};
        if (/^(installationUpdate|conversationUpdate)$/.test(entry.activityName ?? '') && (entry.conversationId ?? '').startsWith(channelId)) {
          socket.close();
          resolve();
        }
      } catch {
        // Not a log entry we know: keep listening.
      }
    };
    socket.onerror = () => reject(new Error('the Playground\'s log stream could not be opened'));
  });
  await sleep(2000); // let the page finish loading the channel
}
const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
const workshopId = [...randomBytes(10)].map((b) => alphabet[b % 32]).join('');
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date());
log(`creating workshop ${workshopId} in the Playground's team channel as ${facilitator.name}`);
const created = await channelInvoke(facilitator, 'workshop.create', {
  workshopId, title: 'เวิร์กชอปทดลอง ถอดบทเรียนการคุ้มครองทางสังคม (demo)', date: today,
  groups: 'กลุ่มนโยบาย\nกลุ่มกลไกขับเคลื่อน', visibility: 'named', questionSet: '',
}, playgroundConnector);
if (created?.statusCode && created.statusCode !== 200) throw new Error(`the workshop was not created: ${JSON.stringify(created).slice(0, 300)}`);

const results = await Promise.all(participants.map(async (user, person) => {
  const group = person % 2 === 0 ? 'g1' : 'g2';
  const joined = await channelInvoke(user, 'workshop.join', { workshopId, group }, sinkUrl);
  if (joined?.type === 'application/vnd.microsoft.error') throw new Error(`${user.name} could not join: ${joined.value?.message}`);
  const conversationId = `a:demo-${user.id}`;
  const submitted = await answerAll(user, person, conversationId, person === participants.length - 1 ? 4 : 1000);
  log(`${user.name} (${group}) ${submitted ? 'submitted' : 'stopped halfway'}`);
  return submitted;
}));
log(`${results.filter(Boolean).length} of ${participants.length} participants submitted`);

await facilitatorSays('progress');
await sleep(1500);
await facilitatorSays('summary');
await sleep(4000);
await facilitatorSays('report');
log('ready');

// Stay up: reminders and cards for the simulated participants keep arriving here until run.sh stops us.
process.on('SIGTERM', () => { sink.close(); process.exit(0); });
process.on('SIGINT', () => { sink.close(); process.exit(0); });
