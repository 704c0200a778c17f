#!/usr/bin/env bash
# billing-recon partition worker: takes partitions of the nightly run (nightly.sh with PARTITIONS)
# on the same database until that run is over, then exits 0; with no run on the database it exits 0
# after IDLE_TIMEOUT. Start as many as there are machines (or cores) to spare; each runs one
# partition at a time. Its bucket files are read at the paths the manager wrote them, so WORK_DIR
# of the manager must be mounted at the same path here.
#
# Settings (environment):
#   DB_URL, DB_USER, DB_PASSWORD   the manager's external PostgreSQL (required)
#   IDLE_TIMEOUT            default 5m: how long to wait for a run to start
#   BILLING_RECON_JAR       default <repo root>/target/billing-recon.jar
#   JAVA_OPTS               e.g. "-Xmx1g"
#
# Exit codes: 0 the run is over, or none came; 2 usage error; 1 failed (its partition is failed by
# the manager's timeout and resumed by the manager's next run)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${BILLING_RECON_JAR:-$repo_root/target/billing-recon.jar}"
[[ -n "${DB_URL:-}" ]] || { echo "worker.sh: DB_URL is not set" >&2; exit 2; }
[[ -f "$jar" ]] || { echo "worker.sh: no jar at $jar (set BILLING_RECON_JAR)" >&2; exit 2; }

args=(worker "--db-url=$DB_URL" "--idle-timeout=${IDLE_TIMEOUT:-5m}")
if [[ -n "${DB_USER:-}" ]]; then args+=("--db-user=$DB_USER"); fi
if [[ -n "${DB_PASSWORD:-}" ]]; then export BILLING_RECON_DB_PASSWORD="$DB_PASSWORD"; fi

# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -jar "$jar" "${args[@]}"
