#!/usr/bin/env bash
# Accuracy gates on ../shared/eval (present on the team's machines and in CI, never in a user's clone).
# Run after the build: dev.jsonl, dev-sectors.jsonl (default lexicons, then each line with its sector
# layer) and the separation of real star-rated reviews (shared/eval/real/score-separation.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir=../shared/eval
if [ ! -d "$eval_dir" ]; then
  echo "skipping eval gates: $eval_dir not present"
  exit 0
fi
cli="node dist/cli/bin.js"
$cli eval "$eval_dir/dev.jsonl" --worst 0 --fail-under "${GATE_DEV:-themes=0.85,irritants=0.82,enchantments=0.80,tonality=0.88}" | sed -n 1,9p
if [ -f "$eval_dir/dev-sectors.jsonl" ]; then
  $cli eval "$eval_dir/dev-sectors.jsonl" --worst 0 --fail-under "${GATE_SECTORS:-themes=0.79,irritants=0.80,enchantments=0.79,tonality=0.87}" | sed -n 1,9p
  $cli eval "$eval_dir/dev-sectors.jsonl" --worst 0 --gold-sectors --fail-under "${GATE_SECTORS_LAYERS:-themes=0.81,irritants=0.83,enchantments=0.81,tonality=0.86}" | sed -n 1,9p
else
  echo "skipping dev-sectors gate: $eval_dir/dev-sectors.jsonl not present"
fi
real="$eval_dir/real/reviews-ecommerce-a.csv"
if [ -f "$real" ] && [ -f "$eval_dir/score-separation.mjs" ]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  $cli analyze "$real" --id id --text content_review --score stars --date date_experience --channel avis_en_ligne \
    --annotate "$tmp/real.jsonl" --format json --out "$tmp/report.json" --no-progress
  line="$(node "$eval_dir/score-separation.mjs" "$tmp/real.jsonl" | tail -1)"
  echo "real reviews: $line"
  # Thresholds: irritant-count AUC (with the residual label), share of 1-2 star reviews with neither an
  # irritant nor the residual label, share of 5 star reviews with one.
  node -e '
    const f = Object.fromEntries(process.argv[1].split(" ").map((kv) => kv.split("=")).map(([k, v]) => [k, Number(v)]));
    const [auc, low, five] = process.argv[2].split(",").map(Number);
    const bad = [];
    if (!(f.irritantAuc >= auc)) bad.push(`irritantAuc ${f.irritantAuc} < ${auc}`);
    if (!(f.lowWithoutIrritant <= low)) bad.push(`lowWithoutIrritant ${f.lowWithoutIrritant} > ${low}`);
    if (!(f.fiveWithIrritant <= five)) bad.push(`fiveWithIrritant ${f.fiveWithIrritant} > ${five}`);
    if (bad.length > 0) { console.error("real-review gate failed: " + bad.join("; ")); process.exit(1); }
  ' "$line" "${GATE_REAL:-0.91,0.13,0.021}"
else
  echo "skipping real-review gate: $real not present"
fi
