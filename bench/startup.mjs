// Start-up cost: farleft --version against a bare node start.
import { fmt, ratio, timeMedian } from './lib.mjs';

export function benchStartup() {
  const node = timeMedian(process.execPath, ['-e', '0'], {}, 21);
  const farleft = timeMedian('farleft', ['--version'], { farleft: true }, 21);
  console.log('\n## start-up (median of 21 runs)\n');
  console.log('| node -e 0 | farleft --version | ratio (target <= 1.5x) |');
  console.log('|---:|---:|---:|');
  console.log(`| ${fmt(node.seconds)} | ${fmt(farleft.seconds)} | ${ratio(farleft.seconds, node.seconds)} |`);
  return true;
}
