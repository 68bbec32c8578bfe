// Times the npm dockerfile-ast parser over the same corpus the Java benchmark parses.
// usage: node parse-corpus.js DIR [warmupRounds=5] [rounds=10]
// Files are read into memory first; only DockerfileParser.parse() is timed (as in the JMH benchmark).
'use strict';
const fs = require('fs');
const path = require('path');
const { DockerfileParser } = require('dockerfile-ast');

function walk(dir, out) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out); else if (!e.name.endsWith('.dockerignore')) out.push(p);
  }
  return out;
}

const dir = process.argv[2];
const warmup = Number(process.argv[3] || 5);
const rounds = Number(process.argv[4] || 10);
const files = walk(dir, []);
const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);

function parseAll() {
  let n = 0;
  for (const t of texts) n += DockerfileParser.parse(t).getInstructions().length;
  return n;
}
let instructions = 0;
for (let i = 0; i < warmup; i++) instructions = parseAll();
const times = [];
for (let i = 0; i < rounds; i++) {
  const t0 = process.hrtime.bigint();
  parseAll();
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
const mean = times.reduce((a, b) => a + b, 0) / times.length;
const best = Math.min(...times);
console.log(JSON.stringify({ parser: 'dockerfile-ast', node: process.version, files: files.length,
  bytes, instructions, meanMs: +mean.toFixed(1), bestMs: +best.toFixed(1),
  mbPerS: +(bytes / 1e6 / (mean / 1000)).toFixed(2) }));
