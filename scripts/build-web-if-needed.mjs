// Builds the web app (web/dist) when it is missing or older than its sources, so `npm start`
// and `npm test` work on a fresh clone without a separate build step.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'web/dist/index.html');
const sources = [path.join(root, 'web'), path.join(root, 'src/domain')];

function newest(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const e of fs.readdirSync(p)) {
    if (e === 'dist' || e === 'node_modules') continue;
    m = Math.max(m, newest(path.join(p, e)));
  }
  return m;
}

const force = process.argv.includes('--force');
if (!force && fs.existsSync(out) && fs.statSync(out).mtimeMs >= Math.max(...sources.map(newest))) {
  process.exit(0);
}
console.log('Đang build giao diện web (web/dist)…');
const vite = path.join(root, 'node_modules/vite/bin/vite.js');
const r = spawnSync(
  process.execPath,
  [vite, 'build', '--config', path.join(root, 'web/vite.config.ts'), '--logLevel', 'warn'],
  {
    stdio: 'inherit',
    cwd: root,
  },
);
process.exit(r.status ?? 1);
