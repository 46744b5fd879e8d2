#!/usr/bin/env bash
# Builds llama-server and llama-bench from a pinned llama.cpp source tree, for mhbench's server backend.
#
#   scripts/build-llama.sh [--src DIR] [--cuda] [--native|--portable] [--jobs N] [--force] [--print-dir]
#
# Source: --src DIR (a llama.cpp checkout you give; its commit is recorded), or else the source
# that the npm package node-llama-cpp@3.22.1 ships as llama/gitRelease.bundle (llama.cpp of
# 2026-09-28, commit de3ff815ea7d…), fetched with `npm pack` and checked against the pinned SHA.
# Output: ~/.cache/mhbench/llama.cpp/<version>/<variant>/bin/{llama-server,llama-bench} and
# build-info.json beside bin/ (source, commit, flags, compiler, SHA-256 of each binary). mhbench
# finds that folder by itself; --print-dir prints it and builds nothing.
#
# The build is static (no shared ggml/llama libraries), with no OpenSSL, no web UI download and no
# tests or examples. CPU-native by default (GGML_NATIVE=ON: the build machine's instruction set);
# --portable targets a generic x86-64 with runtime CPU dispatch; --cuda adds the CUDA backend
# (needs nvcc and cuBLAS).
# Nothing built or fetched here is committed: it all stays under the cache.
set -euo pipefail

PINNED_NPM="node-llama-cpp@3.22.1"
PINNED_SHA="de3ff815ea7d559ee917f063901b8986f038abc6"
PINNED_VERSION="2026-09-28-de3ff815"

src=""; cuda=0; native=1; jobs="$(nproc 2>/dev/null || echo 2)"; force=0; print_dir=0
while [ $# -gt 0 ]; do
  case "$1" in
    --src) src="$2"; shift 2 ;;
    --cuda) cuda=1; shift ;;
    --native) native=1; shift ;;
    --portable) native=0; shift ;;
    --jobs|-j) jobs="$2"; shift 2 ;;
    --force) force=1; shift ;;
    --print-dir) print_dir=1; shift ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-llama: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done

# The same cache mhbench reads: $MHBENCH_HOME/cache, else $XDG_CACHE_HOME/mhbench, else ~/.cache/mhbench.
if [ -n "${MHBENCH_HOME:-}" ]; then cache="$MHBENCH_HOME/cache"; else cache="${XDG_CACHE_HOME:-$HOME/.cache}/mhbench"; fi
if [ -n "$src" ]; then
  src="$(cd "$src" && pwd)"
  [ -f "$src/CMakeLists.txt" ] && [ -d "$src/tools/server" ] \
    || { echo "build-llama: $src is not a llama.cpp source tree (no tools/server)" >&2; exit 2; }
  sha="$(git -C "$src" rev-parse HEAD 2>/dev/null || echo unknown)"
  dirty=""
  if [ "$sha" != unknown ] && [ -n "$(git -C "$src" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
    dirty="-dirty"
  fi
  version="$(git -C "$src" log -1 --format=%cd --date=format:%Y-%m-%d 2>/dev/null || echo local)-${sha:0:8}${dirty}"
  origin="$src"
else
  sha="$PINNED_SHA"; version="$PINNED_VERSION"; origin="npm:$PINNED_NPM llama/gitRelease.bundle"
fi
variant="cpu"; [ "$native" = 1 ] && variant="cpu-native"; [ "$cuda" = 1 ] && variant="cuda"
[ "$cuda" = 1 ] && [ "$native" = 1 ] && variant="cuda-native"
out="$cache/llama.cpp/$version/$variant"
if [ "$print_dir" = 1 ]; then echo "$out"; exit 0; fi

if [ "$force" = 0 ] && [ -x "$out/bin/llama-server" ] && [ -f "$out/build-info.json" ] \
   && "$out/bin/llama-server" --version >/dev/null 2>&1; then
  echo "build-llama: already built: $out/bin/llama-server"
  exit 0
fi

for tool in cmake git; do
  command -v "$tool" >/dev/null || { echo "build-llama: needs '$tool' (Debian: apt-get install cmake git build-essential)" >&2; exit 2; }
done
command -v c++ >/dev/null || { echo "build-llama: needs a C++ compiler (Debian: apt-get install build-essential)" >&2; exit 2; }
generator=(); command -v ninja >/dev/null && generator=(-G Ninja)

work="$(mktemp -d "${TMPDIR:-/tmp}/mhbench-llama-build.XXXXXX")"
trap 'rm -rf "$work"' EXIT

if [ -z "$src" ]; then
  command -v npm >/dev/null || { echo "build-llama: needs npm to fetch $PINNED_NPM (or give --src DIR)" >&2; exit 2; }
  echo "build-llama: fetching llama.cpp source from $PINNED_NPM ..."
  (cd "$work" && npm pack --silent "$PINNED_NPM" >/dev/null)
  tar -xzf "$work"/node-llama-cpp-*.tgz -C "$work" package/llama/gitRelease.bundle
  git clone -q "$work/package/llama/gitRelease.bundle" "$work/llama.cpp" 2>/dev/null
  got="$(git -C "$work/llama.cpp" rev-parse HEAD)"
  [ "$got" = "$PINNED_SHA" ] || { echo "build-llama: $PINNED_NPM carries commit $got, expected $PINNED_SHA" >&2; exit 1; }
  rm -rf "$work/package" "$work"/node-llama-cpp-*.tgz
  src="$work/llama.cpp"
fi

flags=(-DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF
       -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_TOOLS=ON -DLLAMA_BUILD_SERVER=ON
       -DLLAMA_BUILD_APP=OFF -DLLAMA_BUILD_UI=OFF -DLLAMA_USE_PREBUILT_UI=OFF -DLLAMA_OPENSSL=OFF)
if [ "$native" = 1 ]; then flags+=(-DGGML_NATIVE=ON); else flags+=(-DGGML_NATIVE=OFF -DGGML_CPU_ALL_VARIANTS=OFF); fi
[ "$cuda" = 1 ] && flags+=(-DGGML_CUDA=ON)

echo "build-llama: building $version ($variant) from $origin with $jobs jobs ..."
start=$(date +%s)
build="$work/build"
cmake -S "$src" -B "$build" "${generator[@]}" "${flags[@]}" >"$work/configure.log" 2>&1 \
  || { cat "$work/configure.log" >&2; echo "build-llama: configure failed" >&2; exit 1; }
cmake --build "$build" --target llama-server llama-bench -j "$jobs" >"$work/build.log" 2>&1 \
  || { tail -50 "$work/build.log" >&2; echo "build-llama: build failed" >&2; exit 1; }
secs=$(( $(date +%s) - start ))

mkdir -p "$out.tmp/bin"
cp "$build/bin/llama-server" "$build/bin/llama-bench" "$out.tmp/bin/"
srv_sha="$(sha256sum "$out.tmp/bin/llama-server" | cut -d' ' -f1)"
bench_sha="$(sha256sum "$out.tmp/bin/llama-bench" | cut -d' ' -f1)"
reported="$("$out.tmp/bin/llama-server" --version 2>&1 | tr '\n' ' ' | sed 's/"/\\"/g; s/ *$//')"
compiler="$(c++ --version | head -1 | sed 's/"/\\"/g')"
cat >"$out.tmp/build-info.json" <<EOF
{
  "version": "$version",
  "variant": "$variant",
  "source": "$origin",
  "commit": "$sha",
  "cmake_flags": "$(printf '%s ' "${flags[@]}" | sed 's/ $//')",
  "compiler": "$compiler",
  "reported_version": "$reported",
  "built_at": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "build_seconds": $secs,
  "llama_server_sha256": "$srv_sha",
  "llama_bench_sha256": "$bench_sha"
}
EOF
rm -rf "$out"; mkdir -p "$(dirname "$out")"; mv "$out.tmp" "$out"
echo "build-llama: built in ${secs}s: $out/bin/llama-server"
