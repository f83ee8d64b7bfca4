import { describe, expect, it } from 'vitest';
import { decideUpdatePolicy, policyFilePaths, updatePrompts } from '../../../../electron/updates/updatePolicy.js';

const base = { source: '/etc/claimdesk/policy.json', isPackaged: true, platform: 'win32' as NodeJS.Platform, isAppImage: false };

describe('update policy', () => {
  it('is off when no organisation configured a feed', () => {
    expect(decideUpdatePolicy({ ...base, text: undefined })).toEqual({ enabled: false, reason: 'Updates are off: no organisation has configured an update feed.' });
    expect(decideUpdatePolicy({ ...base, text: '{"telemetry": false}' }).enabled).toBe(false);
  });

  it('is on with the organisation’s HTTPS feed, channel and interval', () => {
    const text = JSON.stringify({ updates: { url: 'https://updates.example.org/claimdesk/', channel: 'stable', intervalHours: 12 } });
    expect(decideUpdatePolicy({ ...base, text })).toEqual({ enabled: true, feedUrl: 'https://updates.example.org/claimdesk', channel: 'stable', intervalHours: 12, source: base.source });
    expect(decideUpdatePolicy({ ...base, text: JSON.stringify({ updates: { url: 'https://u.example.org' } }) })).toMatchObject({ enabled: true, intervalHours: 24, channel: undefined });
  });

  it('stays off, and says why, for a policy that is wrong rather than guess', () => {
    const off = (text: string) => decideUpdatePolicy({ ...base, text });
    expect(off('{not json')).toEqual({ enabled: false, reason: 'Updates are off: /etc/claimdesk/policy.json is not valid JSON.' });
    expect(off(JSON.stringify({ updates: { url: 'http://updates.example.org' } })).enabled).toBe(false);
    expect(off(JSON.stringify({ updates: { url: 'file:///tmp/feed' } })).enabled).toBe(false);
    expect(off(JSON.stringify({ updates: { url: 'https://u.example.org', channel: '../x' } })).enabled).toBe(false);
    expect(off(JSON.stringify({ updates: { url: 'https://u.example.org', autoInstall: true } })).enabled).toBe(false);
    const reason = off(JSON.stringify({ updates: { url: 'http://u.example.org' } }));
    expect(reason).toMatchObject({ reason: expect.stringContaining('invalid updates.url') });
  });

  it('is off in development builds and in a .deb, which the system package manager updates', () => {
    const text = JSON.stringify({ updates: { url: 'https://u.example.org' } });
    expect(decideUpdatePolicy({ ...base, text, isPackaged: false })).toEqual({ enabled: false, reason: 'Updates are off: this is a development build.' });
    expect(decideUpdatePolicy({ ...base, text, platform: 'linux' }).enabled).toBe(false);
    expect(decideUpdatePolicy({ ...base, text, platform: 'linux', isAppImage: true }).enabled).toBe(true);
  });

  it('reads the policy where IT departments put machine-wide settings', () => {
    expect(policyFilePaths('win32', { ProgramData: 'D:\\ProgramData' })).toEqual(['D:\\ProgramData\\Claimdesk\\policy.json']);
    expect(policyFilePaths('darwin', {})).toEqual(['/Library/Application Support/Claimdesk/policy.json']);
    expect(policyFilePaths('linux', {})).toEqual(['/etc/claimdesk/policy.json']);
  });

  it('asks before downloading and again before installing', () => {
    const prompts = updatePrompts('0.2.0');
    expect(prompts.available.buttons).toEqual(['Download', 'Not Now']);
    expect(prompts.downloaded).toMatchObject({ message: 'Claimdesk 0.2.0 is ready to install.', buttons: ['Install and Restart', 'Later'] });
  });
});
