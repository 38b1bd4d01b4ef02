#!/usr/bin/env node
'use strict';
// Load the TypeScript sources directly: no build step between a clone and a working command.
require('../src/register.js');
require('../src/cli/main.ts').main(process.argv.slice(2));
