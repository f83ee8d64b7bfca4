import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importCitations } from '../../../../electron/sources/importCitations.js';
import { ValidationError } from '../../../../shared/domain/debates.js';
import { MemoryStore } from '../../../../shared/domain/memoryStore.js';
import { createSource, importSources, updateSource } from '../../../../shared/domain/sources.js';
import { bibliography } from '../../../../shared/exports/bibliography.js';
import { exportCslJson } from '../../../../shared/sources/cslExport.js';
import { sourceUrlProblem, webAddress } from '../../../../shared/sources/webAddress.js';
import { hostileSnapshot } from '../../../fixtures/hostile/hostileSnapshot.js';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/hostile/${name}`, import.meta.url), 'utf8');

describe('webAddress', () => {
  it('keeps http and https addresses and refuses every other scheme, however it is spelt', () => {
    expect(webAddress('https://www.nato.int/cps/en/natohq/topics_49198.htm')).toBe('https://www.nato.int/cps/en/natohq/topics_49198.htm');
    expect(webAddress(' http://example.org/a?b=c ')).toBe('http://example.org/a?b=c');
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'ftp://example.org/',
      '//example.org/',
      'example.org',
      'https://exa mple.org/',
    ]) {
      expect(webAddress(bad), bad).toBeUndefined();
      expect(sourceUrlProblem(bad), bad).toMatch(/is not a web address/);
    }
    expect(sourceUrlProblem('')).toBeUndefined();
    expect(sourceUrlProblem(undefined)).toBeUndefined();
  });
});

describe('source URLs at entry', () => {
  it('refuses a javascript: or data: URL with a sentence and stores nothing', async () => {
    const store = new MemoryStore();
    await expect(createSource(store, { kind: 'report', csl: { title: 'NATO', URL: 'javascript:alert(1)' } })).rejects.toThrow(ValidationError);
    await expect(createSource(store, { kind: 'report', csl: { title: 'NATO', URL: 'data:text/html,x' } })).rejects.toThrow(
      /“data:text\/html,x” is not a web address: only links starting with http:\/\/ or https:\/\/ are kept/,
    );
    expect(store.snapshot().sources).toEqual([]);
    const ok = await createSource(store, { kind: 'report', csl: { title: 'NATO', URL: 'https://www.nato.int/' } });
    await expect(updateSource(store, ok.id, { kind: 'report', csl: { title: 'NATO', URL: 'javascript:alert(1)' } })).rejects.toThrow(/not a web address/);
    expect(store.snapshot().sources[0]!.csl.URL).toBe('https://www.nato.int/');
  });

  it('refuses imported sources carrying such a URL, all or none', async () => {
    const store = new MemoryStore();
    const sources = hostileSnapshot().sources;
    await expect(importSources(store, sources)).rejects.toThrow(/not a web address/);
    expect(store.snapshot().sources).toEqual([]);
  });
});

describe('source URLs at import', () => {
  it.each([
    ['script-urls.bib', ['evil-js', 'evil-data']],
    ['script-urls.ris', ['A link that runs script', 'A link to a local file']],
    ['script-urls.json', ['Tab-split javascript link', 'A data URL', 'A vbscript URL']],
  ])('%s: entries with non-web URLs are refused with a reason; the good one comes in', (name, refused) => {
    const result = importCitations(fixture(name), [], name);
    expect(result.sources).toHaveLength(1);
    expect(String(result.sources[0]!.csl.URL)).toMatch(/^https:\/\/www\.nato\.int\//);
    expect(result.errors).toHaveLength(refused.length);
    for (const error of result.errors) expect(error.reason).toMatch(/is not a web address: only links starting with http:\/\/ or https:\/\/ are kept\.$/);
    expect(result.errors.map((e) => e.entry).join('\n')).toContain(refused[0]);
  });
});

describe('source URLs never exported', () => {
  it('leaves non-web URLs out of CSL-JSON and bibliographies', () => {
    const sources = hostileSnapshot().sources;
    const csl = JSON.stringify(exportCslJson(sources));
    expect(csl).not.toContain('javascript:');
    expect(csl).not.toContain('data:text');
    for (const style of ['apa', 'chicago'] as const) {
      const text = bibliography(sources, style).map((b) => b.text).join('\n');
      expect(text).not.toContain('javascript:');
      expect(text).not.toContain('data:text');
    }
  });
});
