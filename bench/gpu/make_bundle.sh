#!/usr/bin/env bash
# Packs what `bench model --device cuda` needs on a GPU host that has no Maven, no network and no
# Java, only a python3 with torch, transformers and safetensors (a rented GPU box, the device
# machine): the worker's model jars without the bundled CPU libtorch, a jlink'd Java 17 runtime,
# and DJL's JNI compiled for that host's libtorch version (DJL's pytorch-jni jar carries builds
# for libtorch 2.7.1 only). bench/gpu/run_model_bench.sh runs it there.
#
# Usage: bench/gpu/make_bundle.sh OUT DJL_SOURCE TORCH_PACKAGE
#   OUT            folder to fill (jars/, jre17.tar.xz, libdjl_torch-<version>.so)
#   DJL_SOURCE     a checkout of github.com/deepjavalibrary/djl at the DJL version Ovid uses
#   TORCH_PACKAGE  the host's torch package folder (site-packages/torch) or an unpacked copy of the
#                  same pip wheel: headers from include/, libtorch*.so and libc10.so from lib/
# Needs: bin/ovid's worker build (activities/target-dist/quarkus-app), g++, jlink.
set -euo pipefail
out=${1:?OUT}
djl=${2:?DJL_SOURCE}
torch=${3:?TORCH_PACKAGE}
home="$(cd "$(dirname "$0")/../.." && pwd)"
app="$home/activities/${OVID_BUILD_DIR:-target-dist}/quarkus-app"
lib="$app/lib/main"
[[ -d $lib ]] || { echo "no worker build in $app: bin/ovid builds it on first use (e.g. bin/ovid bench model --help)" >&2; exit 1; }
# shellcheck source=../../infra/lib/libtorch.sh
source "$home/infra/lib/libtorch.sh"
version=$(pip_torch_version "$torch/version.py")
version=${version%%+*}
[[ -n $version ]] || { echo "cannot read the torch version from $torch/version.py" >&2; exit 1; }
mkdir -p "$out/jars"
rm -f "$out"/jars/*.jar

# The jars the local CLI's bench commands load: Ovid's own, picocli, DJL's API and PyTorch engine
# (not its native jars) and their small dependencies.
cp "$app"/app/ovid-activities-*.jar "$out/jars/"
for pattern in 'dev.ovid.ovid-model-*' 'dev.ovid.ovid-workflows-*' 'info.picocli.picocli-*' \
  'ai.djl.api-*' 'ai.djl.pytorch.pytorch-engine-*' 'net.java.dev.jna.jna-[0-9]*' \
  'com.google.code.gson.gson-*' 'com.fasterxml.jackson.core.*' \
  'com.fasterxml.jackson.dataformat.jackson-dataformat-csv-*' 'org.apache.commons.commons-compress-*' \
  'commons-io.commons-io-*' 'commons-codec.commons-codec-*' 'org.slf4j.slf4j-api-*'; do
  compgen -G "$lib/$pattern.jar" >/dev/null || { echo "no $pattern.jar in $lib" >&2; exit 1; }
  cp "$lib"/$pattern.jar "$out/jars/"
done

# Java 17 with only the modules those jars use.
rm -rf "$out/jre17" "$out/jre17.tar.xz"
jlink --add-modules java.base,java.logging,java.management,java.naming,java.sql,java.xml,jdk.unsupported,java.net.http,jdk.crypto.ec,jdk.zipfs \
  --compress=2 --strip-debug --no-header-files --no-man-pages --output "$out/jre17"
tar -C "$out" -cJf "$out/jre17.tar.xz" jre17
rm -rf "$out/jre17"

# DJL's JNI against this libtorch: its sources, the JNI header javac writes for PyTorchLibrary,
# and libtorch's headers; linked against libtorch by soname, so the host's own copies load it.
native="$djl/engines/pytorch/pytorch-native/src/main/native"
engine="$djl/engines/pytorch/pytorch-engine/src/main/java"
[[ -d $native ]] || { echo "no DJL PyTorch JNI sources in $native" >&2; exit 1; }
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
javac -cp "$(ls "$lib"/ai.djl.api-*.jar):$(ls "$lib"/org.slf4j.slf4j-api-*.jar)" -sourcepath "$engine" \
  -h "$build/include" -d "$build/classes" "$engine/ai/djl/pytorch/jni/PyTorchLibrary.java"
jdk="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
ls "$native"/*.cc | xargs -P "$(nproc)" -I{} sh -c 'g++ -std=c++17 -O2 -fPIC -DNDEBUG -w \
  -I"$0/include" -I"$0/include/torch/csrc/api/include" -I"$1/include" -I"$2/include" \
  -I"$2/include/linux" -I"$3/api/src/main/native" -c {} -o "$1/$(basename {} .cc).o"' \
  "$torch" "$build" "$jdk" "$djl"
g++ -shared -o "$out/libdjl_torch-$version.so" "$build"/*.o -L"$torch/lib" \
  -Wl,--no-as-needed -ltorch -ltorch_cpu -lc10 -Wl,-rpath,'$ORIGIN'
echo "bundle for libtorch $version in $out: $(du -sh "$out" | cut -f1)"
