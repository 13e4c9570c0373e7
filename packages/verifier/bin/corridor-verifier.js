#!/usr/bin/env node
// The installed command: a launcher that exists before the build, so installing never warns of a missing bin.
// It runs the CLI as bundled by build-cli.mjs (the same code as dist/cli.js, in three files instead of ~60: a cold start is shorter).
import '../dist/bundle/corridor-verifier.js';
