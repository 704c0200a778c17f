#!/usr/bin/env bash
# Throughput benchmark: for each N, the floor (PostgreSQL alone: \copy of the CDR file into a typed
# table with only its primary key, then one GROUP BY account, month, status; taken before and after the
# job and averaged, since the machine's speed drifts) against the nightly job on the same server
# (--db-url) and on the embedded default, with the job's peak RSS and heap. Prints one table.
#   usage: bench/run.sh [N ...]        (default: 1000000)
#   env:   BENCH_WORK (default /tmp/billing-recon-bench), PG_BIN (default Debian's PostgreSQL 15),
#          JAVA_HEAP (default 512m)
set -euo pipefail
HEAP="${JAVA_HEAP:-512m}"
SIZES=("${@:-1000000}")
source "$(dirname "$0")/server.sh"

printf '%-9s %8s %10s %7s %10s %9s %9s %13s\n' N floor_s job_s ratio cdr_per_s rss_MB heap_MB embedded_s
for N in "${SIZES[@]}"; do
    IN="$WORK/in-$N"
    [ -f "$IN/accounts.csv" ] || python3 "$ROOT/bench/generate.py" "$N" "$IN" 42
    CDR="$IN/cdr-2026-10-01.csv"

    FLOOR_BEFORE=$(floor "$CDR")
    fresh_db recon
    OUT="$WORK/out-$N"; rm -rf "$OUT"
    T0=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$WORK/rss-$N" java -Xmx"$HEAP" -Xlog:gc:file="$WORK/gc-$N.log" -jar "$JAR" nightly \
        --run-date=2026-10-01 --input-dir="$IN" --output-dir="$OUT" \
        --db-url="jdbc:postgresql://127.0.0.1:$PORT/recon" --db-user=postgres 2>"$WORK/job-$N.log"
    JOB=$(since "$T0")
    FLOOR_AFTER=$(floor "$CDR")
    FLOOR=$(python3 -c "import sys; print((float(sys.argv[1]) + float(sys.argv[2])) / 2)" "$FLOOR_BEFORE" "$FLOOR_AFTER")
    RSS=$(( $(cat "$WORK/rss-$N") / 1024 ))
    HEAP_MB=$(grep -oE '[0-9]+M->[0-9]+M' "$WORK/gc-$N.log" | cut -d- -f1 | tr -d M | sort -n | tail -1)

    rm -rf "$WORK/embedded-$N" "$OUT-embedded"
    T0=$(date +%s.%N)
    java -Xmx"$HEAP" -jar "$JAR" nightly --run-date=2026-10-01 --input-dir="$IN" --output-dir="$OUT-embedded" \
        --data-dir="$WORK/embedded-$N" 2>"$WORK/job-embedded-$N.log"
    EMB=$(since "$T0")
    cmp -s "$OUT/nightly-2026-10-01/balances.csv" "$OUT-embedded/nightly-2026-10-01/balances.csv" \
        || echo "WARNING: embedded and external balances differ for N=$N" >&2

    printf '%-9s %8s %10s %7s %10s %9s %9s %13s\n' "$N" "$(seconds "$FLOOR")" "$(seconds "$JOB")" \
        "$(python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$JOB" "$FLOOR")" \
        "$(python3 -c "import sys; print(int(int(sys.argv[1]) / float(sys.argv[2])))" "$N" "$JOB")" \
        "$RSS" "${HEAP_MB:-?}" "$(seconds "$EMB")"
done
