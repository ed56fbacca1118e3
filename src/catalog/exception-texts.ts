// SPDX lists exceptions without their texts (spdx-exceptions has ids and names), but the ids it
// deprecated for a GNU license with an exception ("GPL-2.0-with-bison-exception") have texts in
// spdx-license-list that are the exception's alone, after an "insert GPL text here" line: the
// matcher's reference texts for those exceptions, and what apply writes to LICENSES/<exception>.txt.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The deprecated id whose text in spdx-license-list is an exception's text, to the exception. */
export const EXCEPTION_TEXTS: Readonly<Record<string, string>> = {
  'GPL-2.0-with-classpath-exception': 'Classpath-exception-2.0',
  'GPL-2.0-with-GCC-exception': 'GCC-exception-2.0',
  'GPL-2.0-with-autoconf-exception': 'Autoconf-exception-2.0',
  'GPL-2.0-with-bison-exception': 'Bison-exception-2.2',
  'GPL-2.0-with-font-exception': 'Font-exception-2.0',
  'GPL-3.0-with-GCC-exception': 'GCC-exception-3.1',
  'GPL-3.0-with-autoconf-exception': 'Autoconf-exception-3.0',
  wxWindows: 'WxWindows-exception-3.1',
  'eCos-2.0': 'eCos-exception-2.0',
};

/** A deprecated id's text as its exception's: without the line that stood for the GPL's text. */
export function asExceptionText(text: string): string {
  return text.replace(/^\s*insert GPL v\d[^\n]*\n\s*/i, '');
}

/** The text of an exception from spdx-license-list (see above), or null for one it has none of. */
export function exceptionText(id: string): string | null {
  const holder = Object.keys(EXCEPTION_TEXTS).find((k) => EXCEPTION_TEXTS[k] === id);
  if (!holder) return null;
  try {
    const entry = require(`spdx-license-list/licenses/${holder}.json`) as { licenseText?: string };
    return typeof entry.licenseText === 'string' && entry.licenseText.trim() ? asExceptionText(entry.licenseText) : null;
  } catch {
    return null;
  }
}
