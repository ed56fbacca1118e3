// Renderings a license text goes through in real repositories, applied at test time to the
// reference texts: the matcher must read through them.

/** Re-wraps every paragraph at another width (and joins list items that shared a paragraph). */
export function reflow(text: string, width = 52): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => {
      const out: string[] = [];
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        if (line && line.length + word.length + 1 > width) {
          out.push(line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      if (line) out.push(line);
      return out.join('\n');
    })
    .join('\n\n');
}

/** Replaces the copyright lines with another holder's, or adds one at the top. */
export function changeCopyright(text: string): string {
  const notice = 'Copyright (c) 2019-2024 Worker Co-op of Example <hello@example.coop>';
  const lines = text.split('\n');
  const at = lines.findIndex((l) => /^\s*(?:copyright\b|©)/i.test(l) && !/copyright (?:law|holders?|notice)/i.test(l));
  if (at >= 0) lines[at] = notice;
  else lines.unshift(notice, '');
  return lines.join('\n');
}

/** A Markdown rendering: a title heading, section headings, bullets, bold terms, curly quotes. */
export function markdown(text: string): string {
  let titled = false;
  return text
    .split('\n')
    .map((line) => {
      const s = line.trim();
      if (!s) return line;
      if (!titled) {
        titled = true;
        return `# ${s}`;
      }
      if (/^(?:\d+\.\s+)?[A-Z][A-Z ,;'-]{3,60}$/.test(s)) return `## ${s}`;
      const item = /^([a-z]{1,4}|\d{1,2})\.\s+(.*)$/.exec(s);
      if (item) return `- **${item[1]}.** ${item[2]}`;
      return line;
    })
    .join('\n')
    .replace(/"([^"\n]{1,40})"/g, '**“$1”**');
}

/** The PPL as CoopCycle ships it: no preamble, a copyright line, curly quotes, no blank lines or indentation. */
export function coopCycleFamily(ppl: string): string {
  const body = ppl.slice(ppl.indexOf('THE WORK (AS DEFINED BELOW)'));
  const lines = body
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return ['Copyright (c) 2017-2024 CoopCycle', ...lines].join('\n').replace(/"([^"\n]*)"/g, '“$1”').replace(/'/g, '’');
}

/** The PPL as extracted from the Telekommunist Manifesto PDF: another title, words split and joined. */
export function pdfFamily(ppl: string): string {
  let text = ppl.replace(/^Peer Production License\n/, 'Peer Production License (PPL)\n').replace(/to Reproduce/g, 'To Reproduce');
  for (const [from, to] of [
    ['individuals', 'in dividuals'],
    ['process', 'pro cess'],
    ['directed toward', 'directed to ward'],
    ['worker-owners', 'Workerowners'],
    ['reasonably', 'reason ably'],
    ['POSSIBILITY', 'POS SIBILITY'],
  ])
    text = text.split(from!).join(to!);
  return text;
}
