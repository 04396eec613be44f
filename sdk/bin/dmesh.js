#!/usr/bin/env node
// The CLI is one bundle (see scripts/bundle-cli.js); only the entry point sets the exit code.
import { main } from '../dist/bundle/dmesh.js';

process.exitCode = await main(process.argv.slice(2));
