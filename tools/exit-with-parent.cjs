// Runs a CommonJS Node CLI inside this very process, so the PID a test holds is the server's own, and
// stops it when stdin reaches end-of-file: the test process that started us (and holds the other end of
// the pipe) has exited or was killed, so nobody is left to stop the server.
// Usage: node exit-with-parent.cjs <script.js> [args...]   (start it with stdin redirected to a pipe)
"use strict";
const path = require("node:path");

const [, , script, ...args] = process.argv;
if (!script) {
  console.error("usage: node exit-with-parent.cjs <script.js> [args...]");
  process.exit(2);
}

function parentGone() {
  // SIGINT lets the CLI run its own shutdown; the timer ends us if it has none or it hangs.
  setTimeout(() => process.exit(0), 5000).unref();
  process.kill(process.pid, "SIGINT");
}

process.stdin.on("end", parentGone);
process.stdin.on("error", parentGone);
process.stdin.resume();

const scriptPath = path.resolve(script);
process.argv = [process.argv[0], scriptPath, ...args];
require(scriptPath);
