/**
 * `/cong-khai/kiem-chung`: the public log's verify page. With `?leaf=N` it shows the leaf's statement
 * in plain Vietnamese, its hash, its inclusion proof and the signed checkpoint, and the result of
 * verifying them on the server (works without JavaScript); the script `/cong-khai/kiem-chung.js`
 * (same origin, allowed by `script-src 'self'`, nothing loaded from elsewhere) then verifies again in
 * the reader's browser with WebCrypto: the Merkle path with SHA-256, and the Ed25519 signature where
 * the browser supports it. With `?checkpoint=<an old signed checkpoint>` it checks that the current
 * tree extends it. Without either, the two forms.
 */
import { Type, type Static } from '@sinclair/typebox';
import { html, page, type Html } from '../public/html.js';
import { parseLeaf } from '../../domain/transparency/statements.js';
import {
  checkConsistency,
  checkInclusion,
  describeStatement,
  openTlogCheckpoint,
} from '../../domain/transparency/verify.js';
import { verifierKey } from '../../domain/signed-note.js';
import { formatDateTimeVN } from '../../domain/format.js';
import { AppError } from '../../errors.js';
import type { Deps } from '../deps.js';
import type { LogCheckpoint } from '../../contract/public.js';
import { consistency, latestCheckpoint, leafWithProof, loadTree } from './log.service.js';

export const VerifyPageQuery = Type.Object(
  {
    leaf: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })),
    checkpoint: Type.Optional(Type.String({ maxLength: 8000 })),
  },
  { additionalProperties: false },
);
export type VerifyPageQuery = Static<typeof VerifyPageQuery>;

const hex = (b64: string) => Buffer.from(b64, 'base64').toString('hex');

function outcome(id: string, ok: boolean, text: string): Html {
  return html`<p id="${id}" class="${ok ? 'ok' : 'late'}" role="status" style="overflow-wrap:anywhere">
    <strong>${ok ? '✔ Hợp lệ' : '✘ Không hợp lệ'}:</strong> ${text}
  </p>`;
}

function checkpointBlock(cp: LogCheckpoint, title: string): Html {
  return html`<h3>${title}</h3>
    <p>
      ${cp.size} lá; gốc Merkle (SHA-256, hex): <code>${cp.rootHash}</code>; ký lúc
      ${formatDateTimeVN(new Date(cp.signedAt))}.
    </p>
    <pre aria-label="Điểm kiểm chứng đã ký">${cp.note}</pre>`;
}

async function leafSection(deps: Deps, idx: number): Promise<Html> {
  let leaf;
  try {
    leaf = await leafWithProof(deps, idx);
  } catch (e) {
    if (e instanceof AppError && e.code === 'PUBLIC_NOT_FOUND')
      return html`<h2>Lá số ${idx}</h2>
        <p class="late" role="status">Sổ công khai không có lá số ${idx}.</p>`;
    throw e;
  }
  const content = parseLeaf(leaf.leaf);
  const facts = content ? describeStatement(content.statement) : [];
  let server: Html;
  if (!leaf.proof || !leaf.checkpoint) {
    server = html`<p id="ket-qua-may-chu" class="wait" role="status">
      Chưa có điểm kiểm chứng: ${leaf.reason ?? ''}
    </p>`;
  } else if (!deps.publicLog) {
    server = html`<p id="ket-qua-may-chu" class="wait" role="status">
      Máy chủ chưa được cấu hình khóa ký nên không tự kiểm tra chữ ký.
    </p>`;
  } else {
    const opened = openTlogCheckpoint(leaf.checkpoint.note, deps.publicLog.key, deps.publicLog.origin);
    if (!opened.ok) server = outcome('ket-qua-may-chu', false, opened.reason);
    else {
      const inc = checkInclusion(leaf.leaf, leaf.index, leaf.proof, opened.checkpoint);
      server = inc.ok
        ? outcome(
            'ket-qua-may-chu',
            true,
            `chữ ký của điểm kiểm chứng đúng, và lá số ${leaf.index} nằm trong cây ${opened.checkpoint.size} lá mà điểm kiểm chứng cam kết.`,
          )
        : outcome('ket-qua-may-chu', false, inc.reason);
    }
  }
  return html`<h2>Lá số ${leaf.index}</h2>
    ${
      facts.length
        ? html`<dl class="facts">
            ${facts.map(
              (f) =>
                html`<dt>${f.label}</dt>
                  <dd>${f.value}</dd>`,
            )}
          </dl>`
        : html`<p class="late">Không đọc được nội dung lá (định dạng không biết).</p>`
    }
    <p class="small muted">
      Ghi vào sổ lúc
      ${formatDateTimeVN(new Date(leaf.at))}${
        content ? html`, theo sự kiện nhật ký số ${content.auditSeq}` : ''
      }.
    </p>
    <h3>Nội dung lá (đúng từng byte)</h3>
    <pre id="noi-dung-la">${leaf.leaf}</pre>
    <h3>Mã băm của lá</h3>
    <p>SHA-256(0x00 ‖ nội dung lá), hex: <code>${leaf.hash}</code></p>
    <h3>Bằng chứng thuộc cây</h3>
    ${
      leaf.proof
        ? html`<p>Đường kiểm chứng trong cây ${leaf.proof.treeSize} lá (RFC 9162 §2.1.3), từ lá lên gốc:</p>
            ${
              leaf.proof.hashes.length
                ? html`<ol class="hashes">
                    ${leaf.proof.hashes.map((h) => html`<li><code>${hex(h)}</code></li>`)}
                  </ol>`
                : html`<p>(Cây chỉ có một lá: không cần mã băm nào.)</p>`
            }`
        : html`<p>${leaf.reason ?? ''}</p>`
    }
    ${leaf.checkpoint ? checkpointBlock(leaf.checkpoint, 'Điểm kiểm chứng') : ''}
    <h3>Kết quả kiểm chứng</h3>
    ${server}
    <div id="kiem-chung-trinh-duyet" data-leaf="${leaf.index}" style="overflow-wrap:anywhere">
      <p id="ket-qua-trinh-duyet" class="wait" aria-live="polite">
        Trình duyệt của bạn chưa kiểm chứng (cần bật JavaScript); kết quả trên là của máy chủ.
      </p>
      <p id="chu-ky-trinh-duyet" class="small muted" aria-live="polite"></p>
    </div>`;
}

async function consistencySection(deps: Deps, text: string): Promise<Html> {
  const note = text.replace(/\r\n/gu, '\n').trim() + '\n';
  const title = html`<h2>Kiểm tra điểm kiểm chứng đã lưu</h2>`;
  if (!deps.publicLog)
    return html`${title}
      <p class="wait" role="status">Máy chủ chưa được cấu hình khóa ký.</p>`;
  const old = openTlogCheckpoint(note, deps.publicLog.key, deps.publicLog.origin);
  if (!old.ok)
    return html`${title}${outcome('ket-qua-nhat-quan', false, `điểm kiểm chứng bạn dán vào: ${old.reason}`)}`;
  const latest = await latestCheckpoint(deps.db);
  if (!latest)
    return html`${title}
      <p class="wait" role="status">Chưa có điểm kiểm chứng hiện tại.</p>`;
  const now = openTlogCheckpoint(latest.note, deps.publicLog.key, deps.publicLog.origin);
  if (!now.ok)
    return html`${title}${outcome('ket-qua-nhat-quan', false, `điểm kiểm chứng hiện tại: ${now.reason}`)}`;
  let hashes: string[] = [];
  let verdict;
  if (old.checkpoint.size > now.checkpoint.size) {
    verdict = checkConsistency(old.checkpoint, now.checkpoint, []);
  } else {
    try {
      hashes = (await consistency(deps, old.checkpoint.size, now.checkpoint.size)).hashes;
      verdict = checkConsistency(old.checkpoint, now.checkpoint, hashes);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      verdict = { ok: false as const, reason: e.message };
    }
  }
  return html`${title}
    <p>
      Điểm kiểm chứng đã lưu: ${old.checkpoint.size} lá, gốc <code>${old.checkpoint.rootHash}</code> (chữ ký
      đúng).
    </p>
    ${checkpointBlock(latest, 'Điểm kiểm chứng hiện tại')}
    ${
      hashes.length
        ? html`<p>Bằng chứng nhất quán (RFC 9162 §2.1.4):</p>
            <ol class="hashes">
              ${hashes.map((h) => html`<li><code>${hex(h)}</code></li>`)}
            </ol>`
        : ''
    }
    ${
      verdict.ok
        ? outcome(
            'ket-qua-nhat-quan',
            true,
            `cây hiện tại (${now.checkpoint.size} lá) mở rộng đúng cây bạn đã lưu (${old.checkpoint.size} lá): không lá nào đã ký bị sửa hay xóa.`,
          )
        : outcome('ket-qua-nhat-quan', false, verdict.reason)
    }`;
}

function forms(q: VerifyPageQuery): Html {
  return html`<h2>Kiểm chứng một lá</h2>
    <form class="search" method="get" action="/cong-khai/kiem-chung">
      <label for="leaf">Số thứ tự lá</label>
      <input
        id="leaf"
        name="leaf"
        type="number"
        min="0"
        step="1"
        inputmode="numeric"
        value="${q.leaf ?? ''}"
      />
      <button type="submit">Kiểm chứng</button>
    </form>
    <h2>Kiểm tra sổ không bị viết lại</h2>
    <form method="get" action="/cong-khai/kiem-chung">
      <p>
        <label for="checkpoint">Dán một điểm kiểm chứng bạn đã lưu trước đây (cả phần chữ ký):</label>
      </p>
      <textarea
        id="checkpoint"
        name="checkpoint"
        rows="6"
        cols="60"
        style="width:100%;font:14px ui-monospace,monospace"
      >
${q.checkpoint ?? ''}</textarea>
      <p><button type="submit">Kiểm tra tính nhất quán</button></p>
    </form>`;
}

export async function verifyPage(deps: Deps, q: VerifyPageQuery): Promise<string> {
  const latest = await latestCheckpoint(deps.db);
  const { tree, problem } = await loadTree(deps.db);
  const parts: Html[] = [];
  parts.push(
    html`<p>
        Mọi nội dung công khai (chương trình được công khai, tiến độ đã được chấp nhận, tệp minh chứng, văn
        bản công bố) được ghi thành các <em>lá</em> của một sổ chỉ-ghi-thêm, tổ chức như cây Merkle (RFC
        6962/9162, như Certificate Transparency). Định kỳ, cổng ký số một <em>điểm kiểm chứng</em> (số lá và
        mã băm gốc) theo định dạng C2SP tlog-checkpoint, chữ ký Ed25519. Ai giữ một điểm kiểm chứng cũ đều có
        thể kiểm tra sau này rằng không nội dung nào đã ký bị sửa hay xóa.
      </p>
      <div class="source">
        ${
          latest
            ? html`Điểm kiểm chứng hiện tại: <strong>${latest.size}</strong> lá, ký lúc
                ${formatDateTimeVN(new Date(latest.signedAt))}.`
            : 'Chưa có điểm kiểm chứng đã ký.'
        }
        Sổ hiện có ${tree.size} lá.
        ${
          deps.publicLog
            ? html`<br />Khóa kiểm tra chữ ký:
                <code id="khoa-kiem-tra">${verifierKey(deps.publicLog.key)}</code>`
            : ''
        }
        <br /><a href="/api/public/log/checkpoint">Tải điểm kiểm chứng (văn bản)</a> ·
        <a href="/api/public/log/key">Tải khóa kiểm tra</a> · <a href="/api/public/log">JSON</a>
      </div>
      ${problem ? html`<p class="late" role="alert">Sổ công khai có lỗi toàn vẹn: ${problem.message}</p>` : ''}`,
  );
  if (q.leaf !== undefined) parts.push(await leafSection(deps, q.leaf));
  if (q.checkpoint?.trim()) parts.push(await consistencySection(deps, q.checkpoint));
  parts.push(forms(q));
  parts.push(
    html`<h2>Tự kiểm chứng bằng dòng lệnh</h2>
      <p>
        Khóa kiểm tra nên được lấy từ một nguồn độc lập (văn bản công bố của cơ quan), không chỉ từ trang này.
        Sau đó chạy:
      </p>
      <pre>thucthi kiem-chung --url ${'<địa chỉ cổng>'} --key ${'<khóa kiểm tra>'} --leaf ${q.leaf ?? 0}</pre>
      <p>
        hoặc lưu lại điểm kiểm chứng hôm nay rồi sau này chạy
        <code>thucthi kiem-chung --url … --key … --checkpoint diem-kiem-chung-cu.txt</code>.
      </p>`,
  );
  return page({
    title: q.leaf !== undefined ? `Kiểm chứng lá số ${q.leaf}` : 'Kiểm chứng sổ công khai',
    heading: 'Kiểm chứng sổ công khai',
    description: 'Kiểm chứng rằng nội dung công khai nằm trong sổ có chữ ký số và chưa bị viết lại.',
    crumbs: [{ label: 'Cổng công khai', href: '/cong-khai' }, { label: 'Kiểm chứng' }],
    alternates: [{ href: '/api/public/log', type: 'application/json', title: 'Sổ công khai (JSON)' }],
    body: html`${parts}`,
    tail: html`<script src="/cong-khai/kiem-chung.js" defer></script>`,
  });
}

/**
 * The browser's re-verification: fetches the leaf and its proof, hashes with WebCrypto SHA-256,
 * walks the path as RFC 9162 §2.1.3.2, compares with the root of the checkpoint note, and checks the
 * note's Ed25519 signature when `crypto.subtle` knows Ed25519. Plain ES2017, no dependencies.
 */
export const VERIFY_SCRIPT = `'use strict';
(function () {
  var box = document.getElementById('kiem-chung-trinh-duyet');
  if (!box) return;
  var out = document.getElementById('ket-qua-trinh-duyet');
  var sigOut = document.getElementById('chu-ky-trinh-duyet');
  var keyEl = document.getElementById('khoa-kiem-tra');
  function say(el, ok, text) { el.textContent = text; el.className = ok === null ? 'wait' : ok ? 'ok' : 'late'; }
  if (!window.crypto || !crypto.subtle || !window.fetch || !window.TextEncoder) {
    say(out, null, 'Trình duyệt này không hỗ trợ WebCrypto; kết quả trên là của máy chủ.');
    return;
  }
  var enc = new TextEncoder();
  function b64(s) { var b = atob(s), u = new Uint8Array(b.length); for (var i = 0; i < b.length; i++) u[i] = b.charCodeAt(i); return u; }
  function hexOf(u) { return Array.prototype.map.call(u, function (x) { return ('0' + x.toString(16)).slice(-2); }).join(''); }
  function cat() { var n = 0, i; for (i = 0; i < arguments.length; i++) n += arguments[i].length; var o = new Uint8Array(n), p = 0; for (i = 0; i < arguments.length; i++) { o.set(arguments[i], p); p += arguments[i].length; } return o; }
  function sha(u) { return crypto.subtle.digest('SHA-256', u).then(function (d) { return new Uint8Array(d); }); }
  function node(l, r) { return sha(cat(new Uint8Array([1]), l, r)); }
  function eq(a, b) { if (a.length !== b.length) return false; for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return false; return true; }
  // RFC 9162 2.1.3.2
  async function rootFromPath(index, size, leafHash, path) {
    if (index >= size) return null;
    var fn = index, sn = size - 1, r = leafHash;
    for (var i = 0; i < path.length; i++) {
      var p = path[i];
      if (sn === 0) return null;
      if (fn % 2 === 1 || fn === sn) {
        r = await node(p, r);
        if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
      } else r = await node(r, p);
      fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
    }
    return sn === 0 ? r : null;
  }
  function parseNote(note) {
    var split = note.lastIndexOf('\\n\\n');
    if (split < 0) return null;
    var text = note.slice(0, split + 1), lines = text.split('\\n');
    if (lines.length < 4) return null;
    return { text: text, origin: lines[0], size: Number(lines[1]), root: b64(lines[2]), sigs: note.slice(split + 2).split('\\n').filter(Boolean) };
  }
  async function checkSignature(cp) {
    if (!keyEl) { say(sigOut, null, 'Không có khóa kiểm tra trên trang; chữ ký đã được máy chủ kiểm tra.'); return; }
    var parts = keyEl.textContent.trim().split('+');
    var name = parts[0], pub = b64(parts.slice(2).join('+'));
    if (pub.length !== 33 || pub[0] !== 1) { say(sigOut, false, 'Khóa kiểm tra không phải Ed25519.'); return; }
    var key;
    try { key = await crypto.subtle.importKey('raw', pub.slice(1), { name: 'Ed25519' }, false, ['verify']); }
    catch (e) {
      say(sigOut, null, 'Trình duyệt này chưa hỗ trợ kiểm tra chữ ký Ed25519; chữ ký đã được máy chủ kiểm tra. Bạn có thể tự kiểm tra bằng lệnh "thucthi kiem-chung" (xem bên dưới).');
      return;
    }
    var id = (await sha(cat(enc.encode(name), new Uint8Array([10, 1]), pub.slice(1)))).slice(0, 4);
    for (var i = 0; i < cp.sigs.length; i++) {
      var m = /^\\u2014 (\\S+) (\\S+)$/.exec(cp.sigs[i]);
      if (!m || m[1] !== name) continue;
      var raw = b64(m[2]);
      if (raw.length !== 68 || !eq(raw.slice(0, 4), id)) continue;
      if (await crypto.subtle.verify({ name: 'Ed25519' }, key, raw.slice(4), enc.encode(cp.text))) {
        say(sigOut, true, 'Chữ ký Ed25519 của điểm kiểm chứng cũng đã được kiểm tra trong trình duyệt của bạn: hợp lệ.');
        return;
      }
    }
    say(sigOut, false, 'Chữ ký Ed25519 của điểm kiểm chứng KHÔNG hợp lệ với khóa kiểm tra trên trang.');
  }
  async function run() {
    var idx = Number(box.getAttribute('data-leaf'));
    say(out, null, 'Đang kiểm chứng trong trình duyệt của bạn…');
    var res = await fetch('/api/public/log/leaves/' + idx, { headers: { accept: 'application/json' } });
    if (!res.ok) { say(out, false, 'Không tải được lá số ' + idx + ' (mã ' + res.status + ').'); return; }
    var leaf = await res.json();
    if (!leaf.proof || !leaf.checkpoint) { say(out, null, 'Chưa có điểm kiểm chứng bao gồm lá này.'); return; }
    var cp = parseNote(leaf.checkpoint.note);
    if (!cp || cp.size !== leaf.proof.treeSize) { say(out, false, 'Điểm kiểm chứng không đúng định dạng hoặc không khớp kích thước bằng chứng.'); return; }
    var h = await sha(cat(new Uint8Array([0]), enc.encode(leaf.leaf)));
    var shown = document.getElementById('noi-dung-la');
    if (shown && shown.textContent !== leaf.leaf) { say(out, false, 'Nội dung lá trên trang khác với nội dung tải về.'); return; }
    var root = await rootFromPath(leaf.index, cp.size, h, leaf.proof.hashes.map(b64));
    if (root && eq(root, cp.root)) {
      say(out, true, 'Đã kiểm chứng trong trình duyệt của bạn: lá số ' + leaf.index + ' (mã băm ' + hexOf(h) + ') nằm trong cây ' + cp.size + ' lá của điểm kiểm chứng (gốc ' + hexOf(cp.root) + ').');
    } else {
      say(out, false, 'Đã kiểm chứng trong trình duyệt của bạn: KHÔNG hợp lệ — lá số ' + leaf.index + ' không nằm trong cây của điểm kiểm chứng.');
      return;
    }
    await checkSignature(cp);
  }
  run().catch(function (e) { say(out, false, 'Lỗi khi kiểm chứng trong trình duyệt: ' + e.message); });
})();
`;
