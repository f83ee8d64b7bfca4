import { z } from 'zod';

/**
 * The sync server's HTTP API, shared by the server (which validates every request with these schemas) and the app
 * (which validates every answer). The Yjs traffic itself goes over the Hocuspocus WebSocket on the same address.
 */
export const SYNC_ROLES = ['owner', 'editor', 'viewer'] as const;
/** owner: everything, invites; editor: reads and writes; viewer: reads only (the server drops a viewer's writes). */
export type SyncRole = (typeof SYNC_ROLES)[number];
export const SYNC_ROLE_LABELS: Record<SyncRole, string> = { owner: 'Owner', editor: 'Editor', viewer: 'Viewer' };

const name = z.string().trim().min(1, 'Give your name, so your team sees who made each change.').max(80);

/** POST /join: trade an invitation for membership of its project. */
export const joinRequestSchema = z.object({ invitation: z.string().min(1).max(4096), name });
export type JoinRequest = z.infer<typeof joinRequestSchema>;
export const joinResultSchema = z.object({
  token: z.string().min(1),
  projectId: z.string().min(1),
  projectName: z.string(),
  role: z.enum(SYNC_ROLES),
  memberId: z.string().min(1),
  name: z.string(),
});
export type JoinResult = z.infer<typeof joinResultSchema>;

/** POST /invitations (owner only): a signed invitation for one more member. */
export const inviteRequestSchema = z.object({
  role: z.enum(SYNC_ROLES),
  /** How long the invitation stays valid, in hours (at most 30 days). */
  expiresInHours: z.number().positive().max(24 * 30),
});
export type InviteRequest = z.infer<typeof inviteRequestSchema>;
export const inviteResultSchema = z.object({ invitation: z.string().min(1), expiresAt: z.string(), role: z.enum(SYNC_ROLES) });
export type InviteResult = z.infer<typeof inviteResultSchema>;

/** GET /members: who belongs to the project. */
export const membersResultSchema = z.object({
  members: z.array(z.object({ memberId: z.string(), name: z.string(), role: z.enum(SYNC_ROLES), joinedAt: z.string() })),
});
export type MembersResult = z.infer<typeof membersResultSchema>;

/** POST /files/missing: which of these vault files the server does not hold yet (so none is sent twice). */
export const missingFilesRequestSchema = z.object({ hashes: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(10_000) });
export const missingFilesResultSchema = z.object({ missing: z.array(z.string()) });

/** Every error answer: one sentence for the user. */
export const serverErrorSchema = z.object({ error: z.string() });

export const SHA256_HEX = /^[0-9a-f]{64}$/;
