import { describe, expect, it } from 'vitest';
import { detector, readerFor } from '../../../src/detect/manifests/index.js';
import { jsonErrorAt, jsonKeyLines, readManifest, tomlKeyLine } from '../../../src/detect/manifests/shared.js';
import type { FileInput } from '../../../src/detect/types.js';
import { fileInput, testContext } from '../../helpers.js';

describe('routing', () => {
  it.each([
    ['package.json', true],
    ['packages/a/package.json', true],
    ['Cargo.toml', true],
    ['pyproject.toml', true],
    ['setup.cfg', true],
    ['PKG-INFO', true],
    ['demo.egg-info/PKG-INFO', true],
    ['demo-1.0.dist-info/METADATA', true],
    ['composer.json', true],
    ['demo.gemspec', true],
    ['DESCRIPTION', true],
    ['Demo.nuspec', true],
    ['META.json', true],
    ['Text-Ledger-1.04/META.yml', true],
    ['meta.json', false],
    ['package-lock.json', false],
    ['cargo.toml', false], // Cargo reads only Cargo.toml
    ['my.package.json', false],
    ['.gemspec', false],
    ['README.md', false],
    ['constructor', false], // no prototype keys leak from the table
    ['__proto__', false],
  ])('%s -> %s', (path, accepted) => {
    expect(detector.accepts(path, 'text')).toBe(accepted);
    expect(readerFor(path) !== undefined).toBe(accepted);
  });

  it('does not read binaries', () => {
    expect(detector.accepts('package.json', 'binary')).toBe(false);
  });

  it('reads a gemspec with a NUL (binary by Git\'s rule) as UTF-8 text, and not one that is not UTF-8', () => {
    const stub = (tail: number[]): Uint8Array => new Uint8Array([...Buffer.from('# stub: demo 1.0 ruby lib\0ext\n  s.licenses = ["MIT".freeze]\n'), ...tail]);
    expect(detector.accepts('demo.gemspec', 'binary')).toBe(true);
    expect(detector.detect(fileInput('demo.gemspec', stub([])), testContext()).declarations.map((d) => d.expression)).toEqual(['MIT']);
    expect(detector.detect(fileInput('demo.gemspec', stub([0xff, 0xfe, 0x80])), testContext()).declarations).toEqual([]);
  });

  it('reports a manifest too large to read instead of guessing', () => {
    const big: FileInput = { ...fileInput('package.json', '{"license": "MIT"'), complete: false, size: 5_000_000 };
    const d = detector.detect(big, testContext());
    expect(d.declarations).toEqual([]);
    expect(d.problems).toMatchObject([{ code: 'manifest-too-large', file: 'package.json' }]);
  });

  it('turns a reader that throws into a problem, so the scan goes on', () => {
    const d = readManifest(fileInput('x.json', '{}'), testContext(), () => {
      throw new Error('boom');
    });
    expect(d.problems).toMatchObject([{ code: 'malformed-manifest', severity: 'error', file: 'x.json' }]);
  });

  it.each([
    ['package.json', '{"license": "'],
    ['Cargo.toml', '[package\nlicense = "MIT"'],
    ['pyproject.toml', '[project]\nlicense = {'],
    ['setup.cfg', '[metadata\nlicense'],
    ['PKG-INFO', 'Metadata-Version: 2.1\n:::\nLicense-Expression: ((('],
    ['composer.json', '[1, 2'],
    ['x.gemspec', 's.licenses = ["'],
    ['DESCRIPTION', 'Package: x\nLicense: | | +'],
    ['x.nuspec', '<license type="expression"><license>'],
    ['META.json', '{"meta-spec": {"version": 2}, "license": '],
    ['META.yml', 'meta-spec: {version: 2}\nlicense: [perl_5'],
  ])('never throws on broken %s', (path, text) => {
    expect(() => detector.detect(fileInput(path, text), testContext())).not.toThrow();
  });

  it('stays linear on hostile input', () => {
    const hostile: [string, string][] = [
      ['x.nuspec', '<license'.repeat(100_000)],
      ['x.gemspec', `s.license = ${'"\\'.repeat(100_000)}`],
      ['Cargo.toml', `a = """\n[${' '.repeat(200_000)}\n"""\n[package]\nlicense = "MIT"`],
      ['setup.cfg', `[metadata]\n${' '.repeat(200_000)}x`],
      ['package.json', `{"a": "${'\\"'.repeat(100_000)}", "license": "MIT"}`],
    ];
    for (const [path, text] of hostile) detector.detect(fileInput(path, text), testContext());
  });
});

describe('positions', () => {
  it.each([
    ['Expected , after a value', '{\n  "a": 1\n  "b": 2\n}', 3, 3],
    ['unexpected token without a position', '{\n  "name": "a long enough name",\n  "license": MIT\n}', 3, 14],
    ['short text with an unexpected token', '{"a": tru}', 1, 10],
    ['end of input', '{\n  "a": [1,\n', 2, 11],
  ])('jsonErrorAt: %s', (_, text, line, column) => {
    let error: unknown;
    try {
      JSON.parse(text);
    } catch (e) {
      error = e;
    }
    expect(jsonErrorAt(text, error)).toMatchObject({ line, column });
  });

  it('jsonKeyLines finds top-level keys only, skipping strings', () => {
    const text = '{\n  "description": "the \\"license\\": {",\n  "nested": { "license": "x" },\n  "license": "MIT"\n}';
    expect(jsonKeyLines(text, ['license']).get('license')).toBe(4);
    expect(jsonKeyLines(text, ['nested', 'license'])).toEqual(new Map([['nested', 3], ['license', 4]]));
    // Escaped quotes and backslashes inside strings: "a\\" ends at its second quote, "\\\"" does not.
    const escapes = '{\n  "a": "x\\\\",\n  "b": "\\\\\\"}: {",\n  "license": "MIT"\n}';
    expect(JSON.parse(escapes)).toEqual({ a: 'x\\', b: '\\"}: {', license: 'MIT' });
    expect(jsonKeyLines(escapes, ['license'])).toEqual(new Map([['license', 4]]));
    // Only the keys asked for, and a key that is not there is simply absent.
    expect(jsonKeyLines(text, ['description', 'licenses'])).toEqual(new Map([['description', 2]]));
    // A key written with an escape is the key it reads as; white space may stand before its colon.
    const escaped = '{\n  "name": "x",\n  "lic\\u0065nse"\n    : "MIT"\n}';
    expect(JSON.parse(escaped)).toEqual({ name: 'x', license: 'MIT' });
    expect(jsonKeyLines(escaped, ['license'])).toEqual(new Map([['license', 3]]));
    expect(jsonKeyLines('{"a":"license","license":1}', ['license'])).toEqual(new Map([['license', 1]]));
    // "license" as a value is no key; a key written once is found without reading the document through.
    expect(jsonKeyLines('{\n  "keywords": ["license", "mit"],\n  "license"  :\n "MIT"\n}', ['license'])).toEqual(new Map([['license', 3]]));
    expect(jsonKeyLines('{\n  "license": "MIT",\n  "x": { "license": "y" },\n  "licenses": []\n}', ['license', 'licenses'])).toEqual(new Map([['license', 2], ['licenses', 4]]));
  });

  it.each([
    ['[package]\nname = "a"\nlicense = "MIT"', 'package', 'license', 3],
    ['[package]\nlicense.workspace = true', 'package', 'license', 2],
    ['package.license = "MIT"', 'package', 'license', 1],
    ['[dependencies]\nlicense = "x"\n[package]\nlicense = "MIT"', 'package', 'license', 4],
    ['[workspace.package]\nlicense = "MIT"', 'package', 'license', undefined],
    ['[ "workspace" . package ]\nlicense = "MIT"', 'workspace.package', 'license', 2],
  ])('tomlKeyLine(%j, %s, %s) = %s', (text, table, key, line) => {
    expect(tomlKeyLine(text, table, key)).toBe(line);
  });
});
