#!/usr/bin/env node
// The compiled CLI does the work; this file only hands it the process.
import { main } from '../dist/cli/main.js';

main(process.argv);
