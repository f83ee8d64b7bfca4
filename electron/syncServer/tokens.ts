import { randomUUID } from 'node:crypto';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import { z } from 'zod';
import { SYNC_ROLES, type SyncRole } from '../../shared/sync/serverApi.js';

/**
 * Invitations and access tokens are JWTs signed with the server's secret (HS256, via jose). An invitation names a
 * project and a role and expires; the server trades it once for an access token that names the member. Access
 * tokens are checked against the members table on every connection, so a removed member is refused at once.
 */
const ISSUER = 'claimdesk-sync';
const ALG = 'HS256';

export class TokenError extends Error {}

const invitationClaims = z.object({
  typ: z.literal('invite'),
  prj: z.string().min(1).max(200),
  pname: z.string().max(200).default(''),
  role: z.enum(SYNC_ROLES),
  jti: z.string().min(1),
});
export type Invitation = z.infer<typeof invitationClaims>;

const accessClaims = z.object({
  typ: z.literal('access'),
  prj: z.string().min(1),
  sub: z.string().min(1),
  name: z.string(),
  role: z.enum(SYNC_ROLES),
});
export type AccessClaims = z.infer<typeof accessClaims>;

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export function newProjectId(): string {
  return `project-${randomUUID()}`;
}

export async function signInvitation(
  secret: string,
  invite: { projectId: string; projectName?: string; role: SyncRole; expiresInSeconds: number },
): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + invite.expiresInSeconds * 1000);
  const token = await new SignJWT({ typ: 'invite', prj: invite.projectId, pname: invite.projectName ?? '', role: invite.role })
    .setProtectedHeader({ alg: ALG })
    .setIssuer(ISSUER)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key(secret));
  return { token, expiresAt };
}

export async function signAccessToken(secret: string, claims: Omit<AccessClaims, 'typ'>): Promise<string> {
  return new SignJWT({ typ: 'access', prj: claims.prj, name: claims.name, role: claims.role })
    .setProtectedHeader({ alg: ALG })
    .setIssuer(ISSUER)
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime('400d')
    .sign(key(secret));
}

async function verify(secret: string, token: string, what: string): Promise<Record<string, unknown>> {
  try {
    const { payload } = await jwtVerify(token.trim(), key(secret), { issuer: ISSUER, algorithms: [ALG] });
    return payload as Record<string, unknown>;
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw new TokenError(`This ${what} has expired: ask for a new one.`);
    throw new TokenError(`This ${what} is not valid for this server: check that it was copied whole.`);
  }
}

export async function verifyInvitation(secret: string, token: string): Promise<Invitation> {
  const parsed = invitationClaims.safeParse(await verify(secret, token, 'invitation'));
  if (!parsed.success) throw new TokenError('This is not an invitation: paste the invitation your project owner sent you.');
  return parsed.data;
}

export async function verifyAccessToken(secret: string, token: string): Promise<AccessClaims> {
  const parsed = accessClaims.safeParse(await verify(secret, token, 'sign-in'));
  if (!parsed.success) throw new TokenError('This is not a project sign-in token.');
  return parsed.data;
}
