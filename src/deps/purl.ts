// Package URLs (https://github.com/package-url/purl-spec) for the SBOMs: pkg:<type>/<namespace>/<name>@<version>,
// each segment percent-encoded.
import type { Ecosystem } from './types.js';

const TYPE: Readonly<Record<Ecosystem, string>> = { npm: 'npm', pypi: 'pypi', cargo: 'cargo', go: 'golang', composer: 'composer' };

export function purlOf(ecosystem: Ecosystem, name: string, version: string | null): string | null {
  if (name === '') return null;
  // PyPI names are compared normalized (PEP 503), and purl writes them so.
  const written = ecosystem === 'pypi' ? name.toLowerCase().replace(/[-_.]+/g, '-') : name;
  const path = written.split('/').filter(Boolean).map(encode).join('/');
  return `pkg:${TYPE[ecosystem]}/${path}${version ? `@${encode(version)}` : ''}`;
}

function encode(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
