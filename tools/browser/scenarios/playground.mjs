// Steps shared by scenarios that drive the Agents Playground's web UI (selectors seen working on 0.2.28).

/** Opens the Playground and waits until the chat composer is ready (10–14 s on 2 busy cores). */
export async function openPlayground(page, url, tools) {
  tools.log(`goto ${url}`);
  await page.goto(url, { waitUntil: "domcontentloaded" });
  await composer(page).waitFor({ state: "visible" });
  tools.log("composer ready");
}

/** Picks a conversation in the left list: "Personal Chat", "Group Chat", "My Team - General", ... */
export async function openConversation(page, name, tools) {
  await page.getByRole("treeitem", { name }).click();
  await composer(page).waitFor({ state: "visible" });
  tools.log(`opened ${name}`);
}

export function composer(page) {
  return page.getByRole("textbox").last();
}

/**
 * Types into the chat composer (a Lexical editor) and sends with Enter. Right after the page installs the bot, the
 * composer sometimes clears on Enter without sending, or loses keys while it re-renders; so the send counts only
 * when the text shows once more in the page, and a lost message is typed again (at most three times).
 */
export async function sendMessage(page, text, tools) {
  const shown = page.getByText(text, { exact: true });
  for (let attempt = 1; ; attempt++) {
    const box = composer(page);
    await box.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("Backspace");
    // Counted with the composer empty, so only the page's own copies of the text count.
    const before = await shown.count();
    await page.keyboard.type(text);
    const typed = (await box.innerText()).trim();
    if (typed === text) {
      await page.keyboard.press("Enter");
      if (await sentAs(box, shown, before)) {
        tools.log(`sent "${text}"`);
        return;
      }
    }
    if (attempt === 3) throw new Error(`The Playground did not send "${text}" after three tries.`);
    tools.log(`"${text}" was not sent (the composer held "${typed}"); typing it again`);
  }
}

/** Sent: the composer is empty (so it no longer counts among the matches) and the text shows once more than before. */
async function sentAs(box, shown, before, timeoutMs = 10000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if ((await box.innerText()).trim() === "" && (await shown.count()) > before) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** Rendered Adaptive Cards (the Adaptive Cards JS renderer marks each root with .ac-adaptiveCard). */
export function adaptiveCards(page) {
  return page.locator(".ac-adaptiveCard");
}
