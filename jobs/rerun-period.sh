#!/usr/bin/env bash
# billing-recon rerun of a billing period: takes in late or corrected files and recomputes.
#
# When to use: by hand, after a nightly run exited 3 with a file HELD (its reconciliation
# detail names the period), or after a file of a past period was corrected or delivered late.
# Never while the nightly job runs (the jar refuses with exit 4). Writes OUTPUT_DIR/rerun-PERIOD/.
#
# Settings (environment):
#   PERIOD                  required, YYYY-MM (no later than the period of the last run date)
#   DROP_MISSING=1          accept that a processed file of PERIOD or later is gone (--drop-missing)
#   INPUT_DIR, OUTPUT_DIR, BILLING_RECON_JAR, BILLING_ZONE, DB_URL, DB_USER, DB_PASSWORD,
#   DATA_DIR, JAVA_OPTS, BILLING_RECON_LOG_FILE, BILLING_RECON_CDS_DIR   as for nightly.sh (same database, same zone)
#
# Exit codes (those of the jar, passed through):
#   0  done
#   3  done, but a file was rejected whole or is still held (one of an earlier period)
#   2  usage error, or a processed file is missing and DROP_MISSING is not set (nothing written)
#   4  another run holds the database (nothing done)
#   1  failed (nothing half-written): run the same command again, it resumes
set -euo pipefail

usage() {
    echo "rerun-period.sh: $*" >&2
    exit 2
}

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${BILLING_RECON_JAR:-$repo_root/target/billing-recon.jar}"
[[ "${PERIOD:-}" =~ ^[0-9]{4}-[0-9]{2}$ ]] || usage "PERIOD must be set to YYYY-MM (got '${PERIOD:-}')"
[[ -n "${INPUT_DIR:-}" ]] || usage "INPUT_DIR is not set"
[[ -n "${OUTPUT_DIR:-}" ]] || usage "OUTPUT_DIR is not set"
[[ -f "$jar" ]] || usage "no jar at $jar (set BILLING_RECON_JAR)"
zone="${BILLING_ZONE:-UTC}"

args=(rerun "--period=$PERIOD" "--input-dir=$INPUT_DIR" "--output-dir=$OUTPUT_DIR"
      "--billing-zone=$zone")
if [[ -n "${DB_URL:-}" ]]; then
    args+=("--db-url=$DB_URL")
    if [[ -n "${DB_USER:-}" ]]; then args+=("--db-user=$DB_USER"); fi
    # the password goes through the environment, not the command line (where ps shows it)
    if [[ -n "${DB_PASSWORD:-}" ]]; then export BILLING_RECON_DB_PASSWORD="$DB_PASSWORD"; fi
elif [[ -n "${DATA_DIR:-}" ]]; then
    args+=("--data-dir=$DATA_DIR")
fi
case "${DROP_MISSING:-0}" in
    1) args+=(--drop-missing) ;;
    0 | "") ;;
    *) usage "DROP_MISSING must be 1 or unset (got '$DROP_MISSING')" ;;
esac

echo "billing-recon rerun: period $PERIOD, zone $zone, input $INPUT_DIR, output $OUTPUT_DIR" >&2
# JAVA_OPTS is split into words on purpose (several options in one variable).
# shellcheck disable=SC2086
if [[ -n "${BILLING_RECON_CDS_DIR:-}" ]]; then
    # the faster start: the application's classes from a class data sharing archive kept in that folder
    BILLING_RECON_JAR="$jar" exec "$repo_root/jobs/billing-recon.sh" "${args[@]}"
fi
exec java ${JAVA_OPTS:-} -jar "$jar" "${args[@]}"
