// Launches Debian's Chromium through playwright-core, headless, locked to loopback: DNS for every other
// host fails (--host-resolver-rules) and every request to another host is aborted (route), so a test can
// never reach the internet (the Playground's page asks a CDN for fonts; it works without them).
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export function findChromium() {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (fs.existsSync(configured)) return configured;
    throw new Error(`CHROMIUM_PATH=${configured} does not exist.`);
  }
  for (const directory of (process.env.PATH ?? "").split(path.delimiter)) {
    for (const name of ["chromium", "chromium-browser"]) {
      const candidate = path.join(directory, name);
      if (directory && fs.existsSync(candidate)) return candidate;
    }
  }
  throw new Error("Chromium is not installed (no `chromium` on PATH): apt-get install chromium (scripts/test.sh does, as root).");
}

export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
      "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
  const blocked = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === "data:" || url.protocol === "blob:" || LOOPBACK_HOSTS.has(url.hostname)) return route.continue();
    blocked.push(url.origin);
    return route.abort("blockedbyclient");
  });
  return { browser, context, blocked };
}
