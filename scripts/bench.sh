#!/usr/bin/env bash
# Builds mhbench and its JMH benchmarks, then runs them. Arguments go to JMH, e.g.
#   scripts/bench.sh GenerationBenchmark -p size=medium -p threads=1
#   scripts/bench.sh ScoringBenchmark -jvmArgs -Dmhbench.bench.run=/tmp/paper-run
# JMH's own help: scripts/bench.sh -h
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
(cd "$here" && mvn -q -B -Dstyle.color=never -DskipTests install)
(cd "$here/benchmarks" && mvn -q -B -Dstyle.color=never clean package) # clean: never a stale shaded copy of mhbench
exec java -Dmhbench.home="$here" -jar "$here/benchmarks/target/benchmarks.jar" "$@"
