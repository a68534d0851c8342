// Opens an HTML file in headless Chromium through the DevTools protocol over a pipe (no port,
// no npm package) and reports, as one JSON object on standard output: every console message,
// error, failed load and network request the page caused; the geometry of the Gantt chart's
// marks as rendered; the same on a printed page's width; and it writes a screenshot at
// 1280x800 and the page printed to PDF.
//
// usage: node driver.mjs CHROMIUM FILE OUT_PREFIX
// writes OUT_PREFIX.png, OUT_PREFIX.pdf and OUT_PREFIX-print.png (the first printed page's
// area, for a person to look at)

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [chromium, file, prefix] = process.argv.slice(2);
if (!chromium || !file || !prefix) {
  process.stderr.write('usage: node driver.mjs CHROMIUM FILE OUT_PREFIX\n');
  process.exit(2);
}
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'khutta-chromium-'));
const child = spawn(chromium, [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-extensions', '--disable-default-apps', '--mute-audio', '--hide-scrollbars',
  `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank',
], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
let chromeErr = '';
child.stderr.on('data', (d) => { chromeErr += d; });

let exited = false;
function finish(code, report) {
  clearTimeout(guard);
  const end = () => {
    // The browser's helpers may still be closing their files in the profile: retry, and never
    // let a leftover temporary folder change the outcome.
    try { fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }); } catch {}
    if (report) process.stdout.write(JSON.stringify(report) + '\n');
    process.exit(code);
  };
  if (exited) return end();
  child.once('exit', end);
  try { child.kill('SIGKILL'); } catch { end(); }
}
// A guard against a browser that never answers, not a measure of speed.
const guard = setTimeout(() => {
  process.stderr.write(`chromium did not answer in 120 s\n${chromeErr}`);
  finish(3);
}, 120_000);
child.on('exit', (code) => {
  exited = true;
  if (!done) {
    process.stderr.write(`chromium exited (${code}) before the end\n${chromeErr}`);
    finish(4);
  }
});
let done = false;

const toChrome = child.stdio[3];
const fromChrome = child.stdio[4];
let nextId = 1;
const waiting = new Map();
const listeners = [];
let buffer = Buffer.alloc(0);
fromChrome.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  let end;
  while ((end = buffer.indexOf(0)) >= 0) {
    const msg = JSON.parse(buffer.subarray(0, end).toString('utf8'));
    buffer = buffer.subarray(end + 1);
    if (msg.id && waiting.has(msg.id)) {
      const { resolve, reject } = waiting.get(msg.id);
      waiting.delete(msg.id);
      if (msg.error) reject(new Error(`${JSON.stringify(msg.error)}`)); else resolve(msg.result);
    } else if (msg.method) {
      for (const l of listeners) l(msg);
    }
  }
});
function send(method, params = {}, sessionId) {
  const id = nextId++;
  const msg = { id, method, params };
  if (sessionId) msg.sessionId = sessionId;
  toChrome.write(JSON.stringify(msg) + '\0');
  return new Promise((resolve, reject) => waiting.set(id, { resolve, reject }));
}
function once(method) {
  return new Promise((resolve) => {
    const l = (msg) => {
      if (msg.method === method) {
        listeners.splice(listeners.indexOf(l), 1);
        resolve(msg.params);
      }
    };
    listeners.push(l);
  });
}

// Everything the page says or asks for.
const problems = [];
const requests = [];
listeners.push((msg) => {
  const p = msg.params || {};
  switch (msg.method) {
    case 'Runtime.consoleAPICalled':
      problems.push({ kind: `console.${p.type}`, text: (p.args || []).map((a) => a.value ?? a.description).join(' ') });
      break;
    case 'Runtime.exceptionThrown':
      problems.push({ kind: 'exception', text: p.exceptionDetails?.exception?.description ?? p.exceptionDetails?.text });
      break;
    case 'Log.entryAdded':
      if (p.entry.level === 'error' || p.entry.level === 'warning') {
        problems.push({ kind: `log.${p.entry.level}`, text: `${p.entry.source}: ${p.entry.text} ${p.entry.url ?? ''}` });
      }
      break;
    case 'Network.requestWillBeSent':
      requests.push(p.request.url);
      break;
    case 'Network.loadingFailed':
      problems.push({ kind: 'load-failed', text: `${p.errorText} ${p.blockedReason ?? ''}` });
      break;
  }
});

// What the page looks like to a reader: the chart's blocks and marks, as rendered.
const MEASURE = `(() => {
  const out = { lang: document.documentElement.lang, dir: document.documentElement.dir,
    viewport: document.documentElement.clientWidth, blocks: [], marks: [], today: [],
    title: document.title, text: document.body.innerText.length };
  for (const svg of document.querySelectorAll('svg.gantt')) {
    const r = svg.getBoundingClientRect();
    out.blocks.push({ ...svg.dataset, left: r.left, right: r.right, width: r.width, height: r.height,
      viewWidth: svg.viewBox.baseVal.width });
  }
  for (const el of document.querySelectorAll('svg.gantt [data-id]')) {
    const b = el.getBBox();
    const r = el.getBoundingClientRect();
    out.marks.push({ id: el.dataset.id, start: el.dataset.start, finish: el.dataset.finish,
      critical: el.dataset.critical === 'true', classes: el.getAttribute('class'), tag: el.tagName,
      x: b.x, y: b.y, width: b.width, height: b.height, left: r.left, right: r.right });
  }
  for (const el of document.querySelectorAll('svg.gantt line.today')) {
    const b = el.getBBox();
    out.today.push({ date: el.dataset.date, x: b.x });
  }
  return out;
})()`;

(async () => {
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  const s = (method, params) => send(method, params, sessionId);
  await s('Runtime.enable');
  await s('Log.enable');
  await s('Network.enable');
  await s('Page.enable');
  await s('Emulation.setDeviceMetricsOverride', { width: 1280, height: 800, deviceScaleFactor: 1, mobile: false });
  const loaded = once('Page.loadEventFired');
  await s('Page.navigate', { url: pathToFileURL(path.resolve(file)).href });
  await loaded;
  const screen = (await s('Runtime.evaluate', { expression: MEASURE, returnByValue: true })).result.value;
  const shot = await s('Page.captureScreenshot', { format: 'png' });
  fs.writeFileSync(`${prefix}.png`, Buffer.from(shot.data, 'base64'));
  // A4 landscape less 12 mm margins, in CSS pixels: 273 mm x 186 mm.
  await s('Emulation.setEmulatedMedia', { media: 'print' });
  await s('Emulation.setDeviceMetricsOverride', { width: 1031, height: 703, deviceScaleFactor: 1, mobile: false });
  const print = (await s('Runtime.evaluate', { expression: MEASURE, returnByValue: true })).result.value;
  const printed = await s('Page.captureScreenshot', { format: 'png' });
  fs.writeFileSync(`${prefix}-print.png`, Buffer.from(printed.data, 'base64'));
  await s('Emulation.setEmulatedMedia', { media: '' });
  const pdf = await s('Page.printToPDF', { printBackground: true, preferCSSPageSize: true });
  const bytes = Buffer.from(pdf.data, 'base64');
  fs.writeFileSync(`${prefix}.pdf`, bytes);
  done = true;
  // Closed politely, the browser exits by itself; `finish` kills it if it has not.
  await send('Browser.close').catch(() => {});
  await new Promise((resolve) => { if (exited) resolve(); else { child.once('exit', resolve); setTimeout(resolve, 5_000); } });
  finish(0, { problems, requests, screen, print, pdfBytes: bytes.length });
})().catch((e) => {
  process.stderr.write(`${e.stack}\n${chromeErr}`);
  finish(1);
});
