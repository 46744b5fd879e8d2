#!/usr/bin/env bash
# One mhbench run split over a Slurm job array, then merged.
#
#   sbatch --array=0-7 scripts/cluster/slurm-array.sh      # 8 shards; N is taken from the array size
#   # when all have finished:
#   ./mhbench merge runs/my-run runs/my-run-shard-*  &&  ./mhbench score runs/my-run
#
# Or let Slurm run the merge after the array:
#   jid=$(sbatch --parsable --array=0-7 scripts/cluster/slurm-array.sh)
#   sbatch --dependency=afterok:$jid --wrap "./mhbench merge runs/my-run runs/my-run-shard-* && ./mhbench score runs/my-run"
#
# Each task runs shard $SLURM_ARRAY_TASK_ID of $SLURM_ARRAY_TASK_COUNT into its own folder; a task the
# scheduler kills resumes into the same folder when requeued (--requeue), as any interrupted run does.
# Edit MODELS, LABELS and the options below; mhbench must be built on the shared file system
# (./mhbench builds itself on first use), and the model files readable from every node.
#SBATCH --job-name=mhbench
#SBATCH --cpus-per-task=8
#SBATCH --mem=32G
#SBATCH --time=12:00:00
#SBATCH --requeue
#SBATCH --output=runs/slurm-%A_%a.log
set -euo pipefail
OUT=${OUT:-runs/my-run}
MODELS=(${MODELS:-models/model-a.gguf})
LABELS=(${LABELS:-model-a})
k=${SLURM_ARRAY_TASK_ID:?run this with sbatch --array}
n=${SLURM_ARRAY_TASK_COUNT:?run this with sbatch --array}
shard_dir="$OUT-shard-$k"
args=()
for i in "${!MODELS[@]}"; do args+=(-m "${MODELS[$i]}" --label "${LABELS[$i]}"); done
if [ -f "$shard_dir/manifest.json" ]; then
  exec ./mhbench run --resume --out "$shard_dir"
fi
exec ./mhbench run "${args[@]}" --threads "${SLURM_CPUS_PER_TASK:-0}" --shard "$k/$n" --no-score --out "$shard_dir"
