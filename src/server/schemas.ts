/** The API's request and response shapes: one zod schema each, for validation, types and OpenAPI. */
import { z } from 'zod';
import { STATUSES } from '../core/model.js';
import { ROLES, SCOPES } from '../core/store/accounts.js';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().describe('stable error code, e.g. TM_NOT_FOUND, TM_PRECONDITION_FAILED'),
    instance: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ pointer: z.string(), detail: z.string() })).optional(),
  })
  .describe('RFC 9457 problem details');

/** A problem+json response in a route's declaration. */
export const problem = (description: string) => ({ description, schema: problemSchema });

/** The problems every authenticated route can answer with. */
export const commonProblems = {
  400: problem('invalid request'),
  401: problem('not signed in'),
  403: problem('not allowed'),
  429: problem('rate limited'),
};

export const itemSchema = z.object({
  file: z.string().describe('the project (plan path relative to the workspace root)'),
  key: z.string(),
  id: z.string().nullable(),
  title: z.string(),
  kind: z.enum(['checkbox', 'heading', 'status-bullet', 'file', 'table-row']),
  status: z.enum(STATUSES),
  checkbox: z.string().nullable(),
  line: z.number().int(),
  position: z.number().int(),
  depth: z.number().int(),
  parent: z.string().nullable(),
  section: z.array(z.string()),
  priorityRank: z.number().int().nullable(),
  priorityLabel: z.string().nullable(),
  owner: z.string().nullable().describe('the first of owners'),
  owners: z.array(z.string()).describe('everyone the item names as its owner, owner first'),
  due: z.string().nullable(),
  effortMinutes: z.number().nullable(),
  category: z.string().nullable(),
  phase: z.string().nullable(),
  tags: z.array(z.string()),
  dependsOn: z.array(z.string()),
  etag: z.string().describe('the value to send in If-Match'),
});

export const itemExample = {
  file: 'ROADMAP.md',
  key: 'MH-001',
  id: 'MH-001',
  title: 'Rotate the signing keys',
  kind: 'heading',
  status: 'todo',
  checkbox: null,
  line: 12,
  position: 3,
  depth: 0,
  parent: null,
  section: ['Must have'],
  priorityRank: 0,
  priorityLabel: 'Must Have',
  owner: 'dana',
  owners: ['dana'],
  due: '2026-01-15',
  effortMinutes: 240,
  category: null,
  phase: null,
  tags: [],
  dependsOn: [],
  etag: '"3f5c0a3c1e0b4e6d9a7b2c1d0e9f8a7b"',
};

export const itemListSchema = z.object({
  items: z.array(itemSchema.extend({ updatedAt: z.string().nullable() })),
  nextCursor: z.string().nullable().describe('pass as ?cursor= for the next page; null on the last page'),
});

export const keyParams = z.object({ key: z.string().min(1).max(500) });
export const projectQuery = z.object({
  project: z
    .string()
    .min(1)
    .max(1000)
    .optional()
    .describe('the plan path, when a key names items in several'),
});

const oneLine = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !/[\r\n\u0000]/.test(s), 'must be one line without control characters');

export const itemPatchSchema = z
  .object({
    status: z.enum(STATUSES).optional(),
    attributes: z
      .record(
        z.string().regex(/^[A-Za-z][A-Za-z0-9 _-]{0,40}$/, 'an attribute name like owner, due, priority'),
        oneLine(500).nullable(),
      )
      .optional()
      .describe('attributes to set, or null to remove: owner, due, priority, effort, category, …'),
  })
  .strict()
  .refine(
    (b) => b.status !== undefined || (b.attributes && Object.keys(b.attributes).length > 0),
    'change something: status or attributes',
  );

export const itemCreateSchema = z
  .object({
    project: z.string().min(1).max(1000).describe('the plan to add the item to'),
    parent: z.string().min(1).max(500).optional().describe('add as the last child of this item'),
    section: oneLine(500).optional().describe('or at the end of the section with this heading'),
    title: oneLine(1000).pipe(z.string().min(1)),
    status: z.enum(STATUSES).optional(),
  })
  .strict()
  .refine((b) => (b.parent === undefined) !== (b.section === undefined), 'give either parent or section');

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES).nullable().describe('role in this workspace; null when not a member'),
  createdAt: z.string(),
});

export const email = z.string().trim().toLowerCase().pipe(z.email().max(254));
export const password = z.string().min(12, 'at least 12 characters').max(1024);

export const tokenPairSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresAt: z.string().describe('when the access token expires'),
  expiresIn: z.number().int().describe('seconds until the access token expires'),
  user: userSchema,
});

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(SCOPES)),
  userId: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});

export { oneLine };
