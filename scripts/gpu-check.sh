#!/usr/bin/env bash
# GPU check for the server backend, for a machine with an NVIDIA GPU, nvcc and cuBLAS:
#
#   scripts/gpu-check.sh [--src LLAMA_CPP_DIR] [--limit N]
#
# 1. builds llama-server with CUDA (scripts/build-llama.sh --cuda; reused when already built),
# 2. writes the medium test model (201 M parameters, Q8_0; random weights: speed only, never quality),
# 3. runs `generate` (128 tokens) and a stigma run (first N items, default 300) on it with every layer on
#    the GPU and with none, and prints tokens/s and items/s side by side, with nvidia-smi's GPU name.
# Everything it writes goes under a temporary folder, which it removes; the build stays cached.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
src=(); limit=300
while [ $# -gt 0 ]; do
  case "$1" in
    --src) src=(--src "$2"); shift 2 ;;
    --limit) limit="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "gpu-check: unknown option '$1'" >&2; exit 2 ;;
  esac
done
command -v nvidia-smi >/dev/null || { echo "gpu-check: no nvidia-smi: this machine has no NVIDIA driver" >&2; exit 2; }

"$here/scripts/build-llama.sh" --cuda "${src[@]}" --jobs "$(nproc)"
server="$("$here/scripts/build-llama.sh" --cuda "${src[@]}" --print-dir)/bin/llama-server"
(cd "$here" && mvn -q -B -DskipTests package)
mh=("$here/mhbench")

work="$(mktemp -d "${TMPDIR:-/tmp}/mhbench-gpu-check.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"${mh[@]}" make-test-model --size medium --out "$work/medium.gguf" >/dev/null

gen() { # $1 = gpu layers; prints tokens/s of a 128-token greedy reply
  "${mh[@]}" generate --backend server --llama-server "$server" -m "$work/medium.gguf" -ngl "$1" \
    -p "Tell me about your week." --max-tokens 128 --json 2>/dev/null \
    | python3 -c 'import json,sys; c=json.load(sys.stdin)["completion"]; n=c["completionTokens"]; \
print("%.1f tok/s gen, %d prompt tokens in %.0f ms" % ((n-1)/(c["generationMillis"]/1000), c["promptTokens"], c["promptMillis"]))'
}
stigma() { # $1 = gpu layers; prints items/s of the first $limit stigma items
  local t0 t1
  t0=$(date +%s.%N)
  "${mh[@]}" run -e stigma --backend server --llama-server "$server" -m "$work/medium.gguf" -ngl "$1" \
    --limit "$limit" --system-prompt none --no-score --out "$work/run-$1" >/dev/null 2>&1
  t1=$(date +%s.%N)
  python3 -c "print('%d items in %.1f s: %.2f items/s' % ($limit, $t1-$t0, $limit/($t1-$t0)))"
}

echo "GPU: $(nvidia-smi --query-gpu=name,memory.total --format=csv,noheader | head -1)"
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //') ($(nproc) cores)"
echo "llama-server: $("$server" --version 2>&1 | head -1)"
printf '%-22s %s\n' "generate, CPU (-ngl 0)" "$(gen 0)"
printf '%-22s %s\n' "generate, GPU (-ngl 999)" "$(gen 999)"
printf '%-22s %s\n' "stigma, CPU" "$(stigma 0)"
printf '%-22s %s\n' "stigma, GPU" "$(stigma 999)"
