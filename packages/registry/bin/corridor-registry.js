#!/usr/bin/env node
// The installed command: a launcher that exists before the build, so installing never warns of a missing bin.
import '../dist/cli.js';
