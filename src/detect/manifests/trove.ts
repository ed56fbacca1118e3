// Trove classifiers (`License :: OSI Approved :: MIT License`) -> SPDX, for pyproject.toml,
// setup.cfg and PKG-INFO / METADATA. Keyed by the last segment; a classifier that leaves the
// license open ("BSD License", "GNU General Public License (GPL)") carries why, and is read
// with low confidence. PEP 639 deprecates these in favour of an SPDX `license` expression.
import { boundedList, type FieldValue, type ManifestOutput, type Reading } from './shared.js';

type Trove = string | readonly [expression: string, why: string] | null;
const NO_VERSION = 'it names no version';
const GNU_ANY = 'it names no version, and the GNU licenses then allow any version';

/** null: the classifier says nothing about which license ("OSI Approved", "DFSG approved"). */
const TROVE: Readonly<Record<string, Trove>> = {
  'OSI Approved': null,
  'DFSG approved': null,
  'Aladdin Free Public License (AFPL)': 'Aladdin',
  'CC0 1.0 Universal (CC0 1.0) Public Domain Dedication': 'CC0-1.0',
  'CeCILL-B Free Software License Agreement (CECILL-B)': 'CECILL-B',
  'CeCILL-C Free Software License Agreement (CECILL-C)': 'CECILL-C',
  'Eiffel Forum License (EFL)': ['EFL-2.0', NO_VERSION],
  'MIT No Attribution License (MIT-0)': 'MIT-0',
  'Netscape Public License (NPL)': ['NPL-1.1', NO_VERSION],
  'Nokia Open Source License (NOKOS)': 'Nokia',
  'Other/Proprietary License': 'UNLICENSED',
  'Public Domain': ['LicenseRef-Public-Domain', 'public domain is a dedication whose effect depends on the country'],
  'Academic Free License (AFL)': ['AFL-3.0', NO_VERSION],
  'Apache Software License': ['Apache-2.0', NO_VERSION],
  'Apple Public Source License': ['APSL-2.0', NO_VERSION],
  'Artistic License': ['Artistic-2.0', NO_VERSION],
  'Attribution Assurance License': 'AAL',
  'Blue Oak Model License (BlueOak-1.0.0)': 'BlueOak-1.0.0',
  'Boost Software License 1.0 (BSL-1.0)': 'BSL-1.0',
  'BSD License': ['BSD-3-Clause', 'BSD names several licenses (2-, 3- and 4-clause)'],
  'CEA CNRS Inria Logiciel Libre License, version 2.1 (CeCILL-2.1)': 'CECILL-2.1',
  'CMU License (MIT-CMU)': 'MIT-CMU',
  'Common Development and Distribution License 1.0 (CDDL-1.0)': 'CDDL-1.0',
  'Common Public Attribution License 1.0 (CPAL-1.0)': 'CPAL-1.0',
  'Common Public License': 'CPL-1.0',
  'Eclipse Public License 1.0 (EPL-1.0)': 'EPL-1.0',
  'Eclipse Public License 2.0 (EPL-2.0)': 'EPL-2.0',
  'Educational Community License, Version 2.0 (ECL-2.0)': 'ECL-2.0',
  'Eiffel Forum License': ['EFL-2.0', NO_VERSION],
  'European Union Public Licence 1.0 (EUPL 1.0)': 'EUPL-1.0',
  'European Union Public Licence 1.1 (EUPL 1.1)': 'EUPL-1.1',
  'European Union Public Licence 1.2 (EUPL 1.2)': 'EUPL-1.2',
  'GNU Affero General Public License v3': 'AGPL-3.0-only',
  'GNU Affero General Public License v3 or later (AGPLv3+)': 'AGPL-3.0-or-later',
  'GNU Free Documentation License (FDL)': ['GFDL-1.1-or-later', GNU_ANY],
  'GNU General Public License (GPL)': ['GPL-1.0-or-later', GNU_ANY],
  'GNU General Public License v2 (GPLv2)': 'GPL-2.0-only',
  'GNU General Public License v2 or later (GPLv2+)': 'GPL-2.0-or-later',
  'GNU General Public License v3 (GPLv3)': 'GPL-3.0-only',
  'GNU General Public License v3 or later (GPLv3+)': 'GPL-3.0-or-later',
  'GNU Lesser General Public License v2 (LGPLv2)': 'LGPL-2.0-only',
  'GNU Lesser General Public License v2 or later (LGPLv2+)': 'LGPL-2.0-or-later',
  'GNU Lesser General Public License v3 (LGPLv3)': 'LGPL-3.0-only',
  'GNU Lesser General Public License v3 or later (LGPLv3+)': 'LGPL-3.0-or-later',
  'GNU Library or Lesser General Public License (LGPL)': ['LGPL-2.0-or-later', GNU_ANY],
  'Historical Permission Notice and Disclaimer (HPND)': 'HPND',
  'IBM Public License': 'IPL-1.0',
  'ISC License (ISCL)': 'ISC',
  'Intel Open Source License': 'Intel',
  'MIT License': 'MIT',
  'MirOS License (MirOS)': 'MirOS',
  'Motosoto License': 'Motosoto',
  'Mozilla Public License 1.0 (MPL)': 'MPL-1.0',
  'Mozilla Public License 1.1 (MPL 1.1)': 'MPL-1.1',
  'Mozilla Public License 2.0 (MPL 2.0)': 'MPL-2.0',
  'Mulan Permissive Software License v2 (MulanPSL-2.0)': 'MulanPSL-2.0',
  'Nethack General Public License': 'NGPL',
  'Nokia Open Source License': 'Nokia',
  'Open Group Test Suite License': 'OGTSL',
  'Open Software License 3.0 (OSL-3.0)': 'OSL-3.0',
  'PostgreSQL License': 'PostgreSQL',
  'Python License (CNRI Python License)': 'CNRI-Python',
  'Python Software Foundation License': 'PSF-2.0',
  'Qt Public License (QPL)': 'QPL-1.0',
  'Ricoh Source Code Public License': 'RSCPL',
  'SIL Open Font License 1.1 (OFL-1.1)': 'OFL-1.1',
  'Sleepycat License': 'Sleepycat',
  'Sun Industry Standards Source License (SISSL)': 'SISSL',
  'Sun Public License': 'SPL-1.0',
  'The Unlicense (Unlicense)': 'Unlicense',
  'Universal Permissive License (UPL)': 'UPL-1.0',
  'University of Illinois/NCSA Open Source License': 'NCSA',
  'Vovida Software License 1.0': 'VSL-1.0',
  'W3C License': 'W3C',
  'X.Net License': 'Xnet',
  'Zero-Clause BSD (0BSD)': '0BSD',
  'Zope Public License': ['ZPL-2.1', NO_VERSION],
  'zlib/libpng License': 'Zlib',
};

/** The SPDX reading of one classifier; undefined when it is not a license classifier or unknown. */
export function readClassifier(classifier: string): Trove | undefined {
  const parts = classifier.split('::').map((p) => p.trim());
  if (parts[0] !== 'License' || parts.length < 2) return undefined;
  return Object.hasOwn(TROVE, parts.at(-1)!) ? TROVE[parts.at(-1)!] : undefined;
}

/**
 * Declares the license classifiers among `classifiers` (several: a choice, as PEP 639 warns it is ambiguous).
 * `over`: a license field the same metadata declared before them. A package's license is its most
 * confident declaration, the first among equals (deps' chooser), so classifiers no more confident
 * than that field are not used: how they were read (an ambiguous name, a choice) is then moot, and
 * an ambiguous one is mentioned only where its reading differs from the field's, in a note.
 */
export function declareClassifiers(field: string, classifiers: readonly FieldValue[], out: ManifestOutput, over?: { readonly field: string; readonly reading: Reading | null }): void {
  const read: { c: FieldValue; expression: string; why: string | null }[] = [];
  const licenses = classifiers.filter((c) => c.value.trim().startsWith('License ::'));
  for (const c of boundedList(licenses, field, licenses[0]?.line, out)) {
    const t = readClassifier(c.value);
    if (t === null) continue;
    if (t === undefined) {
      out.problem('unknown-classifier', 'note', c.line, `'${c.value}' names no license farleft can map to SPDX`, 'Declare the license as an SPDX expression (PEP 639: license = "...")');
      continue;
    }
    const [expression, why] = typeof t === 'string' ? [t, null] : t;
    read.push({ c, expression, why });
  }
  const readings: Reading[] = read.map((r) => ({ expression: r.expression, confidence: r.why ? 0.5 : 0.95, raw: r.c.value }));
  const first = read[0]?.c.line;
  const precise = over?.reading;
  const unused = precise && readings.length > 0 && precise.confidence >= Math.min(...readings.map((r) => r.confidence));
  if (unused) {
    const said = new Set(precise.expression.split(/[\s()]+/));
    for (const { c, expression, why } of read)
      if (why && !said.has(expression))
        out.problem('non-spdx-declaration', 'note', c.line, `classifier '${c.value}' is not used: ${over.field} says ${precise.expression}; on its own it would read as ${expression}, a guess (${why})`, `Check that ${precise.expression} is right, and drop or correct the classifier`);
  } else {
    for (const { c, expression, why } of read)
      if (why) out.problem('non-spdx-declaration', 'warning', c.line, `classifier '${c.value}' is ambiguous: ${why}; read as ${expression}`, 'Check the license text and declare its SPDX expression (PEP 639: license = "...")');
    if (readings.length > 1)
      out.problem('license-list', 'note', first, `${readings.length} license classifiers; read as a choice among them (PEP 639: several classifiers are ambiguous)`, 'Declare one SPDX expression, e.g. license = "MIT OR Apache-2.0"');
  }
  out.declare(field, readings, first);
}
