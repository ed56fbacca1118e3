// `farleft deps [path]`: the licenses of every installed dependency, checked against the
// project's license and policy.
import { Option, type Command } from 'commander';
import type { Context } from '../compat/index.js';
import { UsageError } from '../errors.js';
import { documentCreated } from '../report/sbom/model.js';
import { collectEnv, parseMinConfidence } from './flags.js';
import { writeOut } from './output.js';
import { resolve } from 'node:path';

interface DepsFlags {
  format: string;
  json?: boolean;
  notice?: boolean;
  production?: boolean;
  dev?: boolean;
  bundled?: boolean;
  context?: string;
  license?: string;
  licensee?: string;
  commercial?: boolean;
  pythonSite?: string[];
  ecosystem?: string[];
  minConfidence: string;
  verbose?: boolean;
}

/** Kept equal to the keys of DEPS_FORMATS (a test checks), so --help does not load the reporters. */
export const FORMATS = ['text', 'json', 'csv', 'markdown', 'notice', 'spdx', 'cyclonedx'] as const;
const ECOSYSTEMS = ['npm', 'pypi', 'cargo', 'go', 'composer'];
const CONTEXTS = ['bundle', 'link', 'network', 'aggregate'];
const LICENSEES = ['worker-cooperative', 'collective', 'individual', 'nonprofit', 'education', 'company', 'public-body'];

export function register(program: Command): void {
  program
    .command('deps')
    .description('audit the licenses of installed dependencies (npm, PyPI, Cargo, Go, Composer) against the project\'s license')
    .argument('[path]', 'the project folder', '.')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...FORMATS]).default('text'))
    .option('--json', 'short for --format json')
    .option('--notice', 'short for --format notice: a third-party notices file with every license text and copyright')
    .option('--production', 'leave dev dependencies out of the result')
    .option('--dev', 'evaluate dev dependencies too (they are listed but not evaluated by default)')
    .option('--bundled', 'dependencies are bundled into what you distribute (context bundle instead of link)')
    .addOption(new Option('--context <context>', 'how dependencies are used (default link)').choices(CONTEXTS))
    .option('--license <expression>', "the project's outbound license (default: .farleft.yml license, then the manifest, then LICENSE)")
    .addOption(new Option('--licensee <kind>', 'who uses the work (default: .farleft.yml licensee.kind)').choices(LICENSEES))
    .option('--commercial', 'the use is commercial (default: .farleft.yml licensee.commercial)')
    .option('--python-site <dir...>', 'site-packages folder(s) to read Python distributions from (default: .venv, venv, $VIRTUAL_ENV)')
    .addOption(new Option('--ecosystem <name...>', 'audit only these ecosystems (default: every one whose files are present)').choices(ECOSYSTEMS))
    .option('--min-confidence <n>', 'name a license text only at or above this match confidence (0-1)', '0.9')
    .option('-v, --verbose', 'list every package, every verdict and the notes')
    .addHelpText(
      'after',
      '\nExit codes: 0 audited, 1 a dependency is incompatible with the project\'s license or denied by the policy,\n2 unusable input (e.g. node_modules missing: run npm ci first).\n\n' +
        'farleft reads what is installed (node_modules, a virtualenv, vendor folders, the Cargo and Go caches);\n' +
        'it never installs anything, runs package code or uses the network.\n\nExamples:\n' +
        '  farleft deps\n  farleft deps --production --format json > deps.json\n  farleft deps --format markdown > DEPENDENCIES.md\n' +
        '  farleft deps --notice > THIRD_PARTY_NOTICES.txt\n  farleft deps --format spdx > sbom.spdx.json\n  farleft deps --license PPL --bundled',
    )
    .action(async (path: string, flags: DepsFlags) => {
      const minConfidence = parseMinConfidence(flags.minConfidence);
      if (flags.bundled && flags.context && flags.context !== 'bundle') throw new UsageError(`--bundled means --context bundle, not ${flags.context}`);
      const format = flags.json ? 'json' : flags.notice ? 'notice' : (flags.format as (typeof FORMATS)[number]);
      const [{ auditDependencies }, { loadConfig }, { loadCatalog }, { DEPS_FORMATS }, { version }, chalk] = await Promise.all([
        import('../deps/index.js'),
        import('../config.js'),
        import('../catalog/index.js'),
        import('../report/deps/index.js'),
        import('./main.js'),
        import('chalk'),
      ]);
      const catalog = loadCatalog();
      let license: string | undefined;
      if (flags.license !== undefined) {
        const n = catalog.normalize(flags.license);
        if (!n.valid || !n.expression) throw new UsageError(`--license ${flags.license} is not an SPDX expression${n.suggestion ? `; did you mean ${n.suggestion}?` : ''}`);
        license = n.expression;
      }
      const config = loadConfig(path);
      const licensee = { ...config?.licensee, ...(flags.licensee ? { kind: flags.licensee as never } : {}), ...(flags.commercial !== undefined ? { commercial: flags.commercial } : {}) };
      const env = process.env;
      const result = auditDependencies({
        root: path,
        version: version(),
        env: collectEnv(env),
        ...(flags.pythonSite ? { pythonSites: flags.pythonSite.map((d) => resolve(d)) } : {}),
        ...(flags.ecosystem ? { ecosystems: flags.ecosystem as never } : {}),
        minConfidence,
        ...(license ? { license } : {}),
        ...(config?.license ? { configLicense: { expression: config.license, file: config.file } } : {}),
        context: flags.bundled ? 'bundle' : ((flags.context as Context | undefined) ?? configuredContext(config) ?? 'link'),
        dev: flags.dev ?? false,
        production: flags.production ?? false,
        licensee: Object.keys(licensee).length ? licensee : null,
        ...(config?.policy ? { policy: config.policy, policyFile: config.file } : {}),
        withTexts: format === 'notice',
        catalog,
      });
      writeOut(DEPS_FORMATS[format](result, { color: chalk.default.level, verbose: flags.verbose ?? false, created: documentCreated(env.SOURCE_DATE_EPOCH) }));
      process.exitCode = result.packages.some((p) => p.status === 'incompatible' || p.status === 'denied') ? 1 : 0;
    });
}

/** `deps: { context: bundle }` in .farleft.yml, once config.ts knows the key (until then it refuses the file). */
function configuredContext(config: object | null): Context | undefined {
  const context = (config as { deps?: { context?: unknown } } | null)?.deps?.context;
  return typeof context === 'string' && CONTEXTS.includes(context) ? (context as Context) : undefined;
}

