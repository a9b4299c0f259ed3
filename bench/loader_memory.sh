#!/usr/bin/env bash
# The worker's memory while it trains one epoch on N generated clips and embeds them all, for
# each N given (default 500 5000), streaming (as the activities read videos) and, with
# MODES="streaming in-memory", also decoding every video first (as they did before). One JVM per
# measurement: the resident-set peak (VmHWM) covers a whole process.
#   bench/loader_memory.sh [N...]        e.g. bench/loader_memory.sh 500 5000
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-500 5000}")
read -ra sizes <<<"${sizes[*]}"
for mode in ${MODES:-streaming}; do
  for n in "${sizes[@]}"; do
    bin/ovid bench loader --videos "$n" --mode "$mode" --json | tail -1
  done
done
