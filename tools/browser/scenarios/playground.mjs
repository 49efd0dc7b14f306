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

/** Types into the chat composer (a Lexical editor) and sends with Enter. */
export async function sendMessage(page, text, tools) {
  const box = composer(page);
  await box.click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
  tools.log(`sent "${text}"`);
}

/** Rendered Adaptive Cards (the Adaptive Cards JS renderer marks each root with .ac-adaptiveCard). */
export function adaptiveCards(page) {
  return page.locator(".ac-adaptiveCard");
}
