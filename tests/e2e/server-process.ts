/**
 * `engine/server.ts` as a process of its own, for the suites that kill it:
 * started with extra environment, watched through its JSON log lines
 * (when it logs that it waits for a lease, when it listens), and called
 * over HTTP like any client.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServerProcess {
  child: ChildProcess;
  /** The URL once the server logs `listening`. */
  listening: Promise<string>;
  /** Resolves when a log line with this message appears. */
  logged(message: string): Promise<void>;
  /** Whether a log line with this message has appeared yet. */
  hasLogged(message: string): boolean;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Sends a signal and waits for the process to end. */
  stop(signal: NodeJS.Signals): Promise<void>;
}

/** Starts the server on a free loopback port; `env` adds to or overrides the defaults. */
export function spawnServer(env: Record<string, string>, startMs = 30_000): ServerProcess {
  // Only what the suite asks for decides the backend, not the caller's shell.
  const inherited = { ...process.env };
  const backend = ['REDIS_URL', 'REDIS_PREFIX', 'ENGINE_ID', 'LEASE_MS'];
  for (const name of [...backend, 'ROLE', 'NODE_ID', 'FORWARD_TIMEOUT_MS']) delete inherited[name];
  const child = spawn(process.execPath, ['--import', 'tsx', 'engine/server.ts'], {
    env: { ...inherited, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const messages: { msg: string; url?: string }[] = [];
  const waiters: { message: string; resolve: () => void }[] = [];
  let pending = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('{')) continue; // the welcome text
      const parsed = JSON.parse(line) as { msg: string; url?: string };
      messages.push(parsed);
      for (const w of waiters.filter((w) => w.message === parsed.msg)) w.resolve();
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const logged = (message: string) =>
    messages.some((m) => m.msg === message)
      ? Promise.resolve()
      : new Promise<void>((resolve) => waiters.push({ message, resolve }));
  const listening = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not listen within ${startMs} ms: ${stderr}`)),
      startMs,
    );
    void logged('listening').then(() => {
      clearTimeout(timer);
      resolve(messages.find((m) => m.msg === 'listening')!.url!);
    });
    void exited.then((code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
  listening.catch(() => {}); // a standby killed before it listens is no failure
  return {
    child,
    listening,
    logged,
    hasLogged: (message) => messages.some((m) => m.msg === message),
    exited,
    async stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

// any: tests read whatever fields the route under test returns.
export type Answer = { status: number; body: any } | { status: 'error'; error: string };

/** Like `call`, but a refused connection, a timeout or a non-JSON body is an answer too. */
export async function tryCall(
  url: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  timeoutMs = 20_000,
): Promise<Answer> {
  try {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Kept as text: a proxy's error page, say.
    }
    return { status: res.status, body: parsed };
  } catch (err) {
    const cause = err instanceof Error ? (err.cause ?? err) : err;
    return { status: 'error', error: String(cause instanceof Error ? cause.message : cause) };
  }
}

/** One request; throws if there is no answer or the body is not JSON. */
export async function call(
  url: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const answer = await tryCall(url, method, path, token, body);
  if (answer.status === 'error') throw new Error(`${method} ${path}: ${answer.error}`);
  if (typeof answer.body === 'string')
    throw new Error(`${method} ${path}: not JSON: ${answer.body}`);
  return answer;
}

export async function login(url: string, username: string, password: string): Promise<string> {
  const res = await call(url, 'POST', '/api/login', undefined, { username, password });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return res.body.token as string;
}
