#!/usr/bin/env bash
# A libtorch of one's own instead of the bundled CPU one, e.g. pip's CUDA build on a GPU host.
# OVID_LIBTORCH_DIR=<folder with libtorch.so> (or "bench-venv": the torch of bin/ovid bench
# model's venv). DJL reads PYTORCH_LIBRARY_PATH, PYTORCH_VERSION and PYTORCH_FLAVOR itself.
# - A pip torch folder (site-packages/torch/lib) tells its version and flavor in ../version.py
#   (2.11.0+cu130 -> 2.11.0, cu130); any other folder is taken as libtorch 2.7.1, cu128 when it
#   holds libtorch_cuda.so, else cpu.
# - DJL's JNI must match that libtorch: the pytorch-jni jar carries cpu and cu128 builds for
#   2.7.1. For another version set OVID_DJL_JNI=<libdjl_torch.so built for it> (make one with
#   bench/gpu/make_bundle.sh); it is copied where DJL looks: <DJL cache>/pytorch/<version>-
#   <flavor>-linux-x86_64/<DJL version>-libdjl_torch.so.
# - pip's CUDA runtime folder joins LD_LIBRARY_PATH, so DJL can ask libcudart (through JNA) for
#   the GPU's compute capability.
# Workers and local commands then run on CUDA whenever a GPU is present (model/weights/Devices).

# DJL's version, as pom.xml pins it.
djl_version() {
  sed -n 's:.*<djl.version>\(.*\)</djl.version>.*:\1:p' "$OVID_HOME/pom.xml" | head -n 1
}

# A pip torch's version as its version.py states it (2.11.0+cu130), empty when unreadable.
pip_torch_version() {
  sed -n "s/^__version__ = '\(.*\)'/\1/p" "$1"
}

configure_libtorch() {
  local dir=${OVID_LIBTORCH_DIR:-}
  [[ -n $dir ]] || return 0
  if [[ $dir == bench-venv ]]; then
    dir=$(echo "$OVID_TOOLS_DIR"/bench-venv/lib/python3*/site-packages/torch/lib)
  fi
  [[ -f $dir/libtorch.so ]] || die "OVID_LIBTORCH_DIR: no libtorch.so in $dir"
  local version=2.7.1 flavor=cpu pip_version=""
  [[ -f $dir/libtorch_cuda.so ]] && flavor=cu128
  if [[ -f $dir/../version.py ]]; then
    pip_version=$(pip_torch_version "$dir/../version.py")
    [[ -n $pip_version ]] || die "OVID_LIBTORCH_DIR: cannot read __version__ in $dir/../version.py"
    version=${pip_version%%+*}
    flavor=cpu
    [[ $pip_version == *+* ]] && flavor=${pip_version#*+}
  fi
  export PYTORCH_LIBRARY_PATH="$dir" PYTORCH_VERSION="${PYTORCH_VERSION:-$version}"
  export PYTORCH_FLAVOR="${PYTORCH_FLAVOR:-$flavor}"
  if [[ $PYTORCH_VERSION != 2.7.1 ]]; then
    local jni=${OVID_DJL_JNI:-}
    [[ -n $jni ]] || die "OVID_LIBTORCH_DIR holds libtorch $PYTORCH_VERSION, but DJL ships its JNI for 2.7.1 only: set OVID_DJL_JNI to a libdjl_torch.so built for $PYTORCH_VERSION (bench/gpu/make_bundle.sh builds one)"
    [[ -f $jni ]] || die "OVID_DJL_JNI: no such file: $jni"
    local cache=${DJL_CACHE_DIR:-$HOME/.djl.ai}
    local target="$cache/pytorch/$PYTORCH_VERSION-$PYTORCH_FLAVOR-linux-x86_64/$(djl_version)-libdjl_torch.so"
    if ! cmp -s "$jni" "$target"; then
      mkdir -p "$(dirname "$target")" && cp "$jni" "$target.tmp" && mv "$target.tmp" "$target"
    fi
  fi
  local cudart
  cudart=$(find "$dir/../.." -maxdepth 5 -path '*nvidia*' -name 'libcudart.so*' 2>/dev/null | head -n 1)
  if [[ -n $cudart ]]; then
    export LD_LIBRARY_PATH="$(dirname "$cudart")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  fi
}
