// Starts Azurite as a child and stops it when the process that asked for it goes away.
// A test run that is cancelled or killed cannot run its cleanup code; this watchdog is what
// guarantees no emulator outlives the run. Usage: node launch.js <ownerPid> [azurite args...]
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');

const ownerPid = Number(process.argv[2]);
const azuriteArgs = process.argv.slice(3);
const entry = path.join(__dirname, 'node_modules', 'azurite', 'dist', 'src', 'azurite.js');

const child = spawn(process.execPath, [entry, ...azuriteArgs], { stdio: 'inherit' });

// SIGTERM lets Azurite close its databases; with --location that is what saves the last writes
// (its table store otherwise autosaves only every few seconds). SIGKILL only if it hangs.
function stop(code) {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    setTimeout(() => { child.kill('SIGKILL'); process.exit(code); }, 10000).unref();
  } else {
    process.exit(code);
  }
}

child.on('exit', (code) => process.exit(code ?? 0));
process.on('SIGTERM', () => stop(0));
process.on('SIGINT', () => stop(0));

if (Number.isInteger(ownerPid) && ownerPid > 0) {
  setInterval(() => {
    try { process.kill(ownerPid, 0); } catch { stop(0); }
  }, 500);
}
