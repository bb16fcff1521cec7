// Preload for the Spector mock server: its coverage metadata asks `git rev-parse HEAD` in the
// scenarios' folder, which fails (and stops the server) when the npm packages sit outside a git
// checkout. Only that one command is answered here, with "unknown"; everything else runs as is.
"use strict";
const childProcess = require("node:child_process");
const { syncBuiltinESMExports } = require("node:module");

const originalExecSync = childProcess.execSync;
childProcess.execSync = function execSyncWithoutGit(command, ...rest) {
  if (command === "git rev-parse HEAD") {
    try {
      return originalExecSync.call(this, command, { ...(rest[0] ?? {}), stdio: "pipe" });
    } catch {
      return Buffer.from("unknown\n");
    }
  }
  return originalExecSync.call(this, command, ...rest);
};
// The server imports execSync as an ES module binding: refresh those from the patched object.
syncBuiltinESMExports();
