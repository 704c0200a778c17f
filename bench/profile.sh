#!/usr/bin/env bash
# Where a night's time goes, against what PostgreSQL alone needs for the same rows. For one N (default
# 5,000,000), on one external server, in one run:
#   - the floor of bench/run.sh (one typed table with its primary key, \copy of the CDR file, one GROUP BY);
#   - the ledger's own floor: PostgreSQL alone taking in the rows the job wrote for the night, as the job
#     writes them (its CDR state rows and history rows, \copy into empty tables made LIKE the ledger's, with
#     their indexes), then grouping the day's history as the day's totals do;
#   - the job (-Xmx512m): wall time, the CPU seconds of the JVM and of the PostgreSQL server during it, and
#     each step's time from the job repository (its start and end), and the start phases from the run's log;
#   - where the JVM's time goes: a flight recording of the job (JFR's "profile" settings), its samples per thread
#     and the methods most often on top of a running thread's stack.
#   usage: bench/profile.sh [N]
#   env:   BENCH_WORK, BENCH_PORT, PG_BIN, JAVA_HEAP (default 512m)
set -euo pipefail
command -v jfr >/dev/null || { echo "profile.sh: needs the JDK's jfr tool on the PATH" >&2; exit 2; }
N="${1:-5000000}"
HEAP="${JAVA_HEAP:-512m}"
source "$(dirname "$0")/server.sh"

IN="$WORK/in-$N"
[ -f "$IN/accounts.csv" ] || python3 "$ROOT/bench/generate.py" "$N" "$IN" 42
CDR="$IN/cdr-2026-10-01.csv"
TICKS=$(getconf CLK_TCK)

# CPU seconds of the server's processes that have ended (its backends end with the job's connections), and
# of those still running.
server_cpu() {
    local master; master=$(head -1 "$PGDATA/postmaster.pid")
    python3 - "$master" "$TICKS" <<'PY'
import os, sys
master, ticks = sys.argv[1], int(sys.argv[2])
def fields(pid):
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()
total = 0
for pid in os.listdir("/proc"):
    if not pid.isdigit():
        continue
    try:
        f = fields(pid)
    except OSError:
        continue
    if pid == master:
        total += int(f[11]) + int(f[12]) + int(f[13]) + int(f[14])  # its own and its ended children's
    elif f[1] == master:
        total += int(f[11]) + int(f[12])  # children still running (checkpointer, writer, autovacuum...)
print(total / ticks)
PY
}

FLOOR=$(floor "$CDR")

fresh_db recon
LOG="$WORK/profile-$N.log"; rm -f "$LOG"
OUT="$WORK/profile-out-$N"; rm -rf "$OUT"
PG0=$(server_cpu)
T0=$(date +%s.%N)
BILLING_RECON_LOG_FILE="$LOG" /usr/bin/time -f "%U %S" -o "$WORK/profile-cpu-$N" java -Xmx"$HEAP" \
    -XX:StartFlightRecording=filename="$WORK/profile-$N.jfr",settings=profile -jar "$JAR" nightly \
    --run-date=2026-10-01 --input-dir="$IN" --output-dir="$OUT" \
    --db-url="jdbc:postgresql://127.0.0.1:$PORT/recon" --db-user=postgres 2>"$WORK/profile-job-$N.log" \
    || { echo "the job failed or had files to check: see $WORK/profile-job-$N.log" >&2; exit 1; }
JOB=$(since "$T0")
sleep 1 # the job's backends have ended and been counted
PG1=$(server_cpu)
read -r JVM_USER JVM_SYS < "$WORK/profile-cpu-$N"
STEPS=$(psql_ -d recon -F ' ' -c "SELECT step_name, round(extract(epoch FROM end_time - start_time)::numeric, 1)
    FROM batch_step_execution ORDER BY step_execution_id")

# The ledger's floor: the night's state and history rows, exported (not timed), then taken in by PostgreSQL alone.
PART=$(psql_ -d recon -c "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'cdr_history'::regclass ORDER BY c.reltuples DESC LIMIT 1")
psql_ -d recon -c "\\copy cdr_state TO '$WORK/profile-state.csv'" -c "\\copy $PART TO '$WORK/profile-history.csv'"
psql_ -d recon -c "DROP TABLE IF EXISTS floor_state, floor_history" \
    -c "CREATE TABLE floor_state (LIKE cdr_state INCLUDING ALL)" -c "CREATE TABLE floor_history (LIKE $PART INCLUDING ALL)"
T0=$(date +%s.%N)
psql_ -d recon -c "\\copy floor_state FROM '$WORK/profile-state.csv'" -c "\\copy floor_history FROM '$WORK/profile-history.csv'"
LEDGER_COPY=$(since "$T0")
T0=$(date +%s.%N)
psql_ -d recon -c "SELECT account_id, billing_period, status, type, sum(amount), count(*) FROM floor_history
    GROUP BY 1, 2, 3, 4" >/dev/null
LEDGER_GROUP=$(since "$T0")
psql_ -d recon -c "DROP TABLE floor_state, floor_history"
jfr print --events jdk.ExecutionSample "$WORK/profile-$N.jfr" > "$WORK/profile-samples-$N.txt"
rm -f "$WORK/profile-state.csv" "$WORK/profile-history.csv"

python3 - "$N" "$FLOOR" "$JOB" "$JVM_USER" "$JVM_SYS" "$PG0" "$PG1" "$LEDGER_COPY" "$LEDGER_GROUP" "$LOG" "$(nproc)" "$STEPS" <<'PY'
import re, sys
n, floor, job, ju, js, pg0, pg1, lcopy, lgroup = (float(a) for a in sys.argv[1:10])
log, cores, steps = sys.argv[10], int(sys.argv[11]), sys.argv[12]
jvm, pg = ju + js, pg1 - pg0
print(f"N {int(n):,} CDRs, {cores} cores")
print(f"floor (bench/run.sh's: one table, \\copy, GROUP BY)     {floor:7.1f} s")
print(f"ledger's floor (PostgreSQL alone: the night's state and history rows \\copy-ed, then grouped)"
      f" {lcopy + lgroup:7.1f} s  (copy {lcopy:.1f}, group {lgroup:.1f})")
print(f"job                                                  {job:7.1f} s  = {job / floor:.2f}x the floor, "
      f"{job / (lcopy + lgroup):.2f}x the ledger's floor")
print(f"CPU during the job: JVM {jvm:.1f} s, PostgreSQL {pg:.1f} s; {(jvm + pg) / job:.2f} of {cores} cores busy on average")
print("steps (from the job repository):")
for line in steps.splitlines():
    name, took = line.rsplit(" ", 1)
    print(f"  {name:40s} {float(took):7.1f} s")
for line in open(log, encoding="utf-8"):
    m = re.search(r"times \(s\): (.*)", line)
    if m:
        print("start and stop (from the run's log): " + m.group(1))
PY

python3 - "$WORK/profile-samples-$N.txt" <<'PY'
import collections, re, sys
threads, tops, total = collections.Counter(), collections.Counter(), 0
thread, want_top = None, False
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r'\s*sampledThread = "([^"]*)"', line)
    if m:
        thread = re.sub(r"[-#]?\d+$", "", m.group(1))
        threads[thread] += 1
        total += 1
    elif "stackTrace = [" in line:
        want_top = True
    elif want_top and line.strip():
        tops[line.strip().split(" line:")[0]] += 1
        want_top = False
print(f"JVM samples (JFR, running Java code): {total}")
for name, count in threads.most_common(6):
    print(f"  thread {name:50s} {100 * count / total:5.1f} %")
print("methods on top of the stack:")
for name, count in tops.most_common(15):
    print(f"  {100 * count / total:5.1f} %  {name}")
PY
