// Validates an unpacked Teams app package against Microsoft's JSON schemas for its manifest version,
// as shipped by npm @microsoft/app-manifest (pinned in tools/package.json; never fetched at run time).
//   node validate-app-package.mjs <folder with manifest.json> <tools folder with node_modules>
// Prints {"manifestVersion", "schema", "errors": {"manifest.json": [...], "<localization file>": [...]}}
// and exits 0 when every file is valid, 1 when any is not, 2 when it cannot run.
import { createRequire } from "node:module";
import { readFile, access } from "node:fs/promises";
import path from "node:path";

function fail(message) {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}

const [packageFolder, toolsFolder] = process.argv.slice(2);
if (!packageFolder || !toolsFolder) {
  fail("usage: node validate-app-package.mjs <package folder> <tools folder>");
}

const require = createRequire(path.join(path.resolve(toolsFolder), "package.json"));
let appManifest;
try {
  appManifest = require("@microsoft/app-manifest");
} catch (e) {
  fail(`@microsoft/app-manifest is not installed under ${toolsFolder} (run npm ci there): ${e.message}`);
}
const { AppManifestUtils } = appManifest;
const packageRoot = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));
const schemaRoot = path.join(packageRoot, "build", "json-schemas", "teams");

// The localization schema's patternProperties use \b and a lone "]", which JavaScript rejects in
// unicode mode, and AppManifestUtils compiles with ajv's default unicode regexps. So localization
// files go through the same ajv (draft-04, the same formats) that the package uses, minus that flag.
const requireFromPackage = createRequire(path.join(packageRoot, "package.json"));
const AjvDraft04 = requireFromPackage("ajv-draft-04");
const addFormats = requireFromPackage("ajv-formats");
function validateWithoutUnicodeRegExp(document, schema) {
  const ajv = new AjvDraft04({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ["uri", "email", "regex"]);
  const validate = ajv.compile(schema);
  return validate(document)
    ? []
    : validate.errors.map((error) => `${error.instancePath} ${error.message ?? ""}. Details: ${JSON.stringify(error.params)}`);
}

async function readJson(file) {
  try {
    return JSON.parse(await readFile(file, "utf8"));
  } catch (e) {
    fail(`cannot read ${file} as JSON: ${e.message}`);
  }
}

async function schemaFor(version, name) {
  const file = path.join(schemaRoot, `v${version}`, name);
  try {
    await access(file);
  } catch {
    fail(`@microsoft/app-manifest ships no ${name} for manifest version ${version} (looked in ${file})`);
  }
  return readJson(file);
}

const manifest = await readJson(path.join(packageFolder, "manifest.json"));
const version = manifest.manifestVersion;
if (typeof version !== "string" || !/^1\.[0-9]+$/.test(version)) {
  fail(`manifest.json has no numbered manifestVersion (got ${JSON.stringify(version)})`);
}

const errors = {};
errors["manifest.json"] = await AppManifestUtils.validateAgainstSchema(manifest, await schemaFor(version, "MicrosoftTeams.schema.json"));
const expectedSchemaUrl = `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`;
if (manifest.$schema !== expectedSchemaUrl) {
  errors["manifest.json"].push(`/$schema should be ${expectedSchemaUrl} to match manifestVersion ${version}, got ${manifest.$schema}`);
}

const localizationSchema = await schemaFor(version, "MicrosoftTeams.Localization.schema.json");
const localizationUrl = `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.Localization.schema.json`;
const info = manifest.localizationInfo ?? {};
const localizationFiles = [
  ...(info.defaultLanguageFile ? [info.defaultLanguageFile] : []),
  ...(info.additionalLanguages ?? []).map((language) => language.file),
];
for (const file of localizationFiles) {
  const strings = await readJson(path.join(packageFolder, file));
  const fileErrors = validateWithoutUnicodeRegExp(strings, localizationSchema);
  if (strings.$schema !== localizationUrl) {
    fileErrors.push(`/$schema should be ${localizationUrl}, got ${strings.$schema}`);
  }
  errors[file] = fileErrors;
}

process.stdout.write(JSON.stringify({ manifestVersion: version, schema: path.join(schemaRoot, `v${version}`), errors }, null, 2) + "\n");
process.exit(Object.values(errors).some((list) => list.length > 0) ? 1 : 0);
