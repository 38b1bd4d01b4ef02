#!/usr/bin/env node
'use strict';
// `npm run docs:cli [-- --check]`: write (or check) the READMEs' generated command tables from the declarations.
require('../src/register.js');
process.exitCode = require('../src/cli/docs-main.ts').main(process.argv.slice(2));
