// Bench-only preload (`node --expose-gc --require scripts/bench/heapProbe.cjs server.js`): on
// SIGUSR2 the server collects garbage and writes its heap to OSAI_BENCH_HEAP_FILE, so that the
// protocol bench can tell retained memory from garbage not yet collected. Never shipped.
'use strict';
const { writeFileSync, renameSync } = require('node:fs');
const file = process.env.OSAI_BENCH_HEAP_FILE;
if (file && typeof global.gc === 'function') {
  let n = 0;
  process.on('SIGUSR2', () => {
    global.gc();
    global.gc();
    const { heapUsed, rss } = process.memoryUsage();
    writeFileSync(`${file}.tmp`, JSON.stringify({ n: ++n, heapUsed, rss }));
    renameSync(`${file}.tmp`, file);
  });
}
