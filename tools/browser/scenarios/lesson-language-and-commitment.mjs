// Personal chat (issue 17): start in Thai, switch to English by typing, and check the open question card changed in
// place (one open card for question 1, no second one); then open the commitments question and add a commitment on its
// one card (what, who, by when) with "add another".
// Screenshots: "thai-question", "english-in-place", "commitment-card", "commitment-added".
// params: { start, thaiQuestion, switchCommand, englishQuestion, saveTitle, goToCommitments, commitmentQuestion,
//           fields: { "<label>": "value" }, addAnotherTitle, expectAfterAdd, editTitle }
// result: { openQuestionCards, englishText, commitmentText, afterAddText }
import { adaptiveCards, openConversation, openPlayground, sendMessage } from "./playground.mjs";

export default async function lessonLanguageAndCommitment(page, params, tools) {
  const { playgroundUrl, start, thaiQuestion, switchCommand, englishQuestion, saveTitle, goToCommitments,
    commitmentQuestion, fields = {}, addAnotherTitle, expectAfterAdd, editTitle } = params;
  for (const name of ["start", "thaiQuestion", "switchCommand", "englishQuestion", "saveTitle", "goToCommitments",
    "commitmentQuestion", "addAnotherTitle", "expectAfterAdd", "editTitle"]) {
    if (!params[name]) throw new Error(`params.${name} is required`);
  }

  await openPlayground(page, playgroundUrl, tools);
  await openConversation(page, "Personal Chat", tools);
  await sendMessage(page, start, tools);
  const thai = adaptiveCards(page).filter({ hasText: thaiQuestion }).filter({ has: page.getByRole("button") }).last();
  await thai.waitFor({ state: "visible" });
  tools.log("Thai question card rendered");
  await tools.screenshot(page, "thai-question");

  await sendMessage(page, switchCommand, tools);
  const english = adaptiveCards(page).filter({ hasText: englishQuestion }).filter({ has: page.getByRole("button", { name: saveTitle }) }).last();
  await english.waitFor({ state: "visible" });
  // Give a second card time to show up, if the bot (wrongly) sent one.
  await page.waitForTimeout(1500);
  const openQuestionCards = await adaptiveCards(page).filter({ hasText: englishQuestion }).filter({ has: page.getByRole("button", { name: saveTitle }) }).count();
  const englishText = (await english.innerText()).trim();
  tools.log(`open cards for the question after the switch: ${openQuestionCards}`);
  await tools.screenshot(page, "english-in-place");

  await sendMessage(page, goToCommitments, tools);
  const commitment = adaptiveCards(page).filter({ hasText: commitmentQuestion }).filter({ has: page.getByRole("button", { name: addAnotherTitle }) }).last();
  await commitment.waitFor({ state: "visible" });
  await commitment.scrollIntoViewIfNeeded();
  const commitmentText = (await commitment.innerText()).trim();
  tools.log("commitment card rendered");
  await tools.screenshot(page, "commitment-card");

  for (const [label, value] of Object.entries(fields)) {
    await commitment.getByLabel(label).first().fill(value);
    tools.log(`filled "${label}"`);
  }
  await commitment.getByRole("button", { name: addAnotherTitle }).click();
  tools.log(`clicked "${addAnotherTitle}"`);
  // The saved commitment shows as text with its own Edit button (the typed fields alone must not count).
  const after = adaptiveCards(page).filter({ hasText: expectAfterAdd })
    .filter({ has: page.getByRole("button", { name: editTitle, exact: true }) })
    .filter({ has: page.getByRole("button", { name: addAnotherTitle }) }).last();
  await after.waitFor({ state: "visible" });
  await after.scrollIntoViewIfNeeded();
  const afterAddText = (await after.innerText()).trim();
  tools.log("commitment saved on the same card");
  await tools.screenshot(page, "commitment-added");

  return { openQuestionCards, englishText, commitmentText, afterAddText };
}
