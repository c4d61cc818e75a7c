// pdf.js (a reader that did not write the file) on a tagged PDF: every page's text lies in marked
// content that is either an artifact or referenced by the structure tree; the text under the tree,
// in tree order, equals the page text in content (reading) order; headings and tables are listed.
// Usage: node check_struct.mjs [tables] FILE.pdf…  (one process for all files: Node and pdf.js
// start once) → per file a line "OK FILE: summary" or "FAIL FILE: …" lines; exit 1 when any
// file failed. `tables`: each file must also list a table with TH and TD.
import { readFileSync } from "node:fs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const squash = (s) => s.replace(/\s+/g, "");
const args = process.argv.slice(2);
const tables = args.includes("tables");
let anyFailed = false;
for (const file of args.filter((a) => a !== "tables")) {
  const failures = await checkFile(file).catch((e) => [`cannot read: ${e}`]);
  anyFailed ||= failures.length > 0;
}
process.exit(anyFailed ? 1 : 0);

// Checks one file; prints its summary and failures; returns the failures.
async function checkFile(file) {
const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
const failures = [];
const roles = new Map();
let headings = [];

for (let n = 1; n <= doc.numPages; ++n) {
  const page = await doc.getPage(n);
  const tc = await page.getTextContent({ includeMarkedContent: true });
  // Text of each marked-content id, page text in content order (artifacts left out).
  const byId = new Map();
  const stack = [];
  let pageText = "";
  for (const it of tc.items) {
    if (it.type === "beginMarkedContentProps" || it.type === "beginMarkedContent") {
      stack.push(it);
    } else if (it.type === "endMarkedContent") {
      stack.pop();
    } else if (typeof it.str === "string") {
      if (squash(it.str) === "") continue;
      const artifact = stack.some((m) => m.tag === "Artifact");
      const owner = [...stack].reverse().find((m) => m.id);
      if (artifact) continue;
      if (!owner) {
        failures.push(`page ${n}: text outside marked content: ${it.str}`);
        continue;
      }
      byId.set(owner.id, (byId.get(owner.id) ?? "") + it.str);
      pageText += it.str;
    }
  }
  // The tree's text on this page, in tree order.
  const tree = await page.getStructTree();
  if (!tree) {
    failures.push(`page ${n}: no structure tree`);
    continue;
  }
  let treeText = "";
  const seen = new Set();
  const walk = (node, path) => {
    if (node.type === "content") {
      seen.add(node.id);
      treeText += byId.get(node.id) ?? "";
      return;
    }
    if (node.role) {
      roles.set(node.role, (roles.get(node.role) ?? 0) + 1);
      if (/^H[1-6]$/.test(node.role)) {
        let t = "";
        const collect = (k) => (k.type === "content" ? (t += byId.get(k.id) ?? "") : (k.children ?? []).forEach(collect));
        collect(node);
        if (t) headings.push(`${node.role} ${t.trim()}`);
      }
    }
    for (const k of node.children ?? []) walk(k, path);
  };
  walk(tree, "");
  for (const id of byId.keys())
    if (!seen.has(id)) failures.push(`page ${n}: marked content ${id} is not in the structure tree`);
  if (squash(treeText) !== squash(pageText)) {
    const a = squash(treeText), b = squash(pageText);
    let i = 0;
    while (i < a.length && a[i] === b[i]) ++i;
    failures.push(`page ${n}: tree text differs from page text at ${i}: tree «${a.slice(i, i + 30)}» page «${b.slice(i, i + 30)}»`);
  }
}

const count = (r) => roles.get(r) ?? 0;
if (headings.length === 0) failures.push("getStructTree lists no headings");
if (!headings.some((h) => h.startsWith("H1 "))) failures.push("no H1");
if (tables && (count("Table") === 0 || count("TH") === 0 || count("TD") === 0))
  failures.push("getStructTree lists no table with TH and TD");
await doc.destroy();
if (failures.length === 0)
  console.log(`OK ${file}: pages ${doc.numPages}; headings ${headings.length} (${headings[0] ?? ""}); ` +
              `Table ${count("Table")} TH ${count("TH")} TD ${count("TD")} TOCI ${count("TOCI")} L ${count("L")} LI ${count("LI")}`);
for (const f of failures.slice(0, 20)) console.log(`FAIL ${file}: ${f}`);
return failures;
}
