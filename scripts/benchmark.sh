#!/usr/bin/env bash
# End-to-end training benchmark: median ms per iteration after warm-up, split by phase, for the
# configurations of docs/PERFORMANCE.md, each with trajectory balance and with Renyi + loo-score.
# Usage: scripts/benchmark.sh [OUT.csv]   (default benchmark-results.csv; takes ~10 minutes)
# Run it on a quiet machine: the figures are wall-clock times.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-benchmark-results.csv}"
rm -f "$OUT"
run() {
  "$ROOT/gfn4j" bench --csv "$OUT" --warmup "${WARMUP:-100}" --measure "${MEASURE:-200}" "$@"
}
for objective in "objective.name=tb" "objective.name=renyi"; do
  run --set "$objective" --set env.ndim=2 --set env.height=8  --set train.batch-size=16
  run --set "$objective" --set env.ndim=2 --set env.height=32 --set train.batch-size=64
  run --set "$objective" --set env.ndim=4 --set env.height=8  --set train.batch-size=64
  run --set "$objective" --set env.ndim=4 --set env.height=16 --set train.batch-size=256
done
echo "results: $OUT"
