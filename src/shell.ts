// Commands that suggestions spell out for the user to copy: each word written as a POSIX shell
// reads it back, so `--license 'Apache-2.0 AND MIT'` pastes as one argument.

/** A word as a POSIX shell (and then farleft's options) reads it back: quoted unless plain, never taken for an option. */
export function shellWord(word: string): string {
  const safe = word.startsWith('-') ? `./${word}` : word;
  return /^[\w./+-]+$/.test(safe) ? safe : `'${safe.replace(/'/g, `'\\''`)}'`;
}
