// fast-check payloads shaped like an event's zod schema (through its JSON Schema), with garbage mixed in at every level:
// mostly near-valid payloads that probe each rule, plus values a clumsy or hostile client might send.
import fc from 'fast-check';
import { z } from 'zod';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | false;
  prefixItems?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
};

/** Values of real things on the server by field name (a session, a SKU …), so near-valid payloads reach real state. */
export type KnownValues = Record<string, readonly unknown[]>;

/** JSON values of every kind, small and deep enough to hit each branch of a parser. */
export const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1e308, '', ' ', '__proto__', 'constructor', '\u0000', '💥'.repeat(3)),
  fc.string({ maxLength: 40 }),
  fc.double(),
  fc.integer(),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.string({ minLength: 3000, maxLength: 3000 }),
);

function shaped(schema: JsonSchema, known: KnownValues, field?: string): fc.Arbitrary<unknown> {
  const own = field ? known[field] : undefined;
  if (own) return fc.constantFrom(...own);
  const members = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (members?.length) return fc.oneof(...members.map((member) => shaped(member, known, field)));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      if (schema.format === 'uuid') return fc.uuid();
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).map((text) => text.slice(0, schema.maxLength ?? text.length));
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 80, 80) });
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -1000, -1e6), max: Math.min(schema.maximum ?? 1000, 1e6) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -10, max: schema.maximum ?? 10, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (schema.prefixItems) return fc.tuple(...schema.prefixItems.map((item) => nearly(item, known)));
      const item = schema.items ? nearly(schema.items, known) : garbage;
      return fc.array(item, { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 4) });
    }
    case 'object': {
      const properties = schema.properties ?? {};
      const record = fc.record(Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, nearly(property, known, name)])), {
        requiredKeys: (schema.required ?? []).filter((name) => name in properties),
      });
      return record;
    }
    default:
      return garbage;
  }
}

/** Mostly the shape, now and then something else in its place. */
function nearly(schema: JsonSchema, known: KnownValues, field?: string): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 8, arbitrary: shaped(schema, known, field) }, { weight: 1, arbitrary: garbage });
}

/**
 * Payloads for one event: its schema's shape with fields dropped, swapped for garbage or added, or garbage outright.
 * @example fc.sample(payloadsFor(ChatSendSchema, { sessionId: [id] }), 100)
 */
export function payloadsFor(schema: z.ZodType, known: KnownValues = {}): fc.Arbitrary<unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const base = shaped(json, known);
  const withExtraField = fc
    .tuple(base, fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 1 }))
    .map(([payload, key, value]) => (payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? { ...payload, [key]: value } : payload));
  return fc.oneof({ weight: 6, arbitrary: base }, { weight: 2, arbitrary: withExtraField }, { weight: 2, arbitrary: garbage });
}

/** The payload as the server receives it: Socket.IO sends JSON (no undefined, NaN or Infinity). */
export function overTheWire(payload: unknown): unknown {
  return (JSON.parse(JSON.stringify([payload])) as unknown[])[0];
}
