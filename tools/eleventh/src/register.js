'use strict';
// Installs the TypeScript loader (SWC, with an on-disk cache) before any .ts file of the engine is required.
require('./load/ts-hook.js').installTsHook();
