#!/usr/bin/env node
// Drive the reference BC-UR codec that cashu.me uses (@gandlaf21/bc-ur) for the
// interoperability tests of pos_app/core/cashu/ur.py.
//
//   node bcur_interop.js check
//       prints the package version; exit 0 when the package loads.
//   node bcur_interop.js encode <hexpayload|file> <maxFragmentLength> <nparts> [firstSeqNum]
//       prints <nparts> parts, one per line. The payload is wrapped as cashu.me
//       does it: UR.fromBuffer(Buffer.from(bytes)) (a CBOR byte string, type bytes).
//       The argument is read as a file when such a file exists, else as hex.
//   node bcur_interop.js decode
//       reads parts from stdin (one per line, blank lines ignored) until complete;
//       prints the payload (CBOR-unwrapped) as hex and, on stderr, "parts N".
//       Exit 2 on a decoder error, 3 when the input ends before the message is complete.
//
// Package location: $BCUR_NODE_DIR (a directory holding node_modules), default
// <repo>/.node as installed by `make node-deps`.
"use strict";

const childProcess = require("child_process");
const fs = require("fs");
const path = require("path");
const { createRequire } = require("module");

// The package's CommonJS build requires `cborg`, which only exports an ESM entry
// under the "import" condition; that condition plus require(esm) (Node >= 20.19)
// loads it, the way bundlers resolve it for cashu.me.
if (!process.execArgv.includes("--conditions=import")) {
  const run = childProcess.spawnSync(
    process.execPath,
    ["--conditions=import", "--no-warnings", __filename, ...process.argv.slice(2)],
    { stdio: "inherit" },
  );
  process.exit(run.status === null ? 1 : run.status);
}

const nodeDir = process.env.BCUR_NODE_DIR || path.resolve(__dirname, "..", "..", ".node");
const requireFromNodeDir = createRequire(path.join(nodeDir, "package.json"));

function loadPackage() {
  try {
    return requireFromNodeDir("@gandlaf21/bc-ur");
  } catch (err) {
    process.stderr.write(`cannot load @gandlaf21/bc-ur from ${nodeDir}: ${err.message}\n`);
    process.exit(4);
  }
}

function usage() {
  process.stderr.write(
    "usage: bcur_interop.js check | encode <hex|file> <maxFragmentLength> <nparts> [firstSeqNum] | decode\n",
  );
  process.exit(64);
}

function readPayload(arg) {
  if (fs.existsSync(arg) && fs.statSync(arg).isFile()) {
    return fs.readFileSync(arg);
  }
  if (!/^([0-9a-fA-F]{2})*$/.test(arg)) {
    process.stderr.write("payload is neither a file nor hex\n");
    process.exit(64);
  }
  return Buffer.from(arg, "hex");
}

function encode(args) {
  if (args.length < 3) usage();
  const { UR, UREncoder } = loadPackage();
  const payload = readPayload(args[0]);
  const maxFragmentLength = Number(args[1]);
  const nparts = Number(args[2]);
  const firstSeqNum = args.length > 3 ? Number(args[3]) : 0;
  const encoder = new UREncoder(UR.fromBuffer(payload), maxFragmentLength, firstSeqNum);
  const lines = [];
  for (let i = 0; i < nparts; i++) lines.push(encoder.nextPart());
  process.stdout.write(lines.join("\n") + "\n");
}

function decode() {
  const { URDecoder } = loadPackage();
  const lines = fs.readFileSync(0, "utf8").split(/\r?\n/).filter((l) => l.trim() !== "");
  const decoder = new URDecoder();
  let used = 0;
  for (const line of lines) {
    used += 1;
    try {
      decoder.receivePart(line.trim());
    } catch (err) {
      process.stderr.write(`part ${used} rejected: ${err.message}\n`);
      process.exit(2);
    }
    if (decoder.isComplete()) break;
  }
  if (decoder.isError()) {
    process.stderr.write(`decoder error: ${decoder.resultError()}\n`);
    process.exit(2);
  }
  if (!decoder.isSuccess()) {
    process.stderr.write(`incomplete after ${used} parts (progress ${decoder.getProgress()})\n`);
    process.exit(3);
  }
  const payload = Buffer.from(decoder.resultUR().decodeCBOR());
  process.stdout.write(payload.toString("hex") + "\n");
  process.stderr.write(`parts ${used}\n`);
}

const [command, ...rest] = process.argv.slice(2);
if (command === "check") {
  loadPackage();
  const pkg = JSON.parse(
    fs.readFileSync(path.join(nodeDir, "node_modules", "@gandlaf21", "bc-ur", "package.json"), "utf8"),
  );
  process.stdout.write(`${pkg.name} ${pkg.version}\n`);
} else if (command === "encode") {
  encode(rest);
} else if (command === "decode") {
  decode();
} else {
  usage();
}
