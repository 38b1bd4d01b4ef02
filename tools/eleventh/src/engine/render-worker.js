'use strict';
// A render worker thread: installs the TypeScript loader, then serves render tasks (render-worker-main.ts).
require('../register.js');
require('./render-worker-main.ts');
