#!/usr/bin/env bash
# Memory flat in accounts and invoices: ACCOUNTS INDIVIDUAL_AND_MONTHLY accounts (default 300,000) with a
# charge each every night for NIGHTS nights (default 7), so each night issues an invoice per account and the
# register grows to about 2,100,000 invoices; 100,000 CDRs a night; every night at -Xmx512m (JAVA_HEAP).
# Prints each night's seconds, peak RSS and heap, and the register's size.
#   usage: bench/accounts.sh [ACCOUNTS NIGHTS]
#   env:   as bench/run.sh
set -euo pipefail
ACCOUNTS="${1:-300000}"; NIGHTS="${2:-7}"
HEAP="${JAVA_HEAP:-512m}"
source "$(dirname "$0")/server.sh"

COUNTS=(); for _ in $(seq "$NIGHTS"); do COUNTS+=(100000); done
IN="$WORK/accounts-$ACCOUNTS-$NIGHTS"
[ -f "$IN/accounts.csv" ] || python3 "$ROOT/bench/nights.py" "$IN" "$ACCOUNTS" "${COUNTS[@]}" --charges --individual
OUT="$WORK/accounts-out"; rm -rf "$OUT"
fresh_db recon

printf '%-12s %8s %8s %8s %10s\n' day job_s rss_MB heap_MB invoices
for night in $(seq 0 $((NIGHTS - 1))); do
    DAY=$(date -d "2026-10-02 + $night day" +%F)
    T0=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$WORK/accounts-rss" java -Xmx"$HEAP" -Xlog:gc:file="$WORK/accounts-gc.log" \
        -jar "$JAR" nightly --run-date="$DAY" --input-dir="$IN" --output-dir="$OUT" \
        --db-url="jdbc:postgresql://127.0.0.1:$PORT/recon" --db-user=postgres 2>"$WORK/accounts-$DAY.log"
    JOB=$(since "$T0")
    HEAP_MB=$(grep -oE '[0-9]+M->[0-9]+M' "$WORK/accounts-gc.log" | cut -d- -f1 | tr -d M | sort -n | tail -1)
    printf '%-12s %8s %8s %8s %10s\n' "$DAY" "$(seconds "$JOB")" $(( $(cat "$WORK/accounts-rss") / 1024 )) \
        "${HEAP_MB:-?}" "$(psql_ -d recon -c "SELECT count(*) FROM invoice")"
done
