// Validates Adaptive Cards the way Microsoft's own renderer (npm `adaptivecards`) reads them, for a Teams
// host: schema target 1.5, Teams' limit of 6 actions. Reads a JSON array of card JSON *texts* on stdin
// (texts, so a card that is not even JSON is reported, not lost) and writes one JSON array on stdout:
//   [{ "index": 0, "issues": [{ "severity": "error"|"warning", "event": "...", "phase": "...",
//                                "message": "...", "source": "TextBlock#id" | "$.body[2].wieght" }] }]
// Errors: what the renderer rejects, drops or misreads (unknown element or action types, invalid property
// values, properties newer than 1.5, unsupported or missing version, duplicate ids, too many actions).
// Warnings: what it accepts but Teams users will miss (accessibility hints, unknown properties that are
// silently ignored, features Teams does not support).
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
// The package's lib/ is ES modules without file extensions, which Node cannot load; dist/ is the UMD bundle.
const AC = require("adaptivecards/dist/adaptivecards.js");

const TEAMS_TARGET_VERSION = AC.Versions.v1_5;
// Teams' host config shows at most six actions on a card; the rest are dropped.
const TEAMS_HOST_CONFIG = new AC.HostConfig({ supportsInteractivity: true, actions: { maxActions: 6 } });

const ERROR_EVENTS = new Set([
  "ActionTypeNotAllowed", "CollectionCantBeEmpty", "ElementTypeNotAllowed", "InteractivityNotAllowed",
  "InvalidPropertyValue", "MissingCardType", "PropertyCantBeNull", "TooManyActions", "UnknownActionType",
  "UnknownElementType", "UnsupportedCardVersion", "DuplicateId", "UnsupportedProperty", "Other",
]);

// Collections each type parses by hand (they are not in its property schema), plus `fallback` everywhere.
const COLLECTION_KEYS = {
  AdaptiveCard: ["body", "actions", "msteams"],
  Container: ["items"],
  Column: ["items"],
  TableCell: ["items"],
  ColumnSet: ["columns"],
  Table: ["rows"],
  TableRow: ["cells"],
  RichTextBlock: ["inlines"],
  ActionSet: ["actions"],
  FactSet: ["facts"],
  "Action.ShowCard": ["card"],
};
// Values that are the card author's own payload, never card structure.
const OPAQUE_KEYS = new Set(["data", "msteams", "metadata", "refresh", "authentication", "backgroundImage"]);

function schemaKeys(instance) {
  const schema = instance.getSchema();
  const keys = new Set();
  for (let i = 0; i < schema.getCount(); i++) keys.add(schema.getItemAt(i).name);
  return keys;
}

const knownKeysCache = new Map();
function knownKeys(typeName) {
  if (knownKeysCache.has(typeName)) return knownKeysCache.get(typeName);
  let instance;
  if (typeName === "AdaptiveCard") instance = new AC.AdaptiveCard();
  else if (typeName === "Column") instance = new AC.Column();
  else if (typeName === "TableRow") instance = new AC.TableRow();
  else if (typeName === "TableCell") instance = new AC.TableCell();
  else if (typeName === "Fact") instance = new AC.Fact();
  else if (typeName === "Choice") instance = new AC.Choice();
  else if (typeName === "TableColumnDefinition") instance = new AC.TableColumnDefinition();
  else {
    const registration = AC.GlobalRegistry.elements.findByName(typeName) ?? AC.GlobalRegistry.actions.findByName(typeName);
    if (registration) instance = new registration.objectType();
  }
  const keys = instance ? new Set([...schemaKeys(instance), ...(COLLECTION_KEYS[typeName] ?? []), "type", "fallback"]) : undefined;
  knownKeysCache.set(typeName, keys);
  return keys;
}

// Properties the renderer does not know are silently ignored: usually a typo that loses what the author meant.
function findUnknownProperties(node, path, typeHint, issues) {
  if (Array.isArray(node)) {
    node.forEach((item, i) => findUnknownProperties(item, `${path}[${i}]`, typeHint, issues));
    return;
  }
  if (node === null || typeof node !== "object") return;

  const typeName = typeof node.type === "string" ? node.type : typeHint;
  const keys = typeName ? knownKeys(typeName) : undefined;
  for (const [key, value] of Object.entries(node)) {
    if (keys && !keys.has(key)) {
      issues.push(issue("warning", "UnknownProperty", "Parse",
        `Property "${key}" is not part of ${typeName}: the renderer ignores it.`, `${path}.${key}`));
    }
    if (OPAQUE_KEYS.has(key)) continue;
    let childHint;
    if (key === "facts") childHint = "Fact";
    else if (key === "choices") childHint = "Choice";
    else if (key === "columns" && typeName === "Table") childHint = "TableColumnDefinition";
    findUnknownProperties(value, `${path}.${key}`, childHint, issues);
  }
}

// Documented as not supported in Teams (cards-reference): accepted by the renderer, lost in Teams.
function findTeamsUnsupported(node, path, issues) {
  if (Array.isArray(node)) {
    node.forEach((item, i) => findTeamsUnsupported(item, `${path}[${i}]`, issues));
    return;
  }
  if (node === null || typeof node !== "object") return;
  if (typeof node.type === "string" && node.type.startsWith("Action.")) {
    if (node.style === "positive" || node.style === "destructive") {
      issues.push(issue("warning", "NotSupportedInTeams", "Validation",
        `Action style "${node.style}" is not supported in Teams.`, `${path}.style`));
    }
    if (node.type === "Action.Submit" && "isEnabled" in node) {
      issues.push(issue("warning", "NotSupportedInTeams", "Validation",
        "isEnabled on Action.Submit is not supported in Teams.", `${path}.isEnabled`));
    }
  }
  for (const [key, value] of Object.entries(node)) {
    if (!OPAQUE_KEYS.has(key)) findTeamsUnsupported(value, `${path}.${key}`, issues);
  }
}

function issue(severity, event, phase, message, source) {
  return source === undefined ? { severity, event, phase, message } : { severity, event, phase, message, source };
}

function describeSource(source) {
  if (!source || typeof source.getJsonTypeName !== "function") return undefined;
  const type = source.getJsonTypeName();
  return source.id ? `${type}#${source.id}` : type;
}

function fromLibraryEvent(event) {
  const name = AC.ValidationEvent[event.event] ?? String(event.event);
  return issue(ERROR_EVENTS.has(name) ? "error" : "warning", name, AC.ValidationPhase[event.phase] ?? String(event.phase),
    event.message, describeSource(event.source));
}

function validate(text) {
  const issues = [];
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return [issue("error", "InvalidJson", "Parse", `Not JSON: ${error.message}`)];
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    return [issue("error", "NotAnObject", "Parse", "A card must be a JSON object.")];
  }
  if (json.version === undefined) {
    // The renderer silently assumes its latest version; Teams mobile does not render such cards at all.
    issues.push(issue("error", "MissingVersion", "Parse", "The card has no \"version\" (Teams needs one; use 1.5 or lower)."));
  }

  const context = new AC.SerializationContext(TEAMS_TARGET_VERSION);
  const card = new AC.AdaptiveCard();
  card.hostConfig = TEAMS_HOST_CONFIG;
  card.maxVersion = TEAMS_TARGET_VERSION;
  try {
    card.parse(json, context);
  } catch (error) {
    issues.push(issue("error", "ParserCrashed", "Parse", `The renderer threw while parsing: ${error.message}`));
    return issues;
  }
  for (let i = 0; i < context.eventCount; i++) issues.push(fromLibraryEvent(context.getEventAt(i)));
  for (const event of card.validateProperties().validationEvents) issues.push(fromLibraryEvent(event));

  findUnknownProperties(json, "$", "AdaptiveCard", issues);
  findTeamsUnsupported(json, "$", issues);
  return issues;
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

const input = JSON.parse(await readStdin());
if (!Array.isArray(input) || input.some((card) => typeof card !== "string")) {
  console.error("stdin must be a JSON array of strings, each the JSON text of one card");
  process.exit(2);
}
const results = input.map((text, index) => ({ index, issues: validate(text) }));
process.stdout.write(JSON.stringify(results));
