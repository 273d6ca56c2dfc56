#!/bin/sh
# Compiles AuditAnchor.sol with the pure-JS solc (solcjs) pinned in the repo's package-lock.json.
# Usage: compile.sh <repo-root> <output-dir>   -> <output-dir>/AuditAnchor.bin and AuditAnchor.abi
# Runs `npm ci` only when node_modules/solc is missing, so repeated builds stay fast.
# Why not the `solcjs` command: it has no --evm-version option, and in --standard-json mode it
# prints an SMT notice on stdout before the JSON. So we call the same package's compile() API with
# standard JSON: optimizer on, evmVersion paris (no PUSH0/MCOPY, deployable on any EVM chain).
set -eu
ROOT=$(cd "$1" && pwd)
mkdir -p "$2"
OUT=$(cd "$2" && pwd)
SRC=$(cd "$(dirname "$0")" && pwd)

if [ ! -f "$ROOT/node_modules/solc/package.json" ]; then
  echo "compile.sh: node_modules/solc missing, running npm ci in $ROOT"
  (cd "$ROOT" && npm ci --no-audit --no-fund)
fi

node - "$ROOT" "$SRC" "$OUT" <<'JS'
const fs = require("fs");
const path = require("path");
const [root, src, out] = process.argv.slice(2);
const solc = require(path.join(root, "node_modules", "solc"));
const input = {
  language: "Solidity",
  sources: { "AuditAnchor.sol": { content: fs.readFileSync(path.join(src, "AuditAnchor.sol"), "utf8") } },
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: "paris",
    outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } }
  }
};
const res = JSON.parse(solc.compile(JSON.stringify(input)));
const msgs = res.errors || [];
msgs.forEach(e => console.error(e.formattedMessage || e.message));
if (msgs.some(e => e.severity === "error")) process.exit(1);
const c = res.contracts["AuditAnchor.sol"]["AuditAnchor"];
if (!c || !c.evm.bytecode.object) { console.error("compile.sh: no bytecode for AuditAnchor"); process.exit(1); }
fs.writeFileSync(path.join(out, "AuditAnchor.bin"), c.evm.bytecode.object);
fs.writeFileSync(path.join(out, "AuditAnchor.abi"), JSON.stringify(c.abi));
console.log("compile.sh: solc " + solc.version() + " (evm paris, optimized) -> " + out);
JS
