// `farleft compat`: may a work under one license include a component under another? One
// pair, a matrix of licenses, or a whole project (its license against every file's).
import { Option, type Command } from 'commander';
import type { Catalog } from '../catalog/index.js';
import { UsageError } from '../errors.js';
import { isFolder } from './flags.js';
import { writeOut } from './output.js';

interface CompatFlags {
  format: string;
  json?: boolean;
  context: string;
  licensee?: string;
  commercial?: boolean;
  matrix?: boolean;
  strict?: boolean;
  license?: string;
  exclude?: string[];
  include?: string[];
  ignore: boolean;
  deps: boolean;
  dev?: boolean;
  verbose?: boolean;
}

/** Kept equal to the keys of COMPAT_FORMATS (a test checks), so --help does not load the reporters. */
export const FORMATS = ['text', 'json', 'markdown'] as const;
const CONTEXTS = ['bundle', 'link', 'network', 'aggregate'];
const LICENSEES = ['worker-cooperative', 'collective', 'individual', 'nonprofit', 'education', 'company', 'public-body'];

export function register(program: Command): void {
  program
    .command('compat')
    .description('check whether a work under one license may include a component under another, with the clauses that decide')
    .argument('[args...]', 'OUTBOUND INBOUND (two licenses), the licenses of a --matrix, or a project folder (default .)')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...FORMATS]).default('text'))
    .option('--json', 'short for --format json')
    .addOption(new Option('-c, --context <context>', 'how the component is used: bundled in, linked, run as a network service, or shipped alongside').choices(CONTEXTS).default('bundle'))
    .addOption(new Option('--licensee <kind>', 'who uses the work (default: .farleft.yml licensee.kind); copyfarleft and non-commercial verdicts depend on it').choices(LICENSEES))
    .option('--commercial', 'the use is commercial (default: .farleft.yml licensee.commercial)')
    .option('--no-commercial', 'the use is not commercial')
    .option('-m, --matrix', 'every pair of the licenses given, as a table')
    .option('--strict', 'exit 1 on verdicts that need review too')
    .option('--license <expression>', "project mode: the project's outbound license (default: .farleft.yml license, then the declared license)")
    .option('-e, --exclude <pattern...>', 'project mode: skip paths matching these .gitignore-style patterns')
    .option('-i, --include <pattern...>', 'project mode: check only files matching these patterns')
    .option('--no-ignore', 'project mode: do not apply .gitignore files')
    .option('--no-deps', 'project mode: leave installed dependencies out')
    .option('--dev', 'project mode: also check dev dependencies')
    .option('-v, --verbose', 'project mode: list every component, the compatible ones too')
    .addHelpText(
      'after',
      '\nVerdicts: compatible (conditions may apply), incompatible, review (farleft cannot decide; the reasons say what would).\n' +
        'Exit codes: 0 compatible or review, 1 incompatible (or review with --strict), 2 usage error. A --matrix exits 0.\n' +
        'Not legal advice: each verdict cites the clauses it rests on so you can check them.\n\nExamples:\n' +
        '  farleft compat PPL GPL-3.0-only\n  farleft compat MIT LGPL-2.1-only --context link\n' +
        '  farleft compat PPL CC-BY-NC-SA-4.0 --licensee worker-cooperative --commercial\n' +
        '  farleft compat --matrix PPL MIT GPL-3.0-only CC-BY-SA-4.0 LicenseRef-CNPL-7.0 --format markdown\n  farleft compat .',
    )
    .action(async (args: string[], flags: CompatFlags) => {
      const format = flags.json ? 'json' : (flags.format as (typeof FORMATS)[number]);
      const mode = flags.matrix ? 'matrix' : args.length === 2 ? 'pair' : args.length === 0 || (args.length === 1 && isFolder(args[0]!)) ? 'project' : null;
      if (mode === null)
        throw new UsageError(
          args.length === 1 ? `${args[0]} is neither a folder nor a pair of licenses` : `give two licenses (OUTBOUND INBOUND), or --matrix with ${args.length} licenses`,
          'usage: farleft compat OUTBOUND INBOUND | farleft compat --matrix LICENSE... | farleft compat [folder]',
        );
      if (mode === 'matrix' && args.length === 0) throw new UsageError('--matrix needs the licenses to compare');
      const [{ evaluate, evaluateMatrix, evaluateProject }, { checkPolicyEntries }, { loadConfig }, { loadCatalog }, { COMPAT_FORMATS }, chalk] = await Promise.all([
        import('../compat/index.js'),
        import('../compat/policy.js'),
        import('../config.js'),
        import('../catalog/index.js'),
        import('../report/compat/index.js'),
        import('chalk'),
      ]);
      const root = mode === 'project' ? (args[0] ?? '.') : '.';
      const config = loadConfig(root);
      const catalog = loadCatalog();
      const licensee = { ...config?.licensee, ...(flags.licensee ? { kind: flags.licensee as never } : {}), ...(flags.commercial !== undefined ? { commercial: flags.commercial } : {}) };
      const options = {
        catalog,
        context: flags.context as 'bundle',
        licensee: Object.keys(licensee).length ? licensee : null,
        ...(config?.policy ? { policy: config.policy, policyFile: config.file } : {}),
      };
      if (config?.policy) for (const warning of checkPolicyEntries(config.policy, catalog)) process.stderr.write(`farleft: warning: ${config.file}: ${warning}\n`);
      const reporter = COMPAT_FORMATS[format];
      const text = { color: chalk.default.level, verbose: flags.verbose ?? false };
      const failing = (v: string): boolean => v === 'incompatible' || (flags.strict === true && v === 'review');

      if (mode === 'pair' || mode === 'matrix') {
        // A license that cannot be read is a `review` verdict; say on stderr what was probably meant.
        for (const arg of args) warnUnreadable(arg, catalog);
        if (mode === 'pair') {
          const v = evaluate(args[0]!, args[1]!, options);
          writeOut(reporter.renderVerdict(v, text));
          process.exitCode = failing(v.verdict) ? 1 : 0;
        } else {
          writeOut(reporter.renderMatrix(evaluateMatrix(args, options), text));
          process.exitCode = 0;
        }
        return;
      }

      const [{ scan }, { walkPatterns }, { itemsFromScan }, { version }] = await Promise.all([
        import('../scan.js'),
        import('./patterns.js'),
        import('../compat/project.js'),
        import('./main.js'),
      ]);
      const readable = (raw: string, where: string): string => {
        const n = catalog.normalize(raw);
        if (!n.expression || (!n.valid && !n.marker)) throw new UsageError(`${where} ${raw} is not an SPDX expression${n.suggestion ? `; did you mean ${n.suggestion}?` : ''}`);
        return n.expression;
      };
      // The outbound license: --license, else .farleft.yml, else what the scan finds declared.
      const given = flags.license ?? config?.license;
      let outbound = given === undefined ? undefined : readable(given, flags.license !== undefined ? '--license' : `${config!.file}: license:`);
      const source = flags.license !== undefined ? 'option' : config?.license ? 'config' : 'declared';
      const { exclude, include } = walkPatterns(config, root, flags);
      // Each dependency counts once, as a package: the folders they are installed in are not the project's own files.
      const deps = flags.deps ? await dependencyItems(root, catalog, flags.dev === true, config?.deps?.context ?? 'link') : { items: [], excludes: [] };
      const result = await scan({
        root,
        gitignore: flags.ignore,
        exclude: [...exclude, ...deps.excludes],
        include,
        followSymlinks: false,
        minConfidence: 0.9,
        config,
        version: version(),
        catalog,
      });
      outbound ??= result.project.license ?? undefined;
      if (outbound === undefined)
        throw new UsageError(`${root}: the project declares no license, so there is nothing to check against`, 'Set license: in .farleft.yml, add a LICENSE file, or pass --license EXPRESSION.');
      const { items, unlicensed } = itemsFromScan(result);
      items.push(...deps.items);
      const project = evaluateProject(
        { root: result.root, outbound, outboundSource: source, items, unlicensed, problems: result.problems.filter((p) => p.severity !== 'note') },
        options,
      );
      writeOut(reporter.renderProject(project, text));
      process.exitCode = failing(project.verdict) ? 1 : 0;
    });
}

/** The project's installed dependencies as compat items, used as `context` (link unless configured), and the walk patterns that leave the folders they are installed in out. */
async function dependencyItems(root: string, catalog: Catalog, dev: boolean, context: 'bundle' | 'link' | 'network' | 'aggregate') {
  const [{ collectDependencies, installExcludes }, { NotInstalledError }] = await Promise.all([import('../deps/index.js'), import('../deps/fs.js')]);
  try {
    const { dependencies } = collectDependencies(root, { catalog, env: process.env, production: !dev });
    return {
      items: dependencies
        .filter((d) => d.path !== null && (dev || d.scope !== 'dev'))
        .map((d) => ({ kind: 'package' as const, name: d.version ? `${d.name}@${d.version}` : d.name, package: d.name, license: d.license, context })),
      excludes: installExcludes(dependencies),
    };
  } catch (e) {
    if (!(e instanceof NotInstalledError)) throw e;
    process.stderr.write(`farleft: ${e.message}; dependencies are left out of this check\n`);
    return { items: [], excludes: [] };
  }
}

function warnUnreadable(arg: string, catalog: Catalog): void {
  const n = catalog.normalize(arg);
  if (n.valid || n.marker) return;
  const why = n.notes[0]?.message ?? `'${arg}' is not an SPDX expression`;
  process.stderr.write(`farleft: warning: ${why}${n.suggestion && !why.includes(n.suggestion) ? `; did you mean ${n.suggestion}?` : ''}\n`);
}
