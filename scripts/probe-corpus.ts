import fs from 'node:fs';
import { parseDocument } from '../src/domain/importer/parse.js';
import { docxToTextSync } from '../src/domain/importer/docx.js';
import { buildSeedUnits } from '../src/domain/units.js';
import { coverageProblems } from '../src/domain/importer/lossless.js';
const units = buildSeedUnits(fs.readFileSync(new URL('../seed/hanoi-units.txt', import.meta.url), 'utf8'));
const dir = new URL('../fixtures/corpus/', import.meta.url).pathname;
const only = process.argv[2];
for (const f of fs
  .readdirSync(dir)
  .filter((f) => /^\d.*\.(docx|txt)$/.test(f) && (!only || f.startsWith(only)))) {
  const buf = fs.readFileSync(dir + f);
  const text = f.endsWith('.docx') ? docxToTextSync(new Uint8Array(buf)) : buf.toString('utf8');
  if (f.endsWith('.docx')) fs.writeFileSync('/tmp/' + f + '.txt', text);
  const d = parseDocument(text, { units });
  const p = d.program;
  console.log('=====', f);
  console.log({
    issuer: p.issuer,
    parent: p.parentIssuer,
    number: p.number,
    date: p.date,
    kind: p.docKind,
    title: p.title,
    wrapper: p.wrapper && {
      kind: p.wrapper.kind,
      number: p.wrapper.number,
      date: p.wrapper.date,
      title: p.wrapper.title,
    },
  });
  console.log('signer', d.signer && { ...d.signer, span: undefined }, 'recipients', d.recipients.length);
  console.log(
    'sections',
    d.sections.map((s) => `${s.label} ${s.title.slice(0, 50)} [${s.children.length}]`),
  );
  console.log(
    'tasks',
    d.tasks.length,
    'refs',
    d.references.length,
    d.references.map((r) => `${r.kind} ${r.number} ${r.date}`).join(' | '),
  );
  for (const t of d.tasks.slice(0, 400))
    if (process.argv[3])
      console.log(
        '  T',
        t.label,
        '|',
        t.text.slice(0, 60),
        '| L:',
        t.lead?.text,
        t.lead?.unitCodes,
        '| D:',
        t.deadline?.text,
      );
  console.log(
    'warnings',
    Object.entries(
      d.warnings.reduce((a: Record<string, number>, w) => ((a[w.code] = (a[w.code] ?? 0) + 1), a), {}),
    ),
  );
  console.log('coverage', coverageProblems(d).length);
}
