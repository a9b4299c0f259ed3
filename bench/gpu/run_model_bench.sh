#!/usr/bin/env bash
# Runs `bench model` from a bundle made by bench/gpu/make_bundle.sh on a host whose python3 has
# torch (any CUDA build the bundle's JNI was compiled for), transformers and safetensors. Ovid runs
# on that torch's own libtorch (PYTORCH_LIBRARY_PATH), so both sides use the same libtorch.
#
# Usage: bench/gpu/run_model_bench.sh BUNDLE OUT [RUN...]
#   RUN  name:bench-model-options, e.g. 'base-bf16:--size base --precision bf16 --steps 20'
#        (default: a tiny smoke run with --precision auto, then base in bf16 and in fp32)
# Each run's output goes to OUT/<name>.log; the --json lines to OUT/summary.jsonl.
set -uo pipefail
bundle="$(cd "${1:?BUNDLE}" && pwd)"
out=${2:?OUT}
shift 2
mkdir -p "$out"
python=${OVID_BENCH_PYTHON:-python3}
device=${OVID_BENCH_DEVICE:-cuda}

nvidia-smi --query-gpu=name,memory.total,driver_version,compute_cap --format=csv 2>&1 | tee "$out/gpu.txt"
read -r torch_dir torch_version < <("$python" -c \
  'import os, torch; print(os.path.dirname(torch.__file__), torch.__version__)') ||
  { echo "no torch in $python" >&2; exit 1; }
version=${torch_version%%+*}
jni="$bundle/libdjl_torch-$version.so"
[[ -f $jni ]] || { echo "the bundle has no JNI for libtorch $version ($jni)" >&2; exit 1; }

java=java
if ! java -version 2>&1 | grep -qE 'version "(1[7-9]|2[0-9])'; then
  mkdir -p /tmp/ovid-jre && tar -C /tmp/ovid-jre -xJf "$bundle/jre17.tar.xz"
  java=/tmp/ovid-jre/jre17/bin/java
fi

# bin/ovid's own libtorch settings (infra/lib/libtorch.sh): version and flavour from torch's
# version.py (PYTORCH_FLAVOR=cpu for a CUDA build on a host without a driver), the JNI where DJL
# looks for it, pip's CUDA runtime on LD_LIBRARY_PATH.
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export OVID_HOME="$home" OVID_STATE_DIR=/tmp/ovid-bench-state DJL_CACHE_DIR=/tmp/ovid-djl-cache
export OVID_LIBTORCH_DIR="$torch_dir/lib" OVID_DJL_JNI="$jni"
# shellcheck source=../../infra/lib/common.sh
source "$home/infra/lib/common.sh"
# shellcheck source=../../infra/lib/libtorch.sh
source "$home/infra/lib/libtorch.sh"
configure_libtorch
export LD_LIBRARY_PATH="$LD_LIBRARY_PATH:/usr/local/nvidia/lib64"
djl_version=$(djl_version)
echo "torch $torch_version at $torch_dir; java $("$java" -version 2>&1 | head -1); DJL $djl_version" | tee "$out/setup.txt"

runs=("$@")
if [[ ${#runs[@]} -eq 0 ]]; then
  runs=('tiny-auto:--size tiny --precision auto --steps 3 --warmup 1'
    'base-bf16:--size base --precision bf16 --steps 20 --warmup 5'
    'base-fp32:--size base --precision fp32 --steps 20 --warmup 5')
fi
status=0
for run in "${runs[@]}"; do
  name=${run%%:*}
  read -ra options <<<"${run#*:}"
  echo "== $name: bench model --device $device ${options[*]}"
  if "$java" -Dai.djl.offline=true \
    -cp "$bundle/jars/*" dev.ovid.activities.cli.LocalCli bench model --device "$device" \
    --python "$(command -v "$python")" --work-dir /tmp/ovid-bench --threads "$(nproc)" \
    "${options[@]}" --json >"$out/$name.log" 2>&1; then
    tail -n 1 "$out/$name.log" | tee -a "$out/summary.jsonl"
  else
    status=1
    echo "$name failed:" && tail -n 40 "$out/$name.log"
  fi
done
exit $status
