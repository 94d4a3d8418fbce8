// Checks a delivery address with the server's own schema and names, per field, what to fix.
import { AddressSchema, type Address } from '../../../core/order.ts';

export const ADDRESS_FIELDS = ['name', 'street', 'city', 'postalCode', 'country'] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];
export type AddressDraft = Record<AddressField, string>;

export type AddressFieldProblem = { kind: 'required' } | { kind: 'too-long'; max: number } | { kind: 'postal-code' } | { kind: 'country' } | { kind: 'server'; message: string };
export type AddressProblems = Partial<Record<AddressField, AddressFieldProblem>>;

export const EMPTY_ADDRESS: AddressDraft = { name: '', street: '', city: '', postalCode: '', country: '' };

export function validateAddress(draft: AddressDraft): { address: Address; problems: null } | { address: null; problems: AddressProblems } {
  const parsed = AddressSchema.safeParse(draft);
  if (parsed.success) return { address: parsed.data, problems: null };
  const problems: AddressProblems = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as AddressField;
    if (problems[field]) continue;
    const empty = draft[field].trim() === '';
    if (empty) problems[field] = { kind: 'required' };
    else if (issue.code === 'too_big') problems[field] = { kind: 'too-long', max: Number(issue.maximum) };
    else if (field === 'postalCode') problems[field] = { kind: 'postal-code' };
    else if (field === 'country') problems[field] = { kind: 'country' };
    else problems[field] = { kind: 'required' };
  }
  return { address: null, problems };
}

/** Field problems from a server refusal whose issues point into `address`. */
export function addressProblemsFromIssues(issues: ReadonlyArray<{ path: string; message: string }>): AddressProblems {
  const problems: AddressProblems = {};
  for (const { path, message } of issues) {
    const field = /^address\.(\w+)/.exec(path)?.[1];
    if (field && (ADDRESS_FIELDS as readonly string[]).includes(field)) problems[field as AddressField] = { kind: 'server', message };
  }
  return problems;
}
