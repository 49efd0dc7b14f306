// Sums the .trx files of one test run and prints, as its LAST line, "N passed, N failed[, N skipped]".
// Exit status: 1 if any test failed (or a run crashed, passed in as the second argument) or no test ran.
// Usage: node trx-summary.mjs <results folder> [crashed runs]
import fs from "node:fs";
import path from "node:path";

const [folder, crashedArgument = "0"] = process.argv.slice(2);
if (!folder) {
  console.error("usage: node trx-summary.mjs <results folder> [crashed runs]");
  process.exit(2);
}

const crashed = Number.parseInt(crashedArgument, 10) || 0;
const files = fs.existsSync(folder)
  ? fs.readdirSync(folder, { recursive: true }).filter((f) => String(f).endsWith(".trx")).map((f) => path.join(folder, String(f)))
  : [];

const attribute = (tag, name) => {
  const match = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return match ? match[1] : undefined;
};
const decode = (text) =>
  text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
for (const file of files) {
  const xml = fs.readFileSync(file, "utf8");
  // Count the results themselves: the Counters element omits tests of a run that was aborted.
  for (const match of xml.matchAll(/<UnitTestResult\b[^>]*>/g)) {
    const outcome = attribute(match[0], "outcome");
    const name = decode(attribute(match[0], "testName") ?? "?");
    if (outcome === "Passed") passed++;
    else if (outcome === "NotExecuted" || outcome === "Inconclusive") skipped++;
    else {
      failed++;
      failures.push(`${path.basename(file, ".trx")}: ${name} (${outcome})`);
    }
  }
}

if (failures.length > 0) {
  console.log("Failed tests:");
  for (const failure of failures) console.log(`  ${failure}`);
}
console.log(`results: ${files.length} .trx file(s) in ${folder}`);
failed += crashed;
console.log(`${passed} passed, ${failed} failed` + (skipped > 0 ? `, ${skipped} skipped` : ""));
process.exit(failed > 0 || passed + failed === 0 ? 1 : 0);
