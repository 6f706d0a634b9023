#!/usr/bin/env node
// Checks the server's OpenAPI document (resources/openapi.json).
//
//   node validate.mjs <openapi.json> [<routes.txt>]
//
// 1. The document is valid OpenAPI 3.1 (@seriousme/openapi-schema-validator: the official schemas,
//    and every $ref resolves); the validator's errors are printed.
// 2. It is consistent: unique operationIds; every {param} of a path is declared as a path
//    parameter and every path parameter appears in the path; every operation answers some 2xx and
//    documents 413 (the body limit is checked before routing); every 4xx is the Error schema and
//    every error response is JSON; info.version is a plain version string; every example (schema,
//    media type, parameter) is valid against its schema (Ajv, JSON Schema 2020-12).
// 3. With <routes.txt> (one "METHOD /path/{param}" per line, as the server's router knows them;
//    blank lines and lines starting with # are ignored): every route is documented and every
//    documented operation is a route.
//
// Exit status: 0 when everything holds, 1 naming each problem, 2 for bad usage or missing packages.
// The packages (tests/openapi/package.json) are looked up in node_modules beside this file, in the
// current directory, or in $WF_OPENAPI_VALIDATOR_DIR (a directory holding node_modules).

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const DOC_ID = "urn:wf:openapi";

function usage(message) {
  if (message) console.error(`validate.mjs: ${message}`);
  console.error("usage: node validate.mjs <openapi.json> [<routes.txt>]");
  process.exit(2);
}

async function load(specifier) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const bases = [process.env.WF_OPENAPI_VALIDATOR_DIR, here, process.cwd()].filter(Boolean);
  for (const base of bases) {
    try {
      const resolved = createRequire(path.join(path.resolve(base), "noop.js")).resolve(specifier);
      return await import(pathToFileURL(resolved).href);
    } catch (error) {
      if (error.code !== "MODULE_NOT_FOUND") throw error;
    }
  }
  console.error(`validate.mjs: cannot find the package ${specifier}; run "npm ci" (tests/openapi/package.json) in the `
    + `directory of this script, or point WF_OPENAPI_VALIDATOR_DIR at a directory whose node_modules has it (looked in: ${bases.join(", ")})`);
  process.exit(2);
}

function readText(file, what) {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    usage(`cannot read the ${what} ${file}: ${error.message}`);
  }
}

// JSON pointer of a path of keys, as a URI fragment.
function pointer(keys) {
  return "/" + keys.map((key) => encodeURIComponent(String(key).replaceAll("~", "~0").replaceAll("/", "~1"))).join("/");
}

function resolveLocal(doc, ref) {
  if (typeof ref !== "string" || !ref.startsWith("#/")) return undefined;
  let node = doc;
  for (const raw of ref.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    if (node === null || typeof node !== "object" || !(key in node)) return undefined;
    node = node[key];
  }
  return node;
}

// Follows $ref chains of non-schema objects (parameters, responses, request bodies).
function deref(doc, object) {
  const seen = new Set();
  while (object && typeof object === "object" && typeof object.$ref === "string") {
    if (seen.has(object.$ref)) return undefined;
    seen.add(object.$ref);
    object = resolveLocal(doc, object.$ref);
  }
  return object;
}

function operationsOf(doc) {
  const operations = [];
  for (const [route, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      if (item?.[method]) operations.push({ route, method, item, operation: item[method] });
    }
  }
  return operations;
}

function checkConsistency(doc, problems) {
  if (!/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(String(doc.info?.version))) {
    problems.push(`info.version ${JSON.stringify(doc.info?.version)} is not a plain version string such as "1.2.3"`);
  }
  const errorRef = "#/components/schemas/Error";
  if (!resolveLocal(doc, errorRef)) problems.push("components.schemas.Error is missing");
  const operationIds = new Map();
  for (const { route, method, item, operation } of operationsOf(doc)) {
    const where = `${method.toUpperCase()} ${route}`;
    if (!operation.operationId) {
      problems.push(`${where}: no operationId`);
    } else if (operationIds.has(operation.operationId)) {
      problems.push(`${where}: operationId ${operation.operationId} is also used by ${operationIds.get(operation.operationId)}`);
    } else {
      operationIds.set(operation.operationId, where);
    }

    const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) => deref(doc, p));
    const inTemplate = [...route.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
    const declared = parameters.filter((p) => p?.in === "path").map((p) => p.name);
    for (const name of inTemplate) {
      if (!declared.includes(name)) problems.push(`${where}: path parameter {${name}} is not declared`);
    }
    for (const name of declared) {
      if (!inTemplate.includes(name)) problems.push(`${where}: path parameter ${name} is not in the path`);
    }

    const responses = operation.responses ?? {};
    const statuses = Object.keys(responses);
    if (!statuses.some((status) => /^2(\d\d|XX)$/.test(status))) problems.push(`${where}: no 2xx response`);
    if (!statuses.includes("413")) problems.push(`${where}: 413 (body too large) is not documented`);
    for (const status of statuses) {
      if (!/^[45]/.test(status)) continue;
      const response = deref(doc, responses[status]);
      const media = response?.content?.["application/json"];
      if (!media?.schema) {
        problems.push(`${where}: ${status} has no application/json schema`);
      } else if (status.startsWith("4") && media.schema.$ref !== errorRef) {
        problems.push(`${where}: ${status} is not the Error schema ({"detail": string})`);
      }
    }
  }
}

async function checkExamples(doc, problems) {
  const { default: Ajv2020 } = await load("ajv/dist/2020.js");
  const formats = await load("ajv-formats");
  const addFormats = formats.default?.default ?? formats.default;
  // OpenAPI's own keywords (discriminator, example, xml, externalDocs) are no JSON Schema keywords.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc, DOC_ID);

  const compiled = new Map();
  const validatorAt = (keys) => {
    const ref = `${DOC_ID}#${pointer(keys)}`;
    if (!compiled.has(ref)) compiled.set(ref, ajv.compile({ $ref: ref }));
    return compiled.get(ref);
  };
  let checked = 0;
  const check = (keys, value, where) => {
    let validate;
    try {
      validate = validatorAt(keys);
    } catch (error) {
      problems.push(`${where}: its schema does not compile: ${error.message}`);
      return;
    }
    checked += 1;
    if (!validate(value)) {
      const reasons = validate.errors.map((e) => `${e.instancePath || "(root)"} ${e.message}`).join("; ");
      problems.push(`${where}: the example does not match its schema: ${reasons}`);
    }
  };

  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    const keys = ["components", "schemas", name];
    if ("example" in schema) check(keys, schema.example, `components.schemas.${name}.example`);
    (schema.examples ?? []).forEach((value, i) => check(keys, value, `components.schemas.${name}.examples[${i}]`));
  }
  // Media types, parameters and headers anywhere in paths and components.
  const visit = (node, keys) => {
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      node.forEach((child, i) => visit(child, [...keys, i]));
      return;
    }
    const isSchemaPlace = keys.at(-1) === "schema" || keys.at(-2) === "schemas";
    if (isSchemaPlace) return;
    if (node.schema && typeof node.schema === "object" && !("$ref" in node && Object.keys(node).length === 1)) {
      const where = keys.join(".");
      if ("example" in node) check([...keys, "schema"], node.example, `${where}.example`);
      for (const [name, example] of Object.entries(node.examples ?? {})) {
        const value = deref(doc, example);
        if (value && "value" in value) check([...keys, "schema"], value.value, `${where}.examples.${name}`);
      }
    }
    for (const [key, child] of Object.entries(node)) visit(child, [...keys, key]);
  };
  visit(doc.paths, ["paths"]);
  visit(doc.components, ["components"]);
  return checked;
}

function readRoutes(file, problems) {
  const routes = new Set();
  readText(file, "route list").split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith("#")) return;
    const match = /^([A-Za-z]+)\s+(\/\S*)$/.exec(line);
    if (!match) {
      problems.push(`${file}:${index + 1}: not "METHOD /path": ${JSON.stringify(raw)}`);
      return;
    }
    let route = match[2];
    while (route.length > 1 && route.endsWith("/")) route = route.slice(0, -1);
    routes.add(`${match[1].toUpperCase()} ${route}`);
  });
  return routes;
}

function checkRoutes(doc, file, problems) {
  const known = readRoutes(file, problems);
  const documented = new Set(operationsOf(doc).map(({ route, method }) => `${method.toUpperCase()} ${route}`));
  const missing = [...known].filter((route) => !documented.has(route)).sort();
  const unknown = [...documented].filter((route) => !known.has(route)).sort();
  for (const route of missing) problems.push(`route not in the document: ${route}`);
  for (const route of unknown) problems.push(`documented operation the router does not have: ${route}`);
  return known.size;
}

async function main() {
  const [docFile, routesFile, ...rest] = process.argv.slice(2);
  if (!docFile || rest.length) usage();
  const text = readText(docFile, "document");
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    console.error(`${docFile}: not valid JSON: ${error.message}`);
    process.exit(1);
  }

  const { Validator } = await load("@seriousme/openapi-schema-validator");
  const validator = new Validator();
  const result = await validator.validate(doc);
  if (!result.valid) {
    console.error(`${docFile}: not a valid OpenAPI document:`);
    console.error(typeof result.errors === "string" ? result.errors : JSON.stringify(result.errors, null, 2));
    process.exit(1);
  }
  const problems = [];
  if (validator.version !== "3.1") problems.push(`openapi is ${JSON.stringify(doc.openapi)}; expected 3.1.x`);
  checkConsistency(doc, problems);
  const examples = await checkExamples(doc, problems);
  const operations = operationsOf(doc).length;
  let routes;
  if (routesFile) routes = checkRoutes(doc, routesFile, problems);

  if (problems.length) {
    console.error(`${docFile}: ${problems.length} problem(s):`);
    for (const problem of problems) console.error(`  - ${problem}`);
    process.exit(1);
  }
  console.log(`${docFile}: valid OpenAPI ${doc.openapi}, ${operations} operations, ${examples} examples match their schemas`
    + (routesFile ? `; the ${routes} routes of ${routesFile} are exactly the documented operations` : ""));
}

main().catch((error) => {
  console.error(`validate.mjs: ${error.stack ?? error}`);
  process.exit(1);
});
