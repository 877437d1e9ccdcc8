import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../../test/support/smtp-sink.js';
import { createMailer, memoryMailer, smtpOptions, type MailMessage } from './mailer.js';

const FROM = 'Hệ thống thucthi <no-reply@thucthi.local>';

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

describe('createMailer over SMTP', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.close();
  });

  it('delivers UTF-8 Vietnamese subject and body with the given recipients and Message-ID', async () => {
    const mailer = createMailer({ smtpUrl: sink.url, mailFrom: FROM });
    expect(mailer).not.toBeNull();
    const msgs: MailMessage[] = [
      {
        to: ['chuyenvien@sotuphap.hanoi.gov.vn', 'lanhdao@sotuphap.hanoi.gov.vn'],
        subject: 'Nhắc nộp báo cáo kỳ Năm 2026 — Sở Tư pháp',
        text: 'Kính gửi Sở Tư pháp,\nĐề nghị nộp báo cáo kỳ Năm 2026 trước hạn — Nhắc nộp báo cáo kỳ Năm 2026 — Sở Tư pháp.',
        messageId: '<reminder-0b6f4c1e-8a1d-4a53-9d8e-1f2a3b4c5d6e@thucthi>',
      },
      {
        to: ['vanthu@sotuphap.hanoi.gov.vn'],
        subject: 'Nhắc nộp báo cáo kỳ Năm 2026 — Sở Tư pháp (lần 2)',
        text: 'Ủy ban nhân dân thành phố Hà Nội: đã quá hạn nộp báo cáo.',
        messageId: '<reminder-7c9e2d40-51b3-4f6a-8e21-0a9b8c7d6e5f@thucthi>',
      },
    ];
    for (const m of msgs) await mailer!.send(m);
    await mailer!.close();

    const got = await sink.waitFor(2);
    expect(got).toHaveLength(2);
    for (const [i, m] of msgs.entries()) {
      const r = got[i]!;
      expect(r.subject).toBe(m.subject);
      expect(r.text).toBe(`${m.text}\n`); // mailparser keeps the MIME body's final line break
      expect(r.to).toEqual(m.to);
      expect(r.headerTo).toEqual(m.to);
      expect(r.messageId).toBe(m.messageId);
      expect(r.from).toEqual({ name: 'Hệ thống thucthi', address: 'no-reply@thucthi.local' });
      expect(r.raw).toContain(`Message-ID: ${m.messageId}`);
    }
  });

  it('rejects with an Error, quickly, when nothing listens on the port', async () => {
    const port = await closedPort();
    const mailer = createMailer({ smtpUrl: `smtp://user:secret@127.0.0.1:${port}`, mailFrom: FROM })!;
    const started = Date.now();
    const err = await mailer
      .send({ to: ['a@example.vn'], subject: 'x', text: 'y', messageId: '<x-1@thucthi>' })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain(`127.0.0.1:${port}`);
    expect((err as Error).message).not.toContain('secret');
    expect(Date.now() - started).toBeLessThan(5000);
    await mailer.close();
  });
});

describe('createMailer configuration', () => {
  it('returns null when SMTP is not configured', () => {
    expect(createMailer({ smtpUrl: undefined, mailFrom: FROM })).toBeNull();
    expect(createMailer({ smtpUrl: '', mailFrom: FROM })).toBeNull();
  });

  it('rejects malformed URLs and parameters at creation', () => {
    expect(() => createMailer({ smtpUrl: 'http://mail.example.vn', mailFrom: FROM })).toThrow(/smtp:\/\//);
    expect(() => createMailer({ smtpUrl: 'not a url', mailFrom: FROM })).toThrow(Error);
    expect(() => createMailer({ smtpUrl: 'smtp://h?secure=1', mailFrom: FROM })).toThrow(/secure/);
    expect(() => createMailer({ smtpUrl: 'smtps://h?tls=false', mailFrom: FROM })).toThrow(/smtp:\/\//);
  });

  it('picks the TLS mode from the URL', () => {
    expect(smtpOptions('smtps://u:p%40ss@mail.example.vn')).toMatchObject({
      host: 'mail.example.vn',
      port: 465,
      secure: true,
      auth: { user: 'u', pass: 'p@ss' },
    });
    const remote = smtpOptions('smtp://mail.example.vn');
    expect(remote).toMatchObject({ port: 587, secure: false });
    expect(remote.ignoreTLS).toBeUndefined(); // opportunistic STARTTLS
    expect(smtpOptions('smtp://localhost:1025')).toMatchObject({ port: 1025, ignoreTLS: true });
    expect(smtpOptions('smtp://mail.example.vn:25?tls=false')).toMatchObject({ ignoreTLS: true });
    expect(smtpOptions('smtp://127.0.0.1:25?starttls=true')).toMatchObject({ requireTLS: true });
    expect(smtpOptions('smtp://127.0.0.1:25?starttls=true').ignoreTLS).toBeUndefined();
  });

  it('refuses a message without recipients or with a bare Message-ID', async () => {
    const m = memoryMailer();
    await expect(m.send({ to: [], subject: 's', text: 't', messageId: '<a@b>' })).rejects.toThrow(Error);
    await expect(m.send({ to: ['a@b.vn'], subject: 's', text: 't', messageId: 'a@b' })).rejects.toThrow(
      Error,
    );
    await m.send({ to: ['a@b.vn'], subject: 'Nhắc', text: 'Nội dung', messageId: '<a@b>' });
    expect(m.sent).toEqual([{ to: ['a@b.vn'], subject: 'Nhắc', text: 'Nội dung', messageId: '<a@b>' }]);
  });
});
