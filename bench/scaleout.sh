#!/usr/bin/env bash
# Scale-out benchmark of the CDR ingestion: the same night of N CDRs (bench/generate.py) on a fresh
# embedded database, once in one step and once per P with P local worker threads (at most the cores),
# from the step lines of the log: cdrIngestion, or cdrSplit + cdrIngestionManager (the partitions' wall
# time) + cdrPartitionCounts. Prints one table.
#   usage: bench/scaleout.sh [N] [P ...]      (default: 1000000, then P = 1 2 4)
#   env:   BENCH_WORK (default /tmp/billing-recon-scaleout), JAVA_HEAP (default 512m)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${BENCH_WORK:-/tmp/billing-recon-scaleout}"
HEAP="${JAVA_HEAP:-512m}"
N="${1:-1000000}"
shift || true
PS=("${@:-1 2 4}")
# shellcheck disable=SC2206
PS=(${PS[*]})
IN="$WORK/in-$N"
[ -f "$IN/accounts.csv" ] || python3 "$ROOT/bench/generate.py" "$N" "$IN" 42

# milliseconds of a step from its StepLog line ("..., 1234 ms, ...")
step_ms() { grep -E " $2: " "$1" | sed -E 's/.* ([0-9]+) ms, .*/\1/' | awk '{s+=$1} END {print s+0}'; }

run() { # label, extra args...
    local label="$1"; shift
    rm -rf "$WORK/db" "$WORK/out"
    local log="$WORK/$label.log"
    local t0; t0=$(date +%s%3N)
    java -Xmx"$HEAP" -jar "$ROOT/target/billing-recon.jar" nightly --run-date=2026-10-01 --input-dir="$IN" \
        --output-dir="$WORK/out" --data-dir="$WORK/db" "$@" >"$log" 2>&1
    local total=$(( $(date +%s%3N) - t0 ))
    local cdr
    if grep -q " cdrSplit: " "$log"; then
        local split manager counts
        split=$(step_ms "$log" cdrSplit)
        manager=$(step_ms "$log" cdrIngestionManager)
        counts=$(step_ms "$log" cdrPartitionCounts)
        cdr=$((split + manager + counts))
        local rate
        rate=$(grep -E " cdrIngestionPartition:partition[0-9]+: " "$log" | sed -E 's/.* ([0-9]+) rows\/s, .*/\1/' \
            | awk '{s+=$1; n++} END {print (n ? int(s/n) : 0)}')
        printf '%-10s %9s %9s %11s %12s %9s %14s\n' "$label" "$cdr" "$split" "$manager" "$((N * 1000 / cdr))" "$total" \
            "$rate"
    else
        cdr=$(step_ms "$log" cdrIngestion)
        printf '%-10s %9s %9s %11s %12s %9s\n' "$label" "$cdr" - - "$((N * 1000 / cdr))" "$total"
    fi
}

mkdir -p "$WORK"
echo "N=$N on $(nproc) cores"
printf '%-10s %9s %9s %11s %12s %9s %14s\n' run cdr_ms split_ms manager_ms cdr_per_s total_ms partition_rows_s
run one-step
for P in "${PS[@]}"; do
    run "P=$P" --partitions="$P"
done
