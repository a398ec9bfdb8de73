import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
const element = manifest.modules[0].declarations[0];

describe('custom-elements.json', () => {
  it('is what scripts/custom-elements-manifest.mjs generates from the source', () => {
    expect(() => execFileSync(process.execPath, ['scripts/custom-elements-manifest.mjs', '--check'], { cwd: root, stdio: 'pipe' })).not.toThrow();
  });

  it('declares <verify-badge> with its attributes, events and read-only result', () => {
    expect(element.tagName).toBe('verify-badge');
    expect(element.attributes.map((a: { name: string }) => a.name)).toEqual(['src', 'recipient', 'verify', 'layout', 'lang']);
    expect(element.events.map((e: { name: string }) => e.name)).toEqual(['verify-badge:start', 'verify-badge:result', 'verify-badge:error']);
    expect(element.members.find((m: { name: string }) => m.name === 'result')).toMatchObject({ readonly: true });
  });

  it('documents every part the element renders', () => {
    const dir = new URL('src/element/', root);
    const used = new Set<string>();
    for (const file of readdirSync(dir)) {
      const code = readFileSync(new URL(file, dir), 'utf8');
      for (const match of code.matchAll(/part: ['`]([^'`]+)['`]/g)) {
        for (const name of match[1]!.split(/\s+/)) if (!name.includes('${')) used.add(name);
      }
    }
    const documented = new Set(element.cssParts.map((p: { name: string }) => p.name));
    expect([...used].filter((name) => !documented.has(name))).toEqual([]);
    expect(used.size).toBeGreaterThan(15);
  });
});
