#!/usr/bin/env node
'use strict';
// No build step between a clone and a working command: the TypeScript sources load through the hook;
// an installed package (npm pack of a staged copy, generators/src/new-repo/stage.ts) has .js siblings, found first.
require('../src/register.js');
// The Nx graph (seconds, in its own process) starts before the engine's modules load (src/cli/prestart.ts).
require('../src/cli/prestart').prestart(process.argv.slice(2));
require('../src/cli/main').main(process.argv.slice(2));
