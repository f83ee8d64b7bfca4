import path from 'node:path';
import { z } from 'zod';

/**
 * Whether Claimdesk looks for updates, and where. Analysts often work offline and must never find the app calling
 * out on its own, so updates are OFF unless an organisation configures a feed, in a policy file its IT department
 * deploys (users cannot be talked into it by a document). Pure: the glue in updater.ts reads the file and acts.
 */

/** The organisation's policy file: where IT departments put machine-wide settings on each OS. */
export function policyFilePaths(platform: NodeJS.Platform, env: Record<string, string | undefined>): string[] {
  if (platform === 'win32') return [path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Claimdesk', 'policy.json')];
  if (platform === 'darwin') return ['/Library/Application Support/Claimdesk/policy.json'];
  return ['/etc/claimdesk/policy.json'];
}

const policySchema = z
  .object({
    updates: z
      .object({
        /** An electron-builder "generic" feed: a folder served over HTTPS holding latest.yml and the installers. */
        url: z.url({ protocol: /^https$/ }),
        /** Release channel; electron-updater reads <channel>.yml (latest.yml by default). */
        channel: z.string().regex(/^[a-z][a-z0-9-]{0,30}$/).optional(),
        /** Hours between checks while the app runs; 0 checks only at start and from the Help menu. */
        intervalHours: z.number().int().min(0).max(24 * 7).default(24),
      })
      .strict()
      .optional(),
  })
  .loose();

export type UpdatePolicy =
  | { enabled: false; reason: string }
  | { enabled: true; feedUrl: string; channel: string | undefined; intervalHours: number; source: string };

const OFF_BY_DEFAULT = 'Updates are off: no organisation has configured an update feed.';

/**
 * Decides from the policy file's text (undefined when there is none). A policy that is present but wrong turns
 * updates off and says why, rather than guessing: a typo must not send an analyst's laptop to an unexpected server.
 */
export function decideUpdatePolicy(input: { text: string | undefined; source: string; isPackaged: boolean; platform: NodeJS.Platform; isAppImage: boolean }): UpdatePolicy {
  if (input.text === undefined) return { enabled: false, reason: OFF_BY_DEFAULT };
  let data: unknown;
  try {
    data = JSON.parse(input.text);
  } catch {
    return { enabled: false, reason: `Updates are off: ${input.source} is not valid JSON.` };
  }
  const parsed = policySchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { enabled: false, reason: `Updates are off: ${input.source} has an invalid ${issue?.path.join('.') || 'value'} (${issue?.message ?? 'unknown'}).` };
  }
  const updates = parsed.data.updates;
  if (!updates) return { enabled: false, reason: OFF_BY_DEFAULT };
  if (!input.isPackaged) return { enabled: false, reason: 'Updates are off: this is a development build.' };
  // A .deb is updated by the system's package manager; electron-updater can only replace an AppImage on Linux.
  if (input.platform === 'linux' && !input.isAppImage) return { enabled: false, reason: 'Updates are off: this installation is updated by the system package manager.' };
  return { enabled: true, feedUrl: updates.url.replace(/\/+$/, ''), channel: updates.channel, intervalHours: updates.intervalHours, source: input.source };
}

/** The questions the updater asks: nothing is downloaded or installed without a yes. */
export function updatePrompts(version: string) {
  return {
    available: {
      message: `Claimdesk ${version} is available.`,
      detail: 'Download it now? Your work is not affected; you choose when to install it.',
      buttons: ['Download', 'Not Now'],
    },
    downloaded: {
      message: `Claimdesk ${version} is ready to install.`,
      detail: 'Claimdesk will write its backup, close, install the update and start again.',
      buttons: ['Install and Restart', 'Later'],
    },
  } as const;
}
