#!/usr/bin/env node
// Typst side of bench/pdf/run.sh. Compiles Typst sources to PDF with the typst.ts node compiler
// (Typst itself, as a napi addon), fonts from FONT_DIR (default: Debian's Noto CJK) only.
//   node compile.js OUT_DIR A.typ [B.typ ...]
// One compiler (fonts scanned once) for all inputs, like `budgetpress build -j1` on a directory.
// Before each compile the global memo cache is emptied (evictCache(0)), so every document is laid out
// from scratch (Typst's memoization would otherwise reuse the layout of near-identical copies);
// set KEEP_CACHE=1 to keep it. Prints one line: <n> <total compile ms> (fonts/startup excluded).
'use strict';
const fs = require('fs');
const path = require('path');
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');

const [outDir, ...inputs] = process.argv.slice(2);
if (!outDir || inputs.length === 0) {
  console.error('usage: compile.js OUT_DIR A.typ [B.typ ...]');
  process.exit(2);
}
const fontDir = process.env.FONT_DIR || '/usr/share/fonts/opentype/noto';
const epoch = Number(process.env.SOURCE_DATE_EPOCH || 0);
const compiler = NodeCompiler.create({ workspace: path.dirname(path.resolve(inputs[0])), fontArgs: [{ fontPaths: [fontDir] }] });
fs.mkdirSync(outDir, { recursive: true });
let total = 0n;
for (const input of inputs) {
  if (!process.env.KEEP_CACHE) compiler.evictCache(0);
  const t0 = process.hrtime.bigint();
  const result = compiler.compile({ mainFileContent: fs.readFileSync(input, 'utf8') });
  if (result.hasError() || !result.result) {
    console.error(`${input}: typst compile failed`);
    result.printErrors();
    process.exit(1);
  }
  const pdf = compiler.pdf(result.result, { pdfTags: process.env.PDF_TAGS === '1', creationTimestamp: epoch || undefined });
  total += process.hrtime.bigint() - t0;
  fs.writeFileSync(path.join(outDir, path.basename(input, '.typ') + '.pdf'), pdf);
}
console.log(`${inputs.length} ${Number(total / 1000n) / 1000}`);
