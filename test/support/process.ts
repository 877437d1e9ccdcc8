/**
 * Runs `thucthi start` as a real child process and waits until it serves.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const CLI = path.resolve('bin/thucthi.js');

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  /** Demo credentials printed at first start, by role. */
  credentials: Record<string, { username: string; password: string }>;
  exited: Promise<number | null>;
}

export function runCli(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, stdout: () => out, stderr: () => err };
}

export async function startServerProcess(
  args: string[],
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const p = runCli(['start', '--port', '0', ...args], env);
  const deadline = Date.now() + 90_000;
  let url: string | null = null;
  while (!url) {
    const m = /thucthi: (http:\/\/[^\s/]+:\d+)/.exec(p.stdout());
    if (m) url = m[1]!;
    else if (p.child.exitCode !== null) throw new Error(`server exited ${p.child.exitCode}: ${p.stderr()}`);
    else if (Date.now() > deadline) throw new Error(`server did not start: ${p.stdout()} ${p.stderr()}`);
    else await new Promise((r) => setTimeout(r, 100));
  }
  const credentials: ServerProcess['credentials'] = {};
  for (const m of p.stdout().matchAll(/\[(\w+)\] tên đăng nhập: (\S+)\s+mật khẩu: (\S+)/g)) {
    credentials[m[1]!] = { username: m[2]!, password: m[3]! };
  }
  return { ...p, url, credentials };
}

/** Stops a server started by `startServerProcess` (if it started and still runs) and waits for its exit. */
export async function stopServerProcess(server: ServerProcess | undefined): Promise<void> {
  if (server?.child.exitCode === null) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}
