#!/usr/bin/env bash
# billing-recon with a faster start: the same arguments, output and exit code as
# `java -jar billing-recon.jar ...`, but the JVM loads the application's classes from a class data
# sharing (CDS) archive instead of reading and verifying them from the jar at every start.
#
# The first run after a new jar extracts it (Spring Boot's `-Djarmode=tools extract`: plain jars,
# which the archive needs) into the cache folder and, as it runs, records the classes it loads
# (-XX:ArchiveClassesAtExit); that run takes a few seconds longer. Later runs of the same jar
# use the archive (-XX:SharedArchiveFile). A stale or unreadable archive is ignored by the JVM
# (the run is as slow as without it, never wrong); a cache folder that cannot be written means a
# plain `java -jar`.
#
# Settings (environment):
#   BILLING_RECON_JAR        default <repo root>/target/billing-recon.jar
#   BILLING_RECON_CDS_DIR    the cache folder (default ${XDG_CACHE_HOME:-~/.cache}/billing-recon)
#   JAVA_OPTS                e.g. "-Xmx2g"
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${BILLING_RECON_JAR:-$repo_root/target/billing-recon.jar}"
cache="${BILLING_RECON_CDS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/billing-recon}"
[[ -f "$jar" ]] || { echo "billing-recon.sh: no jar at $jar (set BILLING_RECON_JAR)" >&2; exit 2; }

# One folder per jar content, so that a new release never uses the archive of an old one.
key="$(cksum < "$jar" | tr ' ' '-')"
app="$cache/$key"

plain() {
    # shellcheck disable=SC2086
    exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
}

if [[ ! -f "$app/billing-recon.jar" ]]; then
    mkdir -p "$cache" 2>/dev/null || plain "$@"
    work="$(mktemp -d "$cache/.extract-XXXXXX" 2>/dev/null)" || plain "$@"
    if java -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null 2>&1 \
            && mv -T "$work/app" "$app" 2>/dev/null; then
        rm -rf "$work"
    else
        # another run extracted it first, or the extraction failed: either way the jar itself still runs
        rm -rf "$work"
        [[ -f "$app/billing-recon.jar" ]] || plain "$@"
    fi
fi

if [[ -f "$app/app.jsa" ]]; then
    # shellcheck disable=SC2086
    exec java -XX:SharedArchiveFile="$app/app.jsa" ${JAVA_OPTS:-} -jar "$app/billing-recon.jar" "$@"
fi
# The recording run: the archive is written as the JVM exits, to a name of its own, then moved into place,
# so that a run starting meanwhile never reads half an archive.
set +e
# shellcheck disable=SC2086
java -XX:ArchiveClassesAtExit="$app/app.jsa.$$" ${JAVA_OPTS:-} -jar "$app/billing-recon.jar" "$@"
code=$?
set -e
# only a run that did its work has loaded the classes a run needs (a usage error loads few)
if [[ -s "$app/app.jsa.$$" && ( $code == 0 || $code == 3 ) ]]; then mv -f "$app/app.jsa.$$" "$app/app.jsa"; else rm -f "$app/app.jsa.$$"; fi
exit "$code"
