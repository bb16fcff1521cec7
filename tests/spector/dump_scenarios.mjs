// Writes every Spector scenario definition as JSON (stdout), so the Python driver can read them.
// Usage: node dump_scenarios.mjs <http-specs package dir> <server base URL> [<request base URL>]
// Each dist/specs/**/mockapi.js exports `Scenarios` (name -> {passCondition, code?, keys?, apis}).
// Values the mock server computes at run time (`dyn` templates, json() resolvers) are expanded
// with the server's base URL; Buffers become {"$bytes": base64}. Some definitions hold the text
// PLACEHOLDER_BASE_URL where their handler answers with the request's own base URL (the Host the
// client sent): it is replaced with the request base URL.
import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";

const [packageDir, baseUrl, requestBaseUrl = baseUrl] = process.argv.slice(2);
if (!packageDir || !baseUrl) {
  process.stderr.write("usage: node dump_scenarios.mjs HTTP_SPECS_DIR BASE_URL\n");
  process.exit(2);
}
const specsRoot = join(packageDir, "dist", "specs");
const config = { baseUrl };

function mockapiFiles(dir) {
  const found = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...mockapiFiles(path));
    else if (entry === "mockapi.js") found.push(path);
  }
  return found;
}

function plain(value) {
  if (value === undefined || value === null) return value ?? null;
  if (typeof value === "string") return value.replaceAll("PLACEHOLDER_BASE_URL", requestBaseUrl);
  if (Buffer.isBuffer(value)) return { $bytes: value.toString("base64") };
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString("base64") };
  if (typeof value === "function") {
    if (value.isDyn) return value(config);
    return { $function: true };
  }
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === "object") {
    if (typeof value.serialize === "function") return { $serialized: value.serialize(config) };
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

function api(definition) {
  return {
    uri: definition.uri,
    method: definition.method,
    request: plain(definition.request ?? {}),
    response: plain(definition.response ?? {}),
    has_handler: typeof definition.handler === "function",
  };
}

// Scenarios whose mockapi checks the request only in handler code (no `request.body`): the body
// that handler accepts, transcribed from it by hand, so that the client is still called and
// the handler still judges what it sent.
const { pngFile } = await import(pathToFileURL(join(specsRoot, "helper.js")).href);
const png = (fieldname, originalname) => ({
  fieldname,
  originalname,
  mimetype: "image/png",
  buffer: pngFile,
});
const HANDLER_CHECKED_BODIES = {
  Payload_MultiPart_FormData_File_uploadFileSpecificContentType: {
    files: [png("file", "image.png")],
  },
  Payload_MultiPart_FormData_File_uploadFileRequiredFilename: {
    files: [png("file", "image.png")],
  },
  Payload_MultiPart_FormData_File_uploadFileArray: {
    files: [png("files", "image.png"), png("files", "image.png")],
  },
};

function transcribed(name, apis) {
  const body = HANDLER_CHECKED_BODIES[name];
  if (!body || apis.length !== 1 || apis[0].request.body) return apis;
  const request = {
    ...apis[0].request,
    body: plain({ kind: "multipart", contentType: "multipart/form-data", parts: {}, ...body }),
  };
  return [{ ...apis[0], request, transcribed: true }];
}

const scenarios = [];
for (const file of mockapiFiles(specsRoot)) {
  const area = relative(specsRoot, file).split(sep).slice(0, -1).join("/");
  const module = await import(pathToFileURL(file).href);
  for (const [name, scenario] of Object.entries(module.Scenarios ?? {})) {
    scenarios.push({
      name,
      spec: area,
      pass_condition: scenario.passCondition,
      code: scenario.code ?? null,
      keys: scenario.keys ?? null,
      apis: transcribed(name, (scenario.apis ?? []).map(api)),
    });
  }
}
process.stdout.write(JSON.stringify(scenarios, null, 1));
