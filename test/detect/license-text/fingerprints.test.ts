// The committed fingerprints (licenses/fingerprints/*.json) depend on the normalizer and
// the shingle size. Each must be current, and those made from a corpus text must come out
// the same when made again today: a normalizer change that alters them fails here, naming
// the command that regenerates them, instead of silently weakening the match.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINGERPRINTS_DIR, buildIndex, readFingerprints } from '../../../src/detect/license-text/build-index.js';
import { NORMALIZER_VERSION } from '../../../src/detect/license-text/normalize.js';
import { FINGERPRINT_FORMAT, fingerprintProfile, makeFingerprint, profileText, staleReason } from '../../../src/detect/license-text/profile.js';
import { SHINGLE_SIZE } from '../../../src/detect/license-text/shingle.js';
import type { CatalogData } from '../../../src/catalog/schema.js';
import { CORPUS, CORPUS_NOTE, corpusIds, corpusText } from './corpus.js';
import { stripFrontMatter } from '../../../scripts/fingerprint.js';

const fingerprints = readFingerprints(FINGERPRINTS_DIR);

describe('licenses/fingerprints', () => {
  it('holds the catalog-only copyfarleft licenses, the Commons Clause, exceptions SPDX lists without a text, and texts whose words SPDX lacks in part', () => {
    expect(fingerprints.map((f) => f.data.id).sort()).toEqual([
      'Autoconf-exception-generic',
      'Autoconf-exception-generic-3.0',
      'Autoconf-exception-macro',
      'GFDL-1.2-only',
      'GFDL-1.3-only',
      'GPL-2.0-only',
      'LGPL-3.0-linking-exception',
      'LLVM-exception',
      'Libtool-exception',
      'LicenseRef-ACSL-1.4',
      'LicenseRef-CNPL-4.0',
      'LicenseRef-CNPL-5.0',
      'LicenseRef-CNPL-6.0',
      'LicenseRef-CNPL-7.0',
      'LicenseRef-Commons-Clause-1.0',
      'LicenseRef-NVPL-4.0',
      'LicenseRef-NVPL-7.0',
    ]);
  });

  it.each(fingerprints.map((f) => [f.file, f.data] as const))('%s is current and says where its text came from', (file, fp) => {
    expect(staleReason(fp)).toBeNull();
    expect([fp.format, fp.normalizer, fp.shingleSize]).toEqual([FINGERPRINT_FORMAT, NORMALIZER_VERSION, SHINGLE_SIZE]);
    expect(file).toBe(`licenses/fingerprints/${fp.id}.json`);
    expect(fp.source.length).toBeGreaterThan(40);
    expect(fp.textSha256).toMatch(/^[0-9a-f]{64}$/);
    const profile = fingerprintProfile(fp);
    // The shortest are exceptions of one paragraph (Autoconf-exception-generic: 43 shingles).
    expect(profile.required.length).toBeGreaterThan(40);
    expect([...profile.required].every((h, i, a) => i === 0 || a[i - 1]! < h)).toBe(true);
  });

  it('holds no text: only hashes, counts and provenance', () => {
    for (const { file } of fingerprints) {
      const raw = readFileSync(file.replace('licenses/fingerprints', FINGERPRINTS_DIR), 'utf8');
      expect(raw).not.toMatch(/worker-owned|Act of War|capitalist principles/i);
    }
  });

  describe.skipIf(!CORPUS)(`made again from the corpus (${CORPUS_NOTE})`, () => {
    const fromCorpus = fingerprints.filter((f) => corpusIds().includes(f.data.id));
    it('covers every catalog-only text of the corpus', () => {
      expect(fromCorpus.map((f) => f.data.id).sort()).toEqual(corpusIds().filter((id) => id.startsWith('LicenseRef-')));
    });
    it.each(fromCorpus.map((f) => [f.data.id, f.data] as const))(
      '%s matches its text (else: npx tsx scripts/fingerprint.ts update licenses/fingerprints/<id>.json <text>)',
      (id, fp) => {
        expect(makeFingerprint(fp.id, fp.source, corpusText(id))).toEqual(fp);
      },
    );
  });

  // The FSF's texts, as Debian ships them: made again when the machine has them.
  const COMMON = '/usr/share/common-licenses';
  const fromDebian = fingerprints.filter((f) => f.data.source.startsWith('Debian base-files'));
  describe.skipIf(!existsSync(COMMON))(`made again from ${COMMON} (Debian's base-files; skipped without it)`, () => {
    it.each(fromDebian.map((f) => [f.data.id, f.data] as const))('%s matches its text', (_id, fp) => {
      const file = /\/usr\/share\/common-licenses\/(\S+?):/.exec(fp.source)![1]!;
      const text = readFileSync(join(COMMON, file), 'utf8');
      // Another Debian release may ship other bytes: only the same file is made again.
      if (createHash('sha256').update(text).digest('hex') !== fp.textSha256) return;
      expect(makeFingerprint(fp.id, fp.source, text)).toEqual(fp);
    });
  });

  it('a stale fingerprint stops the build, naming the file and the fix', () => {
    const catalog = { schema: 1, spdxLicenseIdsVersion: '', spdxLicenseListVersion: '', entries: [] } as unknown as CatalogData;
    const stale = { ...fingerprints[0]!.data, normalizer: NORMALIZER_VERSION - 1 };
    expect(() => buildIndex({ spdx: {}, spdxLicenseListVersion: 'x', catalog, fingerprints: [{ file: 'licenses/fingerprints/x.json', data: stale }] })).toThrow(
      /licenses\/fingerprints\/x\.json: fingerprint is stale .*scripts\/fingerprint\.ts/,
    );
  });

  it('the fingerprint script drops ScanCode front matter', () => {
    const text = '---\nkey: x\nname: X\n---\n\nTHE LICENSE\nterms\n';
    expect(stripFrontMatter(text)).toBe('THE LICENSE\nterms\n');
    expect(profileText(stripFrontMatter(text)).sha256).toBe(profileText('THE LICENSE\nterms').sha256);
    expect(stripFrontMatter('no front matter\n---\n')).toBe('no front matter\n---\n');
  });
});
