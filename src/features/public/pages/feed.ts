/** /cong-khai/chuong-trinh/:id/thay-doi.atom: one Atom 1.0 entry per leaf of the program, newest first. */
import type { programFeed } from '../portal.service.js';
import { escapeHtml, PORTAL_NAME } from '../html.js';

type Feed = Awaited<ReturnType<typeof programFeed>>;

/** XML 1.0 text: escaped, without the characters XML cannot carry. */
const x = (s: string) =>
  escapeHtml(
    [...s]
      .filter((c) => {
        const n = c.codePointAt(0)!;
        return n === 9 || n === 10 || n === 13 || (n >= 32 && n !== 0xfffe && n !== 0xffff);
      })
      .join(''),
  );

/** The feed; `origin` makes the links absolute ("http://host"). */
export function atomFeed(f: Feed, origin: string, updated: Date): string {
  const self = `${origin}/cong-khai/chuong-trinh/${f.program.id}/thay-doi.atom`;
  const programUrl = `${origin}/cong-khai/chuong-trinh/${f.program.id}`;
  const last = f.entries[0]?.at ?? updated;
  const entries = f.entries.map((e) => {
    const link = e.s ? `${origin}/cong-khai/nhiem-vu/${e.s.task.id}` : programUrl;
    const verify = `${origin}/cong-khai/kiem-chung?leaf=${e.idx}`;
    const summary =
      e.s?.kind === 'progress'
        ? `${e.s.results ? e.s.results + ' — ' : ''}Sổ công khai, mục số ${e.idx}.`
        : `Sổ công khai, mục số ${e.idx}.`;
    return `  <entry>
    <title>${x(e.text)}</title>
    <id>tag:thucthi,2026:so-cong-khai:${e.hash}</id>
    <updated>${e.at.toISOString()}</updated>
    <link rel="alternate" type="text/html" href="${x(link)}"/>
    <link rel="related" type="text/html" href="${x(verify)}"/>
    <summary>${x(summary)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
  <title>${x(`Thay đổi: ${f.program.title}`)}</title>
  <subtitle>${x(`${f.program.source} — ${PORTAL_NAME}`)}</subtitle>
  <id>tag:thucthi,2026:chuong-trinh:${f.program.id}</id>
  <updated>${last.toISOString()}</updated>
  <author><name>${x(PORTAL_NAME)}</name></author>
  <link rel="self" type="application/atom+xml" href="${x(self)}"/>
  <link rel="alternate" type="text/html" href="${x(programUrl)}"/>
  <rights>${x('Dữ liệu mở, giấy phép CC BY 4.0 (ghi nguồn)')}</rights>
${entries.join('\n')}
</feed>
`;
}
