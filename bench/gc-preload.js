/**
 * Preloaded (node --expose-gc -r ./bench/gc-preload.js ...) into the two servers of the fan-out
 * benchmark, the app and bench/bare-socket-server.ts alike: SIGWINCH runs a full garbage collection,
 * so that the resident memory the bench reads from /proc is live memory, not garbage that V8 has not
 * collected yet. Nothing else changes; without --expose-gc it does nothing. SIGWINCH, because its
 * default action is to be ignored and NestJS's enableShutdownHooks() takes SIGUSR2 (and the others).
 */
'use strict';
if (typeof global.gc === 'function') {
  process.on('SIGWINCH', () => global.gc());
}
