// The index the build writes (generated/license-index.*): what it holds and how fast it loads.
import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { EXCEPTION_TEXTS } from '../../../src/catalog/exception-texts.js';
import { loadMatcher } from '../../../src/detect/license-text/index.js';
import { OPTIONAL_BIT, postingsOf, readIndex, type LicenseIndex } from '../../../src/detect/license-text/index-data.js';
import { NORMALIZER_VERSION } from '../../../src/detect/license-text/normalize.js';
import { hashWords, SHINGLE_SIZE } from '../../../src/detect/license-text/shingle.js';
import { GENERATED_DIR } from '../../../src/paths.js';

const require = createRequire(import.meta.url);
const deprecated = new Set<string>(require('spdx-license-ids/deprecated.json'));
let index: LicenseIndex;
beforeAll(() => {
  index = readIndex(GENERATED_DIR);
});

describe('the license-text index', () => {
  it('was made with this normalizer and shingle size', () => {
    expect(index.header).toMatchObject({ normalizer: NORMALIZER_VERSION, shingleSize: SHINGLE_SIZE });
  });

  it('names no deprecated id', () => {
    const ids = index.header.targets.flatMap((t) => t.ids);
    expect(ids.filter((id) => deprecated.has(id))).toEqual([]);
    // One text per id from each source; an id has two only where its authors' text (a fingerprint) has words SPDX's lacks.
    const of = (origin: string) => index.header.targets.filter((t) => t.kind !== 'notice' && t.origin === origin).flatMap((t) => t.ids);
    for (const origin of ['spdx', 'fingerprint']) expect(new Set(of(origin)).size).toBe(of(origin).length);
    const both = index.header.targets.filter((t) => t.origin === 'fingerprint' && of('spdx').includes(t.ids[0]!));
    expect(both.map((t) => t.ids[0])).toEqual(['GFDL-1.2-only', 'GFDL-1.3-only', 'GPL-2.0-only']);
    // ...and names every id SPDX's names (a hint LICENSES/GFDL-1.3-no-invariants-only.txt still picks its id).
    for (const t of both) expect(t.ids).toEqual(index.header.targets.find((x) => x.origin === 'spdx' && x.ids.includes(t.ids[0]!))!.ids);
    const texts = index.header.targets.filter((t) => t.kind !== 'notice').flatMap((t) => t.ids);
    // A notice names a license whose text is indexed too.
    const notices = index.header.targets.filter((t) => t.kind === 'notice').flatMap((t) => t.ids);
    expect(notices).toEqual(['Apache-2.0', 'Apache-2.0', 'OFL-1.1']); // the appendix's wording and Amazon's
    expect(notices.every((id) => texts.includes(id))).toBe(true);
  });

  it('groups ids that share one text, the -only id first', () => {
    const group = (id: string) => index.header.targets.find((t) => t.ids.includes(id))?.ids;
    expect(group('GPL-3.0-or-later')).toEqual(['GPL-3.0-only', 'GPL-3.0-or-later']);
    expect(group('LGPL-2.1-only')).toEqual(['LGPL-2.1-only', 'LGPL-2.1-or-later']);
    expect(group('GFDL-1.3-or-later')![0]).toBe('GFDL-1.3-only');
    expect(group('OFL-1.1')![0]).toBe('OFL-1.1');
    expect(group('MIT')).toEqual(['MIT']);
    expect(group('LicenseRef-CNPL-7.0')).toEqual(['LicenseRef-CNPL-7.0', 'LicenseRef-CNPL-7.0-or-later']);
  });

  it('holds the exception texts SPDX ships under deprecated ids, as exceptions', () => {
    for (const id of Object.values(EXCEPTION_TEXTS)) expect(index.header.targets.find((t) => t.ids.includes(id))?.kind, id).toBe('exception');
  });

  it('holds the copyfarleft fingerprints with their catalog phrases', () => {
    const cnpl = index.header.targets.find((t) => t.ids.includes('LicenseRef-CNPL-7.0'))!;
    expect(cnpl.origin).toBe('fingerprint');
    expect(cnpl.phrases.length).toBeGreaterThan(0);
    expect(cnpl.phrases.every((p) => /^[a-z0-9]+$/.test(p))).toBe(true);
  });

  it('keeps postings sorted by hash, then owner, each with a count', () => {
    const { hashes, owners, counts } = index;
    for (let i = 1; i < hashes.length; i++) {
      const order = hashes[i - 1]! - hashes[i]! || owners[i - 1]! - owners[i]!;
      if (order >= 0) throw new Error(`postings out of order at ${i}`);
    }
    expect(counts.every((c) => c >= 1)).toBe(true);
    const required = index.header.targets.reduce((n, t) => n + t.required, 0);
    expect(owners.filter((o) => !(o & OPTIONAL_BIT)).length).toBe(required);
  });

  it('finds the postings of a hash through its bucket', () => {
    for (const i of [0, 1, 1000, Math.floor(index.hashes.length / 2), index.hashes.length - 1]) {
      const h = index.hashes[i]!;
      const [lo, hi] = postingsOf(index, h);
      expect(lo).toBeLessThanOrEqual(i);
      expect(hi).toBeGreaterThan(i);
      expect(index.hashes[lo]).toBe(h);
      if (lo > 0) expect(index.hashes[lo - 1]).not.toBe(h);
    }
    expect(postingsOf(index, 0)[1] - postingsOf(index, 0)[0]).toBeLessThanOrEqual(1);
  });

  it('loads', () => {
    const m = loadMatcher();
    expect(m.knows('PPL')).toBe(true);
    expect(m.knows('LicenseRef-CNPL-7.0')).toBe(true);
    expect(m.knows('GPL-2.0')).toBe(false);
  });

  it('gives every target one shape, optional fields included (the matcher reads them all alike)', () => {
    const shapes = new Set(index.header.targets.map((t) => Object.keys(t).join(',')));
    expect([...shapes]).toHaveLength(1);
    expect(index.header.targets.some((t) => t.blanks === undefined)).toBe(true);
    expect(index.header.targets.some((t) => t.template !== undefined)).toBe(true);
  });
});

describe('hashWords', () => {
  it('is the SHA-256 of the words joined by single spaces, as the index was built with', () => {
    expect(hashWords(['a', 'b'])).toBe('c8687a08aa5d6ed2044328fa6a697ab8e96dc34291e8c2034ae8c38e6fcc6d65');
    expect(hashWords(['é'])).toBe(createHash('sha256').update('é', 'utf8').digest('hex'));
  });
});
