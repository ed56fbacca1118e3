// The plain-language explanation of a verdict: one headline a non-lawyer can act on,
// then why, then what would change it.
import type { Finding } from './finding.js';
import { unique } from './finding.js';
import type { Context } from './index.js';

const PHRASES: Readonly<Record<Context, (out: string, inb: string, may: string) => string>> = {
  bundle: (out, inb, may) => `a work under ${out} ${may} include a component under ${inb}`,
  link: (out, inb, may) => `a work under ${out} ${may} link to a component under ${inb}`,
  network: (out, inb, may) => `a network service under ${out} ${may} use a component under ${inb}`,
  aggregate: (out, inb, may) => `a work under ${out} ${may} ship alongside a separate work under ${inb}`,
};

export function explain(outbound: string, inbound: string, context: Context, f: Finding): string {
  const phrase = PHRASES[context];
  const headline =
    f.verdict === 'compatible'
      ? `Yes: ${phrase(outbound, inbound, 'may')}${f.conditions.length ? ', if you meet the conditions listed' : ''}.`
      : f.verdict === 'incompatible'
        ? `No: ${phrase(outbound, inbound, 'may not')}.`
        : `Not decided: farleft cannot tell whether ${phrase(outbound, inbound, 'may')}.`;
  const choice = f.chosen && f.chosen !== inbound ? [`Take the component under ${f.chosen}.`] : [];
  return [headline, ...choice, ...unique(f.plain), ...f.hints].join(' ');
}
