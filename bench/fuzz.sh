#!/usr/bin/env bash
# Fuzzing benchmark (not a test): fuzzes each Jazzer target in its own JVM for RUNS inputs
# (default 1,000,000) and prints one line per target with the inputs run, inputs/s and the outcome.
#   bench/fuzz.sh                      # every target, 1M inputs each
#   RUNS=200000 bench/fuzz.sh Safetensors ClipTokenizer   # targets whose class name matches
# New corpus entries go to <module>/.cifuzz-corpus/ (ignored); a finding is written to the
# target's src/test/resources/.../<Test>Inputs/<method>/ folder, where every normal test run
# replays it once committed.
set -uo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-1000000}
MAX_SECONDS=${MAX_SECONDS:-7200}
mapfile -t targets < <(find model registry activities -path '*/src/test/java/*' -name '*FuzzTest.java' \
  -printf '%f\n' | sed 's/\.java$//' | sort)
if [ $# -gt 0 ]; then
  mapfile -t targets < <(printf '%s\n' "${targets[@]}" | grep -E "$(IFS='|'; echo "$*")")
fi
printf '%-34s %10s %10s  %s\n' target inputs inputs/s outcome
for t in "${targets[@]}"; do
  log=$(mktemp)
  ./mvnw -B -o verify -Pfuzz -Dfuzz.runs="$RUNS" -Dfuzz.max-seconds="$MAX_SECONDS" \
    -pl model,registry,activities -am -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false \
    -Dquarkus.build.skip=true >"$log" 2>&1
  rc=$?
  runs=$(grep -a 'stat::number_of_executed_units' "$log" | tail -1 | awk '{print $2}')
  rate=$(grep -a 'stat::average_exec_per_sec' "$log" | tail -1 | awk '{print $2}')
  if [ $rc -eq 0 ]; then outcome="ok (nothing escaped)"; else
    outcome="FINDING: $(grep -a -m1 'FuzzTestFindingException' "$log" | cut -c1-160) (log $log)"; fi
  printf '%-34s %10s %10s  %s\n' "$t" "${runs:-?}" "${rate:-?}" "$outcome"
  [ $rc -eq 0 ] && rm -f "$log"
done
