#!/usr/bin/env node
// The installed `tiltak` command: runs the built CLI (packages/cli/dist). In the repository, use
// `pnpm tiltak …`, which runs the TypeScript source through tsx.
import { runCli } from "../dist/main.js";

process.exitCode = await runCli(process.argv.slice(2));
