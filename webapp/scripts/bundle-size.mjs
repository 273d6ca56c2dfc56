// Prints the first-load JavaScript (the entry chunk and what index.html preloads), gzipped, and fails the build
// above the budget of issue 10 (300 kB).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../target/dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const firstLoad = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const gz = (f) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1) + ' kB';
let total = 0;
for (const f of firstLoad) {
  const n = gz(f);
  total += n;
  console.log(`first load  ${f}  ${kb(n)} gzipped`);
}
const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
const lazy = all.filter((f) => !firstLoad.includes('assets/' + f));
for (const f of lazy) console.log(`lazy        assets/${f}  ${kb(gz('assets/' + f))} gzipped`);
console.log(`FIRST-LOAD JS: ${kb(total)} gzipped (budget 300 kB)`);
if (total > 300 * 1024) {
  console.error('first-load JavaScript is over the 300 kB budget');
  process.exit(1);
}
