#!/usr/bin/env bash
# What a rerun costs against the nights it reruns: NIGHTS nights of CDRS CDRs each from 2026-10-02 on an external
# server, closed as cron closes them (one nightly run a night) and, to compare, by one catch-up run (the cheaper:
# one start, one accounts load per day), then rerun --period=2026-10 after one small late file (200 CDRs of new
# ids) dated (a) the last night, (b) the middle night, (c) the first night, then (d) after accounts.csv changed
# (every day replayed, what each of them cost before reruns began at the first changed day), and after (f) the
# CDR file of the middle night and (g) the CDR file of every night were corrected (a row added to each).
# Prints each rerun's seconds and its ratio to the nights' and to the catch-up's (goal: (a) within 0.10x; a file of
# every day within 1.0x).
#   usage: bench/rerun.sh [CDRS NIGHTS]     (default: 1000000 17)
#   env:   as bench/run.sh
set -euo pipefail
CDRS="${1:-1000000}"; NIGHTS="${2:-17}"
HEAP="${JAVA_HEAP:-512m}"
source "$(dirname "$0")/server.sh"

IN="$WORK/rerun-$CDRS-$NIGHTS"
COUNTS=(); for _ in $(seq "$NIGHTS"); do COUNTS+=("$CDRS"); done
[ -f "$IN/accounts.csv" ] || python3 "$ROOT/bench/nights.py" "$IN" 10000 "${COUNTS[@]}"
rm -f "$IN"/cdr-*-late.csv
cp "$IN/accounts.csv" "$WORK/accounts.csv.orig"
trap 'cp "$WORK/accounts.csv.orig" "$IN/accounts.csv"; sed -i "/^FIX-/d" "$IN"/cdr-*.csv; as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null' EXIT
OUT="$WORK/rerun-out"; rm -rf "$OUT"
fresh_db recon
DB=(--db-url="jdbc:postgresql://127.0.0.1:$PORT/recon" --db-user=postgres)
FIRST=2026-10-02
LAST=$(date -d "$FIRST + $((NIGHTS - 1)) day" +%F)
MIDDLE=$(date -d "$FIRST + $((NIGHTS / 2)) day" +%F)

fresh_db recon_catchup
T0=$(date +%s.%N)
java -Xmx"$HEAP" -jar "$JAR" nightly --run-date="$LAST" --input-dir="$IN" --output-dir="$OUT" \
    --db-url="jdbc:postgresql://127.0.0.1:$PORT/recon_catchup" --db-user=postgres 2>"$WORK/rerun-catchup.log"
CATCHUP_S=$(since "$T0")
psql_ -c "DROP DATABASE recon_catchup"
rm -rf "$OUT"
: > "$WORK/rerun-nights.log"
T0=$(date +%s.%N)
for night in $(seq 0 $((NIGHTS - 1))); do
    java -Xmx"$HEAP" -jar "$JAR" nightly --run-date="$(date -d "$FIRST + $night day" +%F)" --input-dir="$IN" \
        --output-dir="$OUT" "${DB[@]}" 2>>"$WORK/rerun-nights.log"
done
NIGHTS_S=$(since "$T0")
printf '%s nights of %s CDRs: %s s as %s nightly runs, %s s as one catch-up run\n' "$NIGHTS" "$CDRS" \
    "$(seconds "$NIGHTS_S")" "$NIGHTS" "$(seconds "$CATCHUP_S")"

late_file() { # DAY: 200 CDRs of ids no other file has, of an account of accounts.csv
    local account; account=$(sed -n 2p "$IN/accounts.csv" | cut -d, -f1)
    python3 - "$IN/cdr-$1-late.csv" "$1" "$account" <<'PY'
import sys
path, day, account = sys.argv[1:]
with open(path, "w") as f:
    f.write("cdr_id,account_id,type,start_time,duration_s,amount,currency,status\n")
    for i in range(200):
        f.write(f"LATE-{day}-{i},{account},CALL,{day}T08:00:00Z,60,0.25,SGD,COMPLETED\n")
PY
}

ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.3f}')" "$1" "$2"; }

rerun() { # LABEL
    local t0; t0=$(date +%s.%N)
    java -Xmx"$HEAP" -jar "$JAR" rerun --period=2026-10 --input-dir="$IN" --output-dir="$OUT" "${DB[@]}" \
        2>"$WORK/rerun-$1.log" || true
    local s; s=$(since "$t0")
    printf '%-44s %7s s  %5s x the nights  %5s x the catch-up  (%s)\n' "$1" "$(seconds "$s")" \
        "$(ratio "$s" "$NIGHTS_S")" "$(ratio "$s" "$CATCHUP_S")" "$(grep -o 'replayed [^,]*' "$WORK/rerun-$1.log" | tail -1)"
}

late_file "$LAST";   rerun "(a) late file of the last night $LAST"
late_file "$MIDDLE"; rerun "(b) late file of the middle night $MIDDLE"
late_file "$FIRST";  rerun "(c) late file of the first night $FIRST"
rerun "(e) nothing changed"
correct() { # FILE: a row added at its end, so that its content changed (the trap takes it out again)
    echo "FIX-$(basename "$1" .csv),$(sed -n 2p "$IN/accounts.csv" | cut -d, -f1),CALL,2026-10-02T08:00:00Z,60,0.25,SGD,COMPLETED" >> "$1"
}
correct "$IN/cdr-$MIDDLE.csv"; rerun "(f) a corrected CDR file of the middle night"
for night in $(seq 0 $((NIGHTS - 1))); do correct "$IN/cdr-$(date -d "$FIRST + $night day" +%F).csv"; done
rerun "(g) a corrected CDR file of every night"
sed -i '2s/,[0-9.]*,\([0-9.]*\)$/,123456,\1/' "$IN/accounts.csv"
rerun "(d) accounts.csv changed: every day"
