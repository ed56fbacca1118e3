import { describe, expect, it } from 'vitest';
import { detect, summary } from './run.js';

const gemspec = (body: string): string => `# frozen_string_literal: true\n\nGem::Specification.new do |spec|\n  spec.name = "demo"\n${body}\n  spec.files = Dir["lib/**/*.rb"]\nend\n`;

describe('*.gemspec (read as text, never run)', () => {
  it.each([
    ['license, double quotes', '  spec.license = "MIT"', 'MIT', 'license', 5, 1, []],
    ['license, single quotes and .freeze', "  spec.license = 'Apache-2.0'.freeze", 'Apache-2.0', 'license', 5, 1, []],
    ['licenses array', '  spec.licenses = ["MIT", "GPL-2.0-or-later"]', 'MIT OR GPL-2.0-or-later', 'licenses', 5, 1, []],
    ['%w[] array', '  s.licenses = %w[Ruby BSD-2-Clause]', 'Ruby OR BSD-2-Clause', 'licenses', 5, 1, []],
    ['array over several lines', '  spec.licenses = [\n    "MIT", # the code\n    "Apache-2.0" # the docs\n  ]', 'MIT OR Apache-2.0', 'licenses', 5, 1, []],
    ['a name, not an id', '  spec.license = "GPL v3"', 'GPL-3.0-only', 'license', 5, 0.95, ['non-spdx-declaration']],
    ['a gem\'s own license in a list is left out, not guessed (icalendar is no CAL-1.0)', '  s.licenses = ["BSD-2-Clause".freeze, "GPL-3.0-only".freeze, "icalendar".freeze]', 'BSD-2-Clause OR GPL-3.0-only', 'licenses', 5, 1, ['license-list', 'unknown-license']],
    ['a constant: code, not read', '  spec.license = Demo::LICENSE', null, null, null, null, ['non-literal-license']],
    ['commented out', '  # spec.license = "GPL-2.0"', null, null, null, null, []],
    ['a comparison is not an assignment', '  raise "x" if spec.license == "MIT"', null, null, null, null, []],
  ] as const)('%s', (_, body, expression, field, line, confidence, codes) => {
    expect(summary(detect('demo.gemspec', gemspec(body)))).toEqual({ expression, field, line, confidence, codes: [...codes] });
  });
});
