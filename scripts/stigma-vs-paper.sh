#!/usr/bin/env bash
# The stigma loop against the paper's way of running it, on the same llama-server build:
#
#   scripts/stigma-vs-paper.sh MODEL.gguf [-n 300] [-t 2]
#
# 1. mhbench: `mhbench run -e stigma --limit N` on the server backend with its defaults (answers stop once
#    the strict verdict is decided), the whole command timed: JVM start, server start, model load, N items.
# 2. The paper's way: one OpenAI chat request per prompt (max_tokens 10, temperature 0), from a plain
#    Python client, to llama-server from the same build with the same threads, with 1 slot and 1 request
#    at a time and with 4 slots and 4 requests at a time; the requests timed (server start not counted).
#    The prompts are exactly the N conversations mhbench sent, read from its run folder.
# Prints items/s of each and mhbench's ratio to the better of the two. Needs a llama-server build
# (scripts/build-llama.sh) and python3. Measure on a quiet machine: other work skews every number.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
model="${1:?usage: scripts/stigma-vs-paper.sh MODEL.gguf [-n 300] [-t 2]}"; shift
n=300; threads=2
while [ $# -gt 0 ]; do
  case "$1" in
    -n) n="$2"; shift 2 ;;
    -t) threads="$2"; shift 2 ;;
    *) echo "stigma-vs-paper: unknown option '$1'" >&2; exit 2 ;;
  esac
done
dir="$("$here/scripts/build-llama.sh" --print-dir)"
server="${MHBENCH_LLAMA_SERVER:-$dir/bin/llama-server}"
[ -x "$server" ] || { echo "stigma-vs-paper: no llama-server in $(dirname "$server"); run scripts/build-llama.sh" >&2; exit 2; }
(cd "$here" && [ -f target/mhbench.jar ] || mvn -q -B -DskipTests package)

work="$(mktemp -d "${TMPDIR:-/tmp}/mhbench-stigma-vs-paper.XXXXXX")"
trap 'rm -rf "$work"' EXIT

start=$(date +%s.%N)
"$here/mhbench" run -e stigma --limit "$n" -m "$model" --backend server --llama-server "$server" -t "$threads" \
  --no-judge --no-score --out "$work/run" >/dev/null 2>"$work/run.err" \
  || { cat "$work/run.err" >&2; exit 1; }
end=$(date +%s.%N)
mh=$(python3 -c "print(f'{$n / ($end - $start):.2f}')")
echo "mhbench run, server backend, $threads threads: $n items in $(python3 -c "print(f'{$end - $start:.1f}')") s = $mh items/s (whole command)"

paper() { # $1 concurrent requests = slots
  python3 - "$server" "$model" "$work/run/responses.jsonl" "$1" "$threads" "$n" <<'EOF'
import json, sys, time, subprocess, urllib.request, concurrent.futures, socket
server, model, recs, conc, threads, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5], int(sys.argv[6])
items = [json.loads(l)["messages"] for l in open(recs)][:n]
s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
p = subprocess.Popen([server, "-m", model, "--host", "127.0.0.1", "--port", str(port), "-t", threads, "-tb", threads,
                      "-c", str(2048 * conc), "-np", str(conc), "--jinja", "--no-webui"],
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health").read(); break
        except Exception:
            time.sleep(0.2)
    def ask(msgs):
        body = json.dumps({"messages": [{"role": m["role"].lower(), "content": m["content"]} for m in msgs],
                           "max_tokens": 10, "temperature": 0}).encode()
        req = urllib.request.Request(f"http://127.0.0.1:{port}/v1/chat/completions", body,
                                     {"Content-Type": "application/json"})
        return json.loads(urllib.request.urlopen(req).read())
    t0 = time.time()
    with concurrent.futures.ThreadPoolExecutor(conc) as ex:
        list(ex.map(ask, items))
    dt = time.time() - t0
    print(f"{len(items) / dt:.2f} {dt:.1f}")
finally:
    p.terminate(); p.wait()
EOF
}
read -r p1 t1 < <(paper 1)
echo "paper's way, 1 slot, 1 request at a time: $n items in $t1 s = $p1 items/s"
read -r p4 t4 < <(paper 4)
echo "paper's way, 4 slots, 4 requests at a time: $n items in $t4 s = $p4 items/s"
python3 -c "best = max($p1, $p4); print(f'mhbench / best paper way: {$mh / best:.2f}x')"
