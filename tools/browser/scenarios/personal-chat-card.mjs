// Personal chat: send a message, wait for the bot's Adaptive Card (or text), optionally fill card inputs,
// press a card button by its title, wait for the card to change. Screenshots: "reply" and "final".
// params: { message, expectText, buttonTitle?, inputs?: { "<placeholder or label>": "value" }, expectAfterClick? }
import { adaptiveCards, openConversation, openPlayground, sendMessage } from "./playground.mjs";

export default async function personalChatCard(page, params, tools) {
  const { playgroundUrl, message, expectText, buttonTitle, inputs = {}, expectAfterClick } = params;
  if (!message || !expectText) throw new Error("params.message and params.expectText are required");

  await openPlayground(page, playgroundUrl, tools);
  await openConversation(page, "Personal Chat", tools);
  await sendMessage(page, message, tools);

  const card = adaptiveCards(page).filter({ hasText: expectText }).last();
  const text = page.getByRole("paragraph").filter({ hasText: expectText }).last();
  // A card's TextBlocks are paragraphs too: wait for either, then prefer the card.
  await card.or(text).first().waitFor({ state: "visible" });
  const replyIsCard = (await card.count()) > 0;
  const replyText = (await (replyIsCard ? card : text).innerText()).trim();
  tools.log(`bot replied with ${replyIsCard ? "a card" : "text"}`);
  await tools.screenshot(page, "reply");

  const result = { replyIsCard, replyText };
  if (!buttonTitle) return result;
  if (!replyIsCard) throw new Error(`The reply is not an Adaptive Card, so it has no "${buttonTitle}" button.`);

  for (const [field, value] of Object.entries(inputs)) {
    const input = card.getByPlaceholder(field).or(card.getByLabel(field)).first();
    await input.fill(value);
    tools.log(`filled "${field}"`);
  }

  await card.getByRole("button", { name: buttonTitle }).click();
  tools.log(`clicked "${buttonTitle}"`);
  if (expectAfterClick) {
    const changed = adaptiveCards(page).filter({ hasText: expectAfterClick }).last();
    await changed.waitFor({ state: "visible" });
    result.afterClickText = (await changed.innerText()).trim();
    tools.log("card changed");
  }
  await tools.screenshot(page, "final");
  return result;
}
