import pg from 'pg';
import type { SyncRole } from '../../shared/sync/serverApi.js';

/**
 * Everything the sync server keeps, in PostgreSQL: projects, members and their roles, used invitations, each
 * project's Yjs state (written by @hocuspocus/extension-database) and the vault files, content-addressed by SHA-256.
 * Several server instances share one database, which is what lets them run behind Redis.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS claimdesk_projects (
  id text PRIMARY KEY,
  name text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS claimdesk_members (
  project_id text NOT NULL REFERENCES claimdesk_projects(id) ON DELETE CASCADE,
  member_id text NOT NULL,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
  joined_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (project_id, member_id)
);
CREATE TABLE IF NOT EXISTS claimdesk_used_invitations (
  jti text PRIMARY KEY,
  project_id text NOT NULL,
  member_id text NOT NULL,
  used_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS claimdesk_documents (
  name text PRIMARY KEY,
  state bytea NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS claimdesk_files (
  project_id text NOT NULL,
  hash text NOT NULL,
  size bigint NOT NULL,
  data bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (project_id, hash)
);
`;

export interface Member {
  memberId: string;
  name: string;
  role: SyncRole;
  joinedAt: string;
}

export type ServerDatabase = Awaited<ReturnType<typeof openServerDatabase>>;

export async function openServerDatabase(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  // An idle client that loses its server (a restart) must not crash the process.
  pool.on('error', () => undefined);
  const client = await pool.connect();
  try {
    // Two instances starting together must not race to create the same tables.
    await client.query('SELECT pg_advisory_lock(424242)');
    await client.query(SCHEMA);
    await client.query('SELECT pg_advisory_unlock(424242)');
  } finally {
    client.release();
  }

  return {
    async close() {
      await pool.end();
    },

    async ensureProject(id: string, name: string): Promise<void> {
      await pool.query('INSERT INTO claimdesk_projects (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [id, name]);
    },

    async projectName(id: string): Promise<string | undefined> {
      const { rows } = await pool.query<{ name: string }>('SELECT name FROM claimdesk_projects WHERE id = $1', [id]);
      return rows[0]?.name;
    },

    async projectExists(id: string): Promise<boolean> {
      return (await this.projectName(id)) !== undefined;
    },

    async member(projectId: string, memberId: string): Promise<Member | undefined> {
      const { rows } = await pool.query(
        'SELECT member_id, name, role, joined_at FROM claimdesk_members WHERE project_id = $1 AND member_id = $2',
        [projectId, memberId],
      );
      const row = rows[0];
      return row ? { memberId: row.member_id, name: row.name, role: row.role, joinedAt: new Date(row.joined_at).toISOString() } : undefined;
    },

    async members(projectId: string): Promise<Member[]> {
      const { rows } = await pool.query(
        'SELECT member_id, name, role, joined_at FROM claimdesk_members WHERE project_id = $1 ORDER BY joined_at',
        [projectId],
      );
      return rows.map((row) => ({ memberId: row.member_id, name: row.name, role: row.role, joinedAt: new Date(row.joined_at).toISOString() }));
    },

    /**
     * Records an invitation's use and the member it made, in one transaction. Using the same invitation again under
     * the same name gives back the same member (a join that was cut off can be retried); anyone else is refused.
     */
    async join(invite: { jti: string; projectId: string; role: SyncRole }, name: string, newMemberId: string): Promise<Member | 'used'> {
      const db = await pool.connect();
      let memberId = newMemberId;
      try {
        await db.query('BEGIN');
        const used = await db.query<{ member_id: string }>('SELECT member_id FROM claimdesk_used_invitations WHERE jti = $1 FOR UPDATE', [invite.jti]);
        if (used.rows[0]) {
          const earlier = await db.query<{ name: string }>(
            'SELECT name FROM claimdesk_members WHERE project_id = $1 AND member_id = $2',
            [invite.projectId, used.rows[0].member_id],
          );
          if (earlier.rows[0]?.name !== name) {
            await db.query('ROLLBACK');
            return 'used';
          }
          memberId = used.rows[0].member_id;
        } else {
          await db.query('INSERT INTO claimdesk_used_invitations (jti, project_id, member_id) VALUES ($1, $2, $3)', [invite.jti, invite.projectId, memberId]);
          await db.query('INSERT INTO claimdesk_members (project_id, member_id, name, role) VALUES ($1, $2, $3, $4)', [invite.projectId, memberId, name, invite.role]);
        }
        await db.query('COMMIT');
      } catch (error) {
        await db.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        db.release();
      }
      return (await this.member(invite.projectId, memberId))!;
    },

    async loadDocument(name: string): Promise<Uint8Array | null> {
      const { rows } = await pool.query<{ state: Buffer }>('SELECT state FROM claimdesk_documents WHERE name = $1', [name]);
      return rows[0] ? new Uint8Array(rows[0].state) : null;
    },

    async storeDocument(name: string, state: Uint8Array): Promise<void> {
      await pool.query(
        `INSERT INTO claimdesk_documents (name, state, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (name) DO UPDATE SET state = EXCLUDED.state, updated_at = now()`,
        // A view of the same bytes, not a copy: the state of a big project is megabytes.
        [name, Buffer.from(state.buffer, state.byteOffset, state.byteLength)],
      );
    },

    async missingFiles(projectId: string, hashes: string[]): Promise<string[]> {
      if (hashes.length === 0) return [];
      const { rows } = await pool.query<{ hash: string }>('SELECT hash FROM claimdesk_files WHERE project_id = $1 AND hash = ANY($2)', [projectId, hashes]);
      const have = new Set(rows.map((r) => r.hash));
      return [...new Set(hashes)].filter((h) => !have.has(h));
    },

    /** Stores a file unless it is there already; false when it was (a file is never stored twice). */
    async putFile(projectId: string, hash: string, data: Buffer): Promise<boolean> {
      const result = await pool.query(
        'INSERT INTO claimdesk_files (project_id, hash, size, data) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
        [projectId, hash, data.length, data],
      );
      return (result.rowCount ?? 0) > 0;
    },

    async getFile(projectId: string, hash: string): Promise<Buffer | undefined> {
      const { rows } = await pool.query<{ data: Buffer }>('SELECT data FROM claimdesk_files WHERE project_id = $1 AND hash = $2', [projectId, hash]);
      return rows[0]?.data;
    },
  };
}
