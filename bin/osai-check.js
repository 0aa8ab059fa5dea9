#!/usr/bin/env node
const { join } = require('node:path');
require('../server/out/launch.js')
  .requireCached(join(__dirname, '..', 'server', 'out', 'cli.js'))
  .run();
