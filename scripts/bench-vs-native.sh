#!/usr/bin/env bash
# Speed of mhbench's backends side by side with llama.cpp's own llama-bench, from the same build:
#
#   scripts/bench-vs-native.sh MODEL.gguf [-t 1,2] [-p 512] [-n 128] [-r 3]
#
# For each thread count: llama-bench (pp = prompt processing of P tokens, tg = generation of N tokens
# after P tokens of context),
# then `mhbench generate` on the server backend and on the in-process backend with a prompt of about P
# tokens and N generated tokens, R times each (a fresh process each time, so no prompt cache helps).
# Prints tokens/s (mean ± sd) and each backend's ratio to llama-bench. Needs a llama-server build
# (scripts/build-llama.sh) and python3. Measure on a quiet machine: other work skews every number.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
model="${1:?usage: scripts/bench-vs-native.sh MODEL.gguf [-t 1,2] [-p 512] [-n 128] [-r 3]}"; shift
threads="1,2"; np=512; ng=128; reps=3
while [ $# -gt 0 ]; do
  case "$1" in
    -t) threads="$2"; shift 2 ;;
    -p) np="$2"; shift 2 ;;
    -n) ng="$2"; shift 2 ;;
    -r) reps="$2"; shift 2 ;;
    *) echo "bench-vs-native: unknown option '$1'" >&2; exit 2 ;;
  esac
done
dir="$("$here/scripts/build-llama.sh" --print-dir)"
server="${MHBENCH_LLAMA_SERVER:-$dir/bin/llama-server}"
bench="$(dirname "$server")/llama-bench"
[ -x "$server" ] && [ -x "$bench" ] || { echo "bench-vs-native: no llama-server/llama-bench in $(dirname "$server"); run scripts/build-llama.sh" >&2; exit 2; }
(cd "$here" && [ -f target/mhbench.jar ] || mvn -q -B -DskipTests package)

work="$(mktemp -d "${TMPDIR:-/tmp}/mhbench-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# About P prompt tokens of plain words: write some, count them with the model's own tokenizer (one
# short request), then scale. The exact count of each request is read back from its reply.
words() { python3 -c "import sys; w='the quiet river runs past old stone walls and green fields '.split(); \
print(' '.join(w[i % len(w)] for i in range(int(sys.argv[1]))))" "$1"; }
words "$np" > "$work/prompt.txt"
counted="$("$here/mhbench" generate --backend server --llama-server "$server" -m "$model" -c $((np * 8 + 64)) \
  -p "$(cat "$work/prompt.txt")" --max-tokens 1 --json 2>/dev/null \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["completion"]["promptTokens"])')"
words $(( np * np / counted - 8 )) > "$work/prompt.txt"

echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //') ($(nproc) cores)"
echo "model: $model"
echo "llama.cpp: $("$server" --version 2>&1 | grep '^version' | head -1)"
for t in ${threads//,/ }; do
  # pp: P prompt tokens; tg: N tokens generated after P tokens of context (-d), as a reply is.
  { "$bench" -m "$model" -t "$t" -p "$np" -n 0 -r "$reps" -o jsonl
    "$bench" -m "$model" -t "$t" -p 0 -n "$ng" -d "$np" -r "$reps" -o jsonl; } > "$work/native-$t.jsonl" 2>/dev/null
  for backend in server jni; do
    : > "$work/$backend-$t.jsonl"
    for i in $(seq "$reps"); do
      where=(); [ "$backend" = server ] && where=(--llama-server "$server")
      "$here/mhbench" generate --backend "$backend" "${where[@]}" -m "$model" -t "$t" -c $((np + ng + 256)) \
        -p "$i $(cat "$work/prompt.txt")" --max-tokens "$ng" --json 2>/dev/null >> "$work/$backend-$t.jsonl"
    done
  done
done 2>/dev/null
[ "$(ls "$work"/*.jsonl | wc -l)" -gt 0 ]
python3 - "$work" "$threads" <<'EOF'
import json, statistics, sys, os
work, threads = sys.argv[1], sys.argv[2].split(",")
def ms(v): return (statistics.mean(v), statistics.stdev(v) if len(v) > 1 else 0.0)
print()
print("| threads | test | llama-bench tok/s | server tok/s | server / native | in-process tok/s | in-process / native |")
print("|---|---|---|---|---|---|---|")
for t in threads:
    rows = [json.loads(l) for l in open(f"{work}/native-{t}.jsonl") if l.strip()]
    native = {("pp" if r["n_prompt"] > 0 else "tg"): r["avg_ts"] for r in rows}
    nsd = {("pp" if r["n_prompt"] > 0 else "tg"): r["stddev_ts"] for r in rows}
    row = {}
    for b in ("server", "jni"):
        pp, tg = [], []
        for line in open(f"{work}/{b}-{t}.jsonl"):
            c = json.loads(line)["completion"]
            if c["promptMillis"] > 0: pp.append(c["promptTokens"] / (c["promptMillis"] / 1000))
            if c["completionTokens"] > 1 and c["generationMillis"] > 0:
                tg.append((c["completionTokens"] - 1) / (c["generationMillis"] / 1000))
        row[b] = {"pp": ms(pp), "tg": ms(tg)}
    for test in ("pp", "tg"):
        n = native[test]
        s, j = row["server"][test], row["jni"][test]
        print(f"| {t} | {test} | {n:.1f} ± {nsd[test]:.1f} | {s[0]:.1f} ± {s[1]:.1f} | {s[0]/n:.2f} | {j[0]:.1f} ± {j[1]:.1f} | {j[0]/n:.2f} |")
EOF
