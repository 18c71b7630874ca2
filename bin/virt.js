#!/usr/bin/env node
// Thin entry: everything lives in the built code, which sets process.exitCode itself.
import '../dist/cli.js';
