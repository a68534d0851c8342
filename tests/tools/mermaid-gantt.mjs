// Parses a Mermaid diagram with Mermaid's own parser and prints its Gantt tasks as JSON:
// `node mermaid-gantt.mjs FILE`, with MERMAID_PREFIX the npm prefix that holds `mermaid` and
// `jsdom` (scripts/test installs them). Mermaid wants a DOM even to parse, so jsdom stands in.
// Exit 1 with Mermaid's message when the text does not parse.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
const prefix = process.env.MERMAID_PREFIX;
const require = createRequire(path.join(prefix, 'package.json'));
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import(require.resolve('mermaid'));
const text = readFileSync(process.argv[2], 'utf8');
try {
  await mermaid.parse(text);
  const d = await mermaid.mermaidAPI.getDiagramFromText(text);
  const tasks = d.db.getTasks().map(t => ({id: t.id, task: t.task, section: t.section, start: t.startTime.toISOString(), end: t.endTime.toISOString(), classes: t.classes, crit: t.crit, done: t.done, active: t.active, milestone: t.milestone}));
  console.log(JSON.stringify(tasks));
} catch (e) {
  console.error(String(e && e.message || e));
  process.exit(1);
}
