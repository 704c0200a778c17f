# Sourced by the benchmark scripts: an external PostgreSQL on loopback in $WORK/pgdata, started now and
# stopped when the script exits, and the helpers that use it.
#   env: BENCH_WORK (default /tmp/billing-recon-bench), PG_BIN (default Debian's newest PostgreSQL), BENCH_PORT (default 55432),
#        PG_OPTIONS (more server options, as "-c name=value ...")
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${BENCH_WORK:-/tmp/billing-recon-bench}"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}"
PORT="${BENCH_PORT:-55432}"
JAR="$ROOT/target/billing-recon.jar"

[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q -DskipTests package)
mkdir -p "$WORK"

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
seconds() { python3 -c "import sys; print(f'{float(sys.argv[1]):.1f}')" "$1"; }
since() { python3 -c "import time,sys; print(time.time() - float(sys.argv[1]))" "$1"; }
fresh_db() { psql_ -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" 2>/dev/null; }

PGDATA="$WORK/pgdata"
if [ ! -f "$PGDATA/PG_VERSION" ]; then
    mkdir -p "$PGDATA"; [ "$(id -u)" = 0 ] && chown postgres "$WORK" "$PGDATA"
    as_pg "$PG_BIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 >/dev/null
fi
as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1 && as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$WORK/pg.log" -w -o "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORK ${PG_OPTIONS:-}" start >/dev/null
trap 'as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null' EXIT

# The floor: seconds for PostgreSQL alone to take the night's CDR file in and sum it.
floor() {
    fresh_db floor
    psql_ -d floor -c "CREATE TABLE cdr (cdr_id text PRIMARY KEY, account_id text, type text,
        start_time timestamptz, duration_s int, amount numeric(20,6), currency text, status text)"
    local t0; t0=$(date +%s.%N)
    psql_ -d floor -c "\\copy cdr FROM '$1' WITH (FORMAT csv, HEADER true)" \
        -c "SELECT account_id, date_trunc('month', start_time), status, sum(amount) FROM cdr GROUP BY 1, 2, 3" >/dev/null
    since "$t0"
}
