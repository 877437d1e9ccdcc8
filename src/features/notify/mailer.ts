/** Outgoing e-mail over SMTP (nodemailer). Without SMTP_URL the app only makes in-app notifications. */
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  /** stable id, e.g. "<reminder-<uuid>@thucthi>" so a retried send is recognisable */
  messageId: string;
}

export interface Mailer {
  send(m: MailMessage): Promise<void>;
  close(): Promise<void>;
}

export interface MailConfig {
  smtpUrl: string | undefined;
  mailFrom: string;
}

const CONNECTION_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 20_000;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
const MESSAGE_ID = /^<[^<>\s@]+@[^<>\s@]+>$/;

/**
 * Turns SMTP_URL into nodemailer options. TLS policy:
 * - `smtps://host[:465]`: implicit TLS from the first byte.
 * - `smtp://host[:587]`: STARTTLS when the server offers it (certificate checked), plain otherwise,
 *   except on loopback hosts (local sinks such as Mailpit), where STARTTLS is skipped.
 * - `?starttls=true` (smtp:// only): STARTTLS is required, also on loopback; fail if not offered.
 * - `?tls=false` (smtp:// only): never STARTTLS, e.g. a plain relay on a private network.
 * User name and password come from the URL (percent-encoded), e.g. smtp://user:p%40ss@host:587.
 */
export function smtpOptions(smtpUrl: string): SMTPTransport.Options {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new Error('SMTP_URL không hợp lệ (ví dụ: smtp://user:pass@mail.example.vn:587)');
  }
  const secure = url.protocol === 'smtps:';
  if (!secure && url.protocol !== 'smtp:') {
    throw new Error(`SMTP_URL phải bắt đầu bằng smtp:// hoặc smtps:// (nhận được "${url.protocol}//")`);
  }
  if (!url.hostname) throw new Error('SMTP_URL thiếu tên máy chủ');

  let starttls: boolean | undefined;
  for (const [key, value] of url.searchParams) {
    if (key !== 'tls' && key !== 'starttls') {
      throw new Error(`SMTP_URL: tham số "${key}" không được hỗ trợ (chỉ có tls=false, starttls=true)`);
    }
    if (secure) throw new Error(`SMTP_URL: tham số "${key}" chỉ dùng với smtp://`);
    if (key === 'tls' && value === 'false') starttls = false;
    else if (key === 'starttls' && value === 'true') starttls = true;
    else throw new Error(`SMTP_URL: "${key}=${value}" không hợp lệ (chỉ có tls=false, starttls=true)`);
  }

  const options: SMTPTransport.Options = {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: CONNECTION_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
    dnsTimeout: CONNECTION_TIMEOUT_MS,
  };
  if (!secure) {
    if (starttls === true) options.requireTLS = true;
    else if (starttls === false || LOOPBACK_HOSTS.has(url.hostname)) options.ignoreTLS = true;
  }
  if (url.username) {
    options.auth = { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) };
  }
  return options;
}

function checkMessage(m: MailMessage): void {
  if (m.to.length === 0) throw new Error('Thư không có người nhận');
  if (!MESSAGE_ID.test(m.messageId)) {
    throw new Error(`Message-ID phải có dạng <id@domain> (nhận được "${m.messageId}")`);
  }
}

/** null when SMTP is not configured (smtpUrl undefined/empty): the app then only makes in-app notifications. */
export function createMailer(cfg: MailConfig): Mailer | null {
  if (!cfg.smtpUrl) return null;
  const options = smtpOptions(cfg.smtpUrl);
  // Where errors point to: never the password.
  const server = `${options.host}:${options.port}`;
  const transport = nodemailer.createTransport(options);
  return {
    async send(m) {
      checkMessage(m);
      try {
        // Resolves once the server accepted at least one recipient; rejects if it accepted none.
        await transport.sendMail({
          from: cfg.mailFrom,
          to: m.to,
          subject: m.subject,
          text: m.text,
          messageId: m.messageId,
        });
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        throw new Error(`Gửi thư ${m.messageId} qua ${server} thất bại: ${why}`, { cause: err });
      }
    },
    async close() {
      transport.close();
    },
  };
}

/** A Mailer that keeps messages in memory (for tools/tests that need no network). */
export function memoryMailer(): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    sent,
    async send(m) {
      checkMessage(m);
      sent.push({ ...m, to: [...m.to] });
    },
    async close() {},
  };
}
