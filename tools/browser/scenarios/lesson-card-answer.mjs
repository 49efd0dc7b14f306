// Personal chat: send a message, wait for the bot's question card, pick a choice and/or fill inputs, press the
// card's button, then wait until that card has turned into its answered form and the next question card has arrived.
// Screenshots: "question" (the card as it arrived) and "final" (answered card and next question).
// params: { message, expectText, choose?: "<choice label>", inputs?: { "<placeholder or label>": "value" },
//           buttonTitle, expectAfterClick: ["<text the changed card shows>", ...], expectNext: "<text of the next card>" }
// result: { questionText, answeredText, nextText }
import { adaptiveCards, openConversation, openPlayground, sendMessage } from "./playground.mjs";

export default async function lessonCardAnswer(page, params, tools) {
  const { playgroundUrl, message, expectText, choose, inputs = {}, buttonTitle, expectAfterClick = [], expectNext } = params;
  if (!message || !expectText || !buttonTitle || !expectNext || expectAfterClick.length === 0) {
    throw new Error("params.message, expectText, buttonTitle, expectAfterClick and expectNext are required");
  }

  await openPlayground(page, playgroundUrl, tools);
  await openConversation(page, "Personal Chat", tools);
  await sendMessage(page, message, tools);

  // The question card: it shows the question and still has its button.
  const card = adaptiveCards(page)
    .filter({ hasText: expectText })
    .filter({ has: page.getByRole("button", { name: buttonTitle }) })
    .last();
  await card.waitFor({ state: "visible" });
  const questionText = (await card.innerText()).trim();
  tools.log("question card rendered");
  await tools.screenshot(page, "question");

  if (choose) {
    await card.getByRole("radio", { name: choose, exact: true }).or(card.getByLabel(choose, { exact: true })).first().check();
    tools.log(`chose "${choose}"`);
  }
  for (const [field, value] of Object.entries(inputs)) {
    await card.getByPlaceholder(field).or(card.getByLabel(field)).first().fill(value);
    tools.log(`filled "${field}"`);
  }
  await card.getByRole("button", { name: buttonTitle }).click();
  tools.log(`clicked "${buttonTitle}"`);

  let answered = adaptiveCards(page);
  for (const text of expectAfterClick) answered = answered.filter({ hasText: text });
  answered = answered.last();
  await answered.waitFor({ state: "visible" });
  const answeredText = (await answered.innerText()).trim();
  tools.log("card changed to its answered form");

  const next = adaptiveCards(page).filter({ hasText: expectNext }).last();
  await next.waitFor({ state: "visible" });
  await next.scrollIntoViewIfNeeded();
  const nextText = (await next.innerText()).trim();
  tools.log("next question arrived");
  await tools.screenshot(page, "final");

  return { questionText, answeredText, nextText };
}
