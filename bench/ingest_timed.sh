#!/usr/bin/env bash
# Timed `sitrep ingest` of the news gold texts (../shared/gold/news: BBC, CASE 2021) into a new database,
# for docs/benchmarks.md "Ingest with the dataset stage". Prints wall and user+system CPU seconds per run.
#   bench/ingest_timed.sh [BINARY] [RUNS]     (default build/sitrep, 3 runs)
set -euo pipefail
bin=${1:-build/sitrep}
runs=${2:-3}
shared=${SITREP_SHARED_DIR:-$(dirname "$0")/../../shared}
inputs=("$shared/gold/news/bbc/bbc_dev.jsonl" "$shared/gold/news/case2021/case2021_task2_dev.jsonl")
db=$(mktemp -d)/bench.db
for ((i = 1; i <= runs; i++)); do
  rm -f "$db" "$db-wal" "$db-shm"
  /usr/bin/time -f "$bin run $i: wall %e s, cpu %U+%S s" "$bin" ingest -q --db "$db" "${inputs[@]}"
done
"$bin" articles --db "$db" | wc -l | sed 's/^/articles stored: /'
rm -rf "$(dirname "$db")"
