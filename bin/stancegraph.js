#!/usr/bin/env node
import { main } from '../dist/cli.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code ?? 0;
  },
  (err) => {
    console.error(`stancegraph: ${err?.message ?? err}`);
    process.exitCode = 1;
  },
);
