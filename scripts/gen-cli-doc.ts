// Writes docs/cli.md from the CLI's option table.
import { writeFileSync } from 'node:fs';
import { renderCliDoc } from '../src/cli/doc.js';

writeFileSync(new URL('../docs/cli.md', import.meta.url), renderCliDoc());
console.log('wrote docs/cli.md');
