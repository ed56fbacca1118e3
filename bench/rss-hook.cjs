// Preloaded by the benchmark (node --require): writes the process's peak RSS (KiB) on exit.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.FARLEFT_RSS_FILE) writeFileSync(process.env.FARLEFT_RSS_FILE, String(process.resourceUsage().maxRSS));
});
