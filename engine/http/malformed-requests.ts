/**
 * Test support for malformed-input.test.ts: the routes of the OpenAPI
 * document, and for each one every way (as a fast-check arbitrary) of
 * sending it a request that must be refused before it acts: bodies too big,
 * too deep, not UTF-8, truncated or not JSON; bodies that break the route's
 * schema; bad path parameters and queries; credentials that stand for
 * nobody; methods the route does not have.
 */
import fc from 'fast-check';

export interface Operation {
  /** "POST /api/contacts/{id}/priority", as the document names it. */
  key: string;
  method: string;
  template: string;
  body: boolean;
  params: boolean;
  query: string[];
}

export interface Malformed {
  method: string;
  /** `{id}` stands for each real id of the route in turn. */
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** How it was made malformed, to read a failure by. */
  how: string;
  /**
   * Sent once by every caller (each customer, agent and staff role), so a
   * hole is found whoever may use the route; false when the credentials
   * are the malformed part.
   */
  everyone: boolean;
}

type Parameter = { in: string; name: string };
type Documented = { requestBody?: unknown; parameters?: Parameter[] };

export function operations(doc: {
  paths: Record<string, Record<string, Documented>>;
}): Operation[] {
  return Object.entries(doc.paths).flatMap(([template, ops]) =>
    Object.entries(ops).map(([m, op]) => ({
      key: `${m.toUpperCase()} ${template}`,
      method: m.toUpperCase(),
      template,
      body: op.requestBody !== undefined,
      params: (op.parameters ?? []).some((p) => p.in === 'path'),
      query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
    })),
  );
}

export interface Knowledge {
  /** A valid body for each route that takes one. */
  examples: Record<string, Record<string, unknown>>;
  /** Field names that hold free text. */
  freeTextFields: string[];
  /** Routes anyone may call: bad credentials do not stop a valid request there. */
  publicRoutes: string[];
}

/** Every way to malform a request to `op`, each its own arbitrary. */
export function malformedWays(op: Operation, known: Knowledge): fc.Arbitrary<Malformed>[] {
  const example = known.examples[op.key];
  const withBody = (b: Pick<Malformed, 'body' | 'headers' | 'how'>): Malformed => ({
    method: op.method,
    path: op.template,
    everyone: true,
    ...b,
  });
  const valid: Pick<Malformed, 'body' | 'headers'> = example
    ? { body: JSON.stringify(example), headers: jsonType }
    : { headers: {} };
  const ways: fc.Arbitrary<Malformed>[] = [];

  // Fetch cannot send a body with a GET, nor would a route read one.
  if (op.method !== 'GET') ways.push(...refusedBeforeParsing.map((a) => a.map(withBody)));
  if (example)
    ways.push(...schemaBreaks(example, known.freeTextFields).map((a) => a.map(withBody)));
  if (op.params) {
    ways.push(
      badId.map((id) => ({
        method: op.method,
        path: op.template.replace('{id}', id),
        ...valid,
        how: 'bad path parameter',
        everyone: true,
      })),
    );
  }
  if (op.query.length > 0) {
    ways.push(
      fc
        .tuple(fc.subarray(op.query, { minLength: 1 }), badQueryValue, extraQuery)
        .map(([keys, bad, extra]) => ({
          method: op.method,
          path: `${op.template}?${[...keys.map((k) => `${k}=${bad}`), ...extra].join('&')}`,
          headers: {},
          how: 'bad query',
          everyone: true,
        })),
    );
  }
  if (!known.publicRoutes.includes(op.key)) {
    ways.push(
      badCredentials.map((who) => ({
        method: op.method,
        path: op.template,
        body: valid.body,
        headers: { ...who, ...valid.headers },
        how: 'bad credentials',
        everyone: false,
      })),
    );
  }
  ways.push(
    fc.constantFrom('PUT', 'PATCH').map((method) => ({
      method,
      path: op.template,
      ...valid,
      how: `${method} instead of ${op.method}`,
      everyone: true,
    })),
  );
  return ways;
}

const jsonType = { 'content-type': 'application/json' };

function json(body: string, how: string) {
  return { body, headers: jsonType, how };
}

function printable(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc
    .string({ unit: 'binary-ascii', minLength, maxLength })
    .map((s) => s.replace(/[^\x20-\x7e]/g, 'x'));
}

/** Ids a route must refuse: characters outside [A-Za-z0-9_.:-], or too long. */
const badId = fc.oneof(
  fc
    .string({ unit: 'binary', minLength: 1, maxLength: 40 })
    .filter((s) => !/^[A-Za-z0-9_.:-]+$/.test(s))
    .map(encodeURIComponent),
  fc.integer({ min: 101, max: 5_000 }).map((n) => 'x'.repeat(n)),
  fc.constantFrom('%00', '%ZZ', '%E0%A4%A', '%F0%9F%98%80', 'a%2Fb', '%20', 'c%0Ad'),
);

/** Query values no declared parameter accepts: not numbers, not ids. */
const badQueryValue = fc.constantFrom('%00', '%20x', 'x%0Ay', '%F0%9F%98%80', '1%2C2', 'NaN%00');

const extraQuery = fc
  .dictionary(fc.stringMatching(/^[a-z]{1,8}$/), printable(0, 20).map(encodeURIComponent), {
    maxKeys: 3,
  })
  .map((extra) => Object.entries(extra).map(([k, v]) => `${k}=${v}`));

/** Credentials that stand for nobody. */
const badCredentials = fc.oneof(
  fc.constant({}),
  fc.stringMatching(/^[A-Za-z0-9_-]{43}$/).map((t) => ({ authorization: `Bearer ${t}` })),
  printable(0, 300).map((t) => ({ authorization: `Bearer ${t}` })),
  printable(0, 100).map((t) => ({ authorization: `Basic ${t}` })),
  printable(1, 300)
    .filter((t) => !/[;,]/.test(t))
    .map((t) => ({ cookie: `sb_session=${t}` })),
);

/** Bodies every route refuses before a schema sees them. */
const refusedBeforeParsing: fc.Arbitrary<Pick<Malformed, 'body' | 'headers' | 'how'>>[] = [
  fc.integer({ min: 65_537, max: 70_000 }).map((n) => json(' '.repeat(n), 'too big')),
  fc
    .tuple(fc.integer({ min: 21, max: 3_000 }), fc.boolean())
    .map(([n, arrays]) =>
      json(
        arrays ? '['.repeat(n) + ']'.repeat(n) : '{"a":'.repeat(n) + '1' + '}'.repeat(n),
        'too deep',
      ),
    ),
  fc
    .tuple(
      fc.uint8Array({ maxLength: 50 }),
      fc.constantFrom([0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0x80]),
    )
    .map(([noise, invalid]) => ({
      body: new Uint8Array([...new TextEncoder().encode('{"name":"'), ...invalid, ...noise]),
      headers: jsonType,
      how: 'not UTF-8',
    })),
  // A proper prefix of an object's JSON never parses: its closing brace is last.
  fc
    .jsonValue()
    .map((v) => JSON.stringify({ v }))
    .chain((text) =>
      fc.integer({ min: 1, max: text.length - 1 }).map((n) => json(text.slice(0, n), 'truncated')),
    ),
  fc
    .tuple(
      fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
      ),
      fc.string({ minLength: 1, maxLength: 200 }),
    )
    .map(([type, body]) => ({ body, headers: { 'content-type': type }, how: `sent as ${type}` })),
];

/**
 * A valid example broken for its schema in one way that is always invalid:
 * an unknown field, a field of a type no field has (array, object), a
 * string longer than any field allows, a body that is not an object, or a
 * control character or lone surrogate in free text.
 */
function schemaBreaks(
  example: Record<string, unknown>,
  freeTextFields: string[],
): fc.Arbitrary<Pick<Malformed, 'body' | 'headers' | 'how'>>[] {
  const fields = leaves(example);
  const text = fields.filter((f) => freeTextFields.includes(f.at(-1)!));
  const garbage = fc.oneof(
    fc.array(fc.jsonValue(), { maxLength: 4 }),
    fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 }),
  );
  const breaks = [
    fc
      .tuple(fc.constantFrom('__proto__', 'constructor', 'isAdmin', 'role2'), fc.jsonValue())
      .map(([key, value]) => {
        // Written by hand: an object literal's __proto__ would set its prototype.
        const rest = JSON.stringify(example).slice(1);
        const extra = `${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`;
        return json(`{${extra},${rest}`, `unknown field ${key}`);
      }),
    fc
      .tuple(fc.constantFrom(...fields), garbage)
      .map(([path, value]) =>
        json(JSON.stringify(setAt(example, path, value)), `${path.join('.')} of a wrong type`),
      ),
    fc
      .tuple(fc.constantFrom(...fields), fc.integer({ min: 401, max: 20_000 }))
      .map(([path, n]) =>
        json(JSON.stringify(setAt(example, path, 'é'.repeat(n))), `${path.join('.')} too long`),
      ),
    fc
      .oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue()))
      .map((v) => json(JSON.stringify(v), 'not an object')),
  ];
  if (text.length > 0) {
    const bad = fc.constantFrom(
      '\u0000',
      '\u0007',
      '\u001b',
      '\u007f',
      '\u0085',
      '\ud800',
      '\udfff',
      '\r',
    );
    breaks.push(
      fc.tuple(fc.constantFrom(...text), bad).map(([path, c]) => {
        const code = c.charCodeAt(0).toString(16);
        return json(
          JSON.stringify(setAt(example, path, `a${c}b`)),
          `${path.join('.')} with U+${code}`,
        );
      }),
    );
  }
  return breaks;
}

/** The path of every field, nested ones included. */
function leaves(value: Record<string, unknown>, at: string[] = []): string[][] {
  return Object.entries(value).flatMap(([k, v]) =>
    v !== null && typeof v === 'object'
      ? [[...at, k], ...leaves(v as Record<string, unknown>, [...at, k])]
      : [[...at, k]],
  );
}

function setAt(
  value: Record<string, unknown>,
  path: string[],
  to: unknown,
): Record<string, unknown> {
  const [head, ...rest] = path;
  const inner = value[head!] as Record<string, unknown>;
  return { ...value, [head!]: rest.length === 0 ? to : setAt(inner, rest, to) };
}
