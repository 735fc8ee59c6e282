#!/usr/bin/env bash
# `sitrep extract --jobs N` throughput: wall time of the same corpus with --jobs 1 and --jobs 2 (or the
# job counts given), and the speed-up. Not run by CI; results go to docs/benchmarks.md.
#   bench/extract_jobs.sh [--repeat R] [JOBS...]     default: --repeat 1, jobs 1 2
# Corpus: the BBC news articles (4 times) and the CASE 2021 snippets (twice) of the development data
# (../shared/gold/news, evaluation data: read here, never copied), 5,464 articles, 10.9 MB, or
# SITREP_BENCH_CORPUS="file.jsonl dir ..." to use other inputs. Prints the load average before each run:
# on a shared machine the speed-up says little unless it is low.
set -euo pipefail
cd "$(dirname "$0")/.."
SITREP=${SITREP:-build/sitrep}
shared=${SITREP_SHARED_DIR:-../shared}
[ -d "$shared" ] || shared=/work/shared
repeat=1
if [ "${1:-}" = "--repeat" ]; then repeat=$2; shift 2; fi
jobs=("$@")
((${#jobs[@]})) || jobs=(1 2)
bbc=$shared/gold/news/bbc/bbc_dev.jsonl
case2021=$shared/gold/news/case2021/case2021_task2_dev.jsonl
read -r -a corpus <<<"${SITREP_BENCH_CORPUS:-$bbc $bbc $bbc $bbc $case2021 $case2021}"
for f in "${corpus[@]}"; do [ -e "$f" ] || { echo "extract_jobs: no $f (set SITREP_BENCH_CORPUS)" >&2; exit 2; }; done

articles=$("$SITREP" extract --jobs 2 "${corpus[@]}" 2>&1 >/dev/null | sed -n 's/^sitrep: read \([0-9]*\) articles.*/\1/p')
bytes=$(cat "${corpus[@]}" | wc -c)
echo "corpus: $articles articles, $bytes bytes; $(nproc) cores; $(git rev-parse --short HEAD)"
times=$(mktemp)
trap 'rm -f "$times"' EXIT
declare -A best
for ((r = 0; r < repeat; r++)); do
  for n in "${jobs[@]}"; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -f '%e %U %S' -o "$times" "$SITREP" extract -q --jobs "$n" "${corpus[@]}" >/dev/null
    read -r seconds user sys <"$times"
    printf 'jobs %d: %.2f s wall, %.2f s CPU, %.1f articles/s (load average before: %s)\n' "$n" "$seconds" \
      "$(echo "$user + $sys" | bc)" "$(echo "$articles / $seconds" | bc -l)" "$load"
    if [ -z "${best[$n]:-}" ] || (($(echo "$seconds < ${best[$n]}" | bc))); then best[$n]=$seconds; fi
  done
done
base=${best[${jobs[0]}]}
for n in "${jobs[@]}"; do
  printf 'best of %d, jobs %d: %.2f s, speed-up %.2fx over jobs %d\n' "$repeat" "$n" "${best[$n]}" \
    "$(echo "$base / ${best[$n]}" | bc -l)" "${jobs[0]}"
done
