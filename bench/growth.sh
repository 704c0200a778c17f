#!/usr/bin/env bash
# Whether a night's cost depends on the ledger's age: SMALL-CDR nights, then BIG nights of BIG_CDRS each
# (about 10M CDRs of history by default), then SMALL nights again, each night one nightly run on the same
# external server. Prints each night's seconds, the later small nights against the earlier ones (goal:
# within 1.10x), and the ledger's bytes per CDR against the floor table's (goal: at most 1.5x).
#   usage: bench/growth.sh [SMALL_CDRS BIG_CDRS BIG_NIGHTS]     (default: 10000 1000000 10)
#   env:   as bench/run.sh
set -euo pipefail
SMALL="${1:-10000}"; BIG="${2:-1000000}"; BIG_NIGHTS="${3:-10}"
HEAP="${JAVA_HEAP:-512m}"
# A ledger's nights are a day apart: what autovacuum does after a night (a million-row night's tables) is done by
# the next one. Here they follow each other, so autovacuum looks every second and each night waits until no
# autovacuum worker has run for 3 s (the wait is printed, not counted).
PG_OPTIONS="${PG_OPTIONS:-} -c autovacuum_naptime=1"
source "$(dirname "$0")/server.sh"

autovacuum_done() {
    local quiet=0 t0; t0=$(date +%s.%N)
    while [ "$quiet" -lt 3 ]; do
        if [ "$(psql_ -c "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'")" = 0 ]; then
            quiet=$((quiet + 1))
        else
            quiet=0
        fi
        sleep 1
    done
    seconds "$(since "$t0")"
}

COUNTS=("$SMALL" "$SMALL" "$SMALL")
for _ in $(seq "$BIG_NIGHTS"); do COUNTS+=("$BIG"); done
COUNTS+=("$SMALL" "$SMALL" "$SMALL")
IN="$WORK/growth-$SMALL-$BIG-$BIG_NIGHTS"
[ -f "$IN/accounts.csv" ] || python3 "$ROOT/bench/nights.py" "$IN" 10000 "${COUNTS[@]}"
OUT="$WORK/growth-out"; rm -rf "$OUT"
fresh_db recon

printf '%-12s %9s %8s %20s\n' day cdrs job_s autovacuum_wait_s
TIMES=()
for night in "${!COUNTS[@]}"; do
    DAY=$(date -d "2026-10-02 + $night day" +%F)
    WAITED=$(autovacuum_done)
    T0=$(date +%s.%N)
    java -Xmx"$HEAP" -jar "$JAR" nightly --run-date="$DAY" --input-dir="$IN" --output-dir="$OUT" \
        --db-url="jdbc:postgresql://127.0.0.1:$PORT/recon" --db-user=postgres 2>"$WORK/growth-$DAY.log"
    TIMES+=("$(since "$T0")")
    printf '%-12s %9s %8s %20s\n' "$DAY" "${COUNTS[$night]}" "$(seconds "${TIMES[-1]}")" "$WAITED"
done

psql_ -d recon -c "VACUUM"
LEDGER_ROWS=$(psql_ -d recon -c "SELECT count(*) FROM cdr_history")
LEDGER_BYTES=$(psql_ -d recon -c "SELECT pg_database_size(current_database())")
# the CDR tables: the history's partitions, the state (one row per CDR) and the superseded ONGOING records
LEDGER_TABLE=$(psql_ -d recon -c "SELECT (SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits
    WHERE inhparent = 'cdr_history'::regclass) + pg_total_relation_size('cdr_state')
    + pg_total_relation_size('cdr_superseded')")
fresh_db floor
psql_ -d floor -c "CREATE TABLE cdr (cdr_id text PRIMARY KEY, account_id text, type text,
    start_time timestamptz, duration_s int, amount numeric(20,6), currency text, status text)"
for f in "$IN"/cdr-*.csv; do
    # the floor keeps one row per CDR: a later record of the same id replaces the earlier one
    psql_ -d floor -c "CREATE TEMP TABLE night (LIKE cdr)" -c "\\copy night FROM '$f' WITH (FORMAT csv, HEADER true)" \
        -c "INSERT INTO cdr SELECT * FROM night ON CONFLICT (cdr_id) DO UPDATE SET status = excluded.status"
done
psql_ -d floor -c "VACUUM"
FLOOR_ROWS=$(psql_ -d floor -c "SELECT count(*) FROM cdr")
FLOOR_BYTES=$(psql_ -d floor -c "SELECT pg_database_size(current_database())")
FLOOR_TABLE=$(psql_ -d floor -c "SELECT pg_total_relation_size('cdr')")

python3 - "$LEDGER_BYTES" "$LEDGER_ROWS" "$FLOOR_BYTES" "$FLOOR_ROWS" "$LEDGER_TABLE" "$FLOOR_TABLE" "${TIMES[@]}" <<'PY'
import sys
ledger_bytes, ledger_rows, floor_bytes, floor_rows, ledger_table, floor_table = (int(x) for x in sys.argv[1:7])
times = [float(t) for t in sys.argv[7:]]
before, after = sum(times[:3]) / 3, sum(times[-3:]) / 3
print(f"small night before the history {before:.1f} s, after it {after:.1f} s: {after / before:.2f}x (goal <= 1.10)")
ledger, floor = ledger_bytes / ledger_rows, floor_bytes / floor_rows
print(f"bytes per CDR: ledger {ledger:.0f} ({ledger_rows} history rows), floor table {floor:.0f}: "
      f"{ledger / floor:.2f}x (goal <= 1.5; small runs are dominated by the database's fixed size)")
ledger, floor = ledger_table / ledger_rows, floor_table / floor_rows
print(f"bytes per CDR of the CDR tables and their indexes alone: ledger {ledger:.0f}, floor {floor:.0f}: {ledger / floor:.2f}x")
PY
