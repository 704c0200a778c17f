#!/usr/bin/env bash
# What local partitioning by account range could gain on this machine, measured before building it: the
# night of N CDRs split by account into two halves, taken in by two nightly jobs at once (one database
# each, same server), against the whole night by one job. Prints the cdrIngestion step time of each.
#   usage: bench/halves.sh [N]        (default: 5000000; the input is bench/run.sh's)
#   env:   as bench/run.sh
set -euo pipefail
N="${1:-5000000}"
HEAP="${JAVA_HEAP:-512m}"
source "$(dirname "$0")/server.sh"

IN="$WORK/in-$N"
[ -f "$IN/accounts.csv" ] || python3 "$ROOT/bench/generate.py" "$N" "$IN" 42
for half in a b; do
    mkdir -p "$WORK/half-$half"
    cp "$IN/accounts.csv" "$IN/charges-2026-10-01.csv" "$IN/payments-2026-10-01.csv" "$WORK/half-$half/"
done
# accounts ACC-00000..ACC-04999 in one half, the others in the other; each half keeps the file's order
awk -F, -v a="$WORK/half-a/cdr-2026-10-01.csv" -v b="$WORK/half-b/cdr-2026-10-01.csv" \
    'NR == 1 { print > a; print > b; next } { print > ($2 < "ACC-05000" ? a : b) }' "$IN/cdr-2026-10-01.csv"

ingestion_ms() { # database, input folder
    fresh_db "$1"
    rm -rf "$WORK/out-$1"
    java -Xmx"$HEAP" -jar "$JAR" nightly --run-date=2026-10-01 --input-dir="$2" --output-dir="$WORK/out-$1" \
        --db-url="jdbc:postgresql://127.0.0.1:$PORT/$1" --db-user=postgres 2>&1 \
        | grep -oE 'cdrIngestion: .* commits, [0-9]+ ms' | grep -oE '[0-9]+ ms$'
}

ingestion_ms half_a "$WORK/half-a" > "$WORK/half-a.ms" & ingestion_ms half_b "$WORK/half-b" > "$WORK/half-b.ms" &
wait
echo "two halves at once: $(cat "$WORK/half-a.ms") and $(cat "$WORK/half-b.ms") of cdrIngestion"
echo "one job, whole night: $(ingestion_ms whole "$IN") of cdrIngestion"
