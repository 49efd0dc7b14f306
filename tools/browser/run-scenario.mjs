// Runs one browser scenario against an Agents Playground and reports on stdout, as one JSON line:
//   {"ok":true,"result":{...},"screenshots":[...],"steps":[...]}  or  {"ok":false,"error":"...",...}
// Input on stdin: {"playgroundUrl":"http://127.0.0.1:<port>/","screenshotDirectory":"...","name":"...",
//                  "timeoutMs":120000,"params":{...}}. Progress goes to stderr. Exit 0 = ok, 1 = failed, 2 = usage.
// A scenario is tools/browser/scenarios/<name>.mjs exporting `default async function (page, params, tools)`.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { launchBrowser } from "./driver.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const scenarioName = process.argv[2];
if (!scenarioName || !/^[a-z0-9-]+$/.test(scenarioName)) {
  console.error("usage: node run-scenario.mjs <scenario-name>  (input JSON on stdin)");
  process.exit(2);
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const started = Date.now();
const steps = [];
const screenshots = [];
const log = (step) => {
  const entry = { atMs: Date.now() - started, step };
  steps.push(entry);
  console.error(`[${(entry.atMs / 1000).toFixed(1)} s] ${step}`);
};

fs.mkdirSync(input.screenshotDirectory, { recursive: true });
const tools = {
  log,
  async screenshot(page, label) {
    const file = path.join(input.screenshotDirectory, `${input.name}-${label}.png`);
    await page.screenshot({ path: file, fullPage: false });
    screenshots.push(file);
    log(`screenshot ${file}`);
    return file;
  },
};

let browser;
let page;
// The whole scenario has a deadline: a stuck page must not hold the test run.
const deadline = setTimeout(() => {
  finish({ ok: false, error: `scenario ${scenarioName} timed out after ${input.timeoutMs} ms` }, 1);
}, input.timeoutMs ?? 120000);

async function finish(report, code) {
  clearTimeout(deadline);
  if (!report.ok && page) {
    try {
      await tools.screenshot(page, "failure");
    } catch {
      // The page may be gone; the error says what happened.
    }
  }
  try {
    await browser?.close();
  } catch {
    // Closing a crashed browser can fail; we exit anyway.
  }
  process.stdout.write(JSON.stringify({ ...report, scenario: scenarioName, screenshots, steps }) + "\n");
  process.exit(code);
}

try {
  const { default: scenario } = await import(pathToFileURL(path.join(here, "scenarios", `${scenarioName}.mjs`)).href);
  log("launching chromium");
  const launched = await launchBrowser();
  browser = launched.browser;
  page = await launched.context.newPage();
  page.setDefaultTimeout(input.stepTimeoutMs ?? 60000);
  page.on("pageerror", (error) => log(`page error: ${error.message}`));
  const result = await scenario(page, { ...input.params, playgroundUrl: input.playgroundUrl }, tools);
  await finish({ ok: true, result: { ...result, blockedOrigins: [...new Set(launched.blocked)] } }, 0);
} catch (error) {
  await finish({ ok: false, error: String(error?.stack ?? error) }, 1);
}
