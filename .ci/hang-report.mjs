// Prints the gist of the Node diagnostic reports in a folder (see watchdog.sh): per process its
// command line, JavaScript stack, and the handles keeping its event loop alive; the same per worker.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
if (files.length === 0) console.log('== no Node process answered (an event loop blocked in a synchronous call cannot)');

function show(report, indent) {
  const stack = report.javascriptStack ?? {};
  console.log(`${indent}stack: ${stack.message || '(idle)'}`);
  for (const line of (stack.stack ?? []).slice(0, 15)) console.log(`${indent}  ${line}`);
  const handles = (report.libuv ?? []).filter((h) => h.is_active && h.is_referenced);
  const count = {};
  for (const h of handles) count[h.type] = (count[h.type] ?? 0) + 1;
  console.log(`${indent}active handles: ${JSON.stringify(count)}`);
  for (const w of report.workers ?? []) {
    console.log(`${indent}worker thread ${w.header?.threadId ?? ''}:`);
    show(w, `${indent}  `);
  }
}

for (const f of files) {
  const report = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
  console.log(`== ${f}: pid ${report.header?.processId}: ${(report.header?.commandLine ?? []).join(' ')}`);
  show(report, '   ');
}
