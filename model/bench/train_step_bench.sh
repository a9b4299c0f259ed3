#!/usr/bin/env bash
# Times one training step and video inference of the same small configuration in Ovid (DJL) and in
# PyTorch (HF transformers CLIP + the branch re-implemented), from the same weights and batch, with
# the same thread count, and prints the ratio. Not a test; needs the Python venv with torch,
# transformers and safetensors (.ovid/venvs/fixtures, made by model/scripts/make_clip_fixtures.py's
# instructions).
#   model/bench/train_step_bench.sh [threads] [steps]
# OVID_BENCH_FIXTURE=model/src/test/resources/fixtures/training/pytorch_reference.json with steps 6
# regenerates the fixture of TrainerPytorchParityTest.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
threads="${1:-1}"
steps="${2:-12}"
build="${OVID_BENCH_BUILD_DIR:-target-bench}"
python="${OVID_BENCH_PYTHON:-$root/.ovid/venvs/fixtures/bin/python}"
out="$(mktemp -d "${TMPDIR:-/tmp}/ovid-bench.XXXXXX")"
cd "$root"
mvn -B -q -o -Dovid.build.dir="$build" -pl model test-compile dependency:build-classpath \
  -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=test
cp="$root/model/$build/test-classes:$root/model/$build/classes:$(cat "$out/classpath.txt")"
DJL_OFFLINE=true java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$threads" \
  -Dai.djl.pytorch.num_interop_threads=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$cp" dev.ovid.model.bench.TrainStepBenchmark "$out" "$steps"
"$python" "$here/train_step_bench.py" "$out" --threads "$threads" \
  ${OVID_BENCH_FIXTURE:+--fixture "$OVID_BENCH_FIXTURE"}
echo "inputs and results: $out"
