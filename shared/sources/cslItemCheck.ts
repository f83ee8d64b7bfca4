import { z } from 'zod';
import {
  CSL_DATE_FIELDS,
  CSL_NAME_FIELDS,
  CSL_STRING_FIELDS,
  CSL_STRING_LIST_FIELDS,
  CSL_STRING_OR_NUMBER_FIELDS,
  isCslType,
} from './cslFields.js';

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const stringOrNumber = z.union([z.string(), z.number()]);

const nameSchema = z
  .object({
    family: z.string(),
    given: z.string(),
    'dropping-particle': z.string(),
    'non-dropping-particle': z.string(),
    suffix: z.string(),
    'comma-suffix': scalar,
    'static-ordering': scalar,
    literal: z.string(),
    'parse-names': scalar,
  })
  .partial()
  .strict();

const dateSchema = z
  .object({
    'date-parts': z.array(z.array(stringOrNumber).min(1).max(3)).min(1).max(2),
    season: stringOrNumber,
    circa: scalar,
    literal: z.string(),
    raw: z.string(),
  })
  .partial()
  .strict();

interface FieldRule {
  schema: z.ZodType;
  expected: string;
}

const rules = new Map<string, FieldRule>();
for (const f of CSL_STRING_FIELDS) rules.set(f, { schema: z.string(), expected: 'text' });
for (const f of CSL_STRING_OR_NUMBER_FIELDS) rules.set(f, { schema: stringOrNumber, expected: 'text or a number' });
for (const f of CSL_NAME_FIELDS) {
  rules.set(f, { schema: z.array(nameSchema), expected: 'a list of names (family and given, or literal)' });
}
for (const f of CSL_DATE_FIELDS) {
  rules.set(f, { schema: dateSchema, expected: 'a CSL date (date-parts, raw or literal)' });
}
for (const f of CSL_STRING_LIST_FIELDS) rules.set(f, { schema: z.array(z.string()), expected: 'a list of text' });
rules.set('custom', { schema: z.record(z.string(), z.unknown()), expected: 'an object' });

/** True when the CSL-JSON schema names this field (besides `type`). */
export function isCslField(name: string): boolean {
  return rules.has(name);
}

/** Why a CSL field's value breaks the CSL-JSON schema, or undefined when it is fine or not a CSL field at all. */
export function cslFieldProblem(name: string, value: unknown): string | undefined {
  const rule = rules.get(name);
  if (!rule || rule.schema.safeParse(value).success) return undefined;
  return `the field "${name}" must be ${rule.expected}`;
}

/** Every way an imported item breaks CSL-JSON, as phrases the user can read; empty when it is fine. */
export function cslItemProblems(item: unknown): string[] {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return ['it is not a JSON object'];
  const record = item as Record<string, unknown>;
  const problems: string[] = [];
  if (record.type === undefined) problems.push('it has no "type"');
  else if (!isCslType(record.type)) problems.push(`"${String(record.type)}" is not a CSL item type`);
  if (record.id !== undefined && typeof record.id !== 'string' && typeof record.id !== 'number') {
    problems.push('the field "id" must be text or a number');
  }
  for (const [name, value] of Object.entries(record)) {
    if (name === 'id' || name === 'type') continue;
    const problem = cslFieldProblem(name, value);
    if (problem) problems.push(problem);
  }
  return problems;
}
