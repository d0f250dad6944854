#!/usr/bin/env node
import * as nodeModule from 'node:module';

// Node 22.1+ caches compiled code between runs, which shortens start-up; older Node skips this.
nodeModule.enableCompileCache?.();
import('../dist/main.js').then((m) => m.main(process.argv.slice(2)));
