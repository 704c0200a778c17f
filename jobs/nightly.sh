#!/usr/bin/env bash
# billing-recon nightly run: closes every business day since the last run, up to RUN_DATE.
#
# When to use: every night, once the day's cdr-/charges-/payments- files have landed in
# INPUT_DIR (scheduled by jobs/crontab, jobs/systemd/ or jobs/kubernetes/), and by hand to
# catch up after missed nights (one run covers all the missing days). Exactly one run at a
# time per database.
#
# Settings (environment):
#   INPUT_DIR, OUTPUT_DIR   required
#   BILLING_RECON_JAR       default <repo root>/target/billing-recon.jar
#   BILLING_ZONE            default UTC; must never change once the books are open
#   RUN_DATE                default yesterday in BILLING_ZONE (YYYY-MM-DD)
#   DB_URL, DB_USER, DB_PASSWORD   an external PostgreSQL; otherwise DATA_DIR
#   DATA_DIR                embedded PostgreSQL data (the jar's default is ./var/db)
#   JAVA_OPTS               e.g. "-Xmx2g"
#   BILLING_RECON_CDS_DIR   a writable folder: start through jobs/billing-recon.sh, which keeps a
#                           class data sharing archive there (a faster start; see that script)
#   BILLING_RECON_LOG_FILE  where stack traces go (default DATA_DIR/billing-recon.log;
#                           none with an external database unless set)
#   PARTITIONS              take the day's CDRs in as this many partitions (--partitions); with
#   WORK_DIR                the folder of their bucket files, seen by every worker at the same path,
#   LOCAL_WORKERS           worker threads of this process (0: workers are jobs/worker.sh elsewhere),
#   PARTITION_TIMEOUT       how long to wait for the day's partitions (e.g. 30m)
#
# Exit codes (those of the jar, passed through):
#   0  done
#   3  done, but a file was rejected whole or held: read reconciliation.csv; a held file
#      needs `rerun-period.sh` for the period named in its detail
#   2  usage error (nothing written)
#   4  another run holds the database (nothing done)
#   1  failed (nothing half-written): run the same command again, it resumes
set -euo pipefail

usage() {
    echo "nightly.sh: $*" >&2
    exit 2
}

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${BILLING_RECON_JAR:-$repo_root/target/billing-recon.jar}"
[[ -n "${INPUT_DIR:-}" ]] || usage "INPUT_DIR is not set"
[[ -n "${OUTPUT_DIR:-}" ]] || usage "OUTPUT_DIR is not set"
[[ -f "$jar" ]] || usage "no jar at $jar (set BILLING_RECON_JAR)"
zone="${BILLING_ZONE:-UTC}"
# Noon, not now: a day that is shortened by daylight saving cannot shift the date.
run_date="${RUN_DATE:-$(TZ="$zone" date -d 'yesterday 12:00' +%F)}"

args=(nightly "--run-date=$run_date" "--input-dir=$INPUT_DIR" "--output-dir=$OUTPUT_DIR"
      "--billing-zone=$zone")
if [[ -n "${DB_URL:-}" ]]; then
    args+=("--db-url=$DB_URL")
    if [[ -n "${DB_USER:-}" ]]; then args+=("--db-user=$DB_USER"); fi
    # the password goes through the environment, not the command line (where ps shows it)
    if [[ -n "${DB_PASSWORD:-}" ]]; then export BILLING_RECON_DB_PASSWORD="$DB_PASSWORD"; fi
elif [[ -n "${DATA_DIR:-}" ]]; then
    args+=("--data-dir=$DATA_DIR")
fi

if [[ -n "${PARTITIONS:-}" ]]; then
    args+=("--partitions=$PARTITIONS")
    if [[ -n "${WORK_DIR:-}" ]]; then args+=("--work-dir=$WORK_DIR"); fi
    if [[ -n "${LOCAL_WORKERS:-}" ]]; then args+=("--local-workers=$LOCAL_WORKERS"); fi
    if [[ -n "${PARTITION_TIMEOUT:-}" ]]; then args+=("--partition-timeout=$PARTITION_TIMEOUT"); fi
fi

echo "billing-recon nightly: run date $run_date, zone $zone, input $INPUT_DIR, output $OUTPUT_DIR" >&2
# JAVA_OPTS is split into words on purpose (several options in one variable).
# shellcheck disable=SC2086
if [[ -n "${BILLING_RECON_CDS_DIR:-}" ]]; then
    # the faster start: the application's classes from a class data sharing archive kept in that folder
    BILLING_RECON_JAR="$jar" exec "$repo_root/jobs/billing-recon.sh" "${args[@]}"
fi
exec java ${JAVA_OPTS:-} -jar "$jar" "${args[@]}"
