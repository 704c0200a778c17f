#!/usr/bin/env bash
# Documents benchmark: the month close of N consolidated invoices (default 10,000), each with four usage lines
# and a subscription, rendered as PDF + e-invoice + invoice lines. September is closed first without documents;
# then the run for 2026-10-01 issues the N invoices with the sample supplier of jobs/. Prints the
# documents' own time and rate (from the job's log line), the whole day's time, the CPU seconds the day used
# (user + system, JVM start, invoicing and reports included) per document, what that CPU cost allows on two
# otherwise idle cores, and the peak RSS. On a shared machine the wall-clock rate depends on the other load;
# the CPU cost does not.
#   usage: bench/documents.sh [N]
#   env:   BENCH_WORK (default /tmp/billing-recon-bench), JAVA_HEAP (default 512m)
set -euo pipefail
N="${1:-10000}"
HEAP="${JAVA_HEAP:-512m}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${BENCH_WORK:-/tmp/billing-recon-bench}/documents-$N"
JAR="$ROOT/target/billing-recon.jar"
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q -DskipTests package)
mkdir -p "$WORK/in"

python3 - "$N" "$WORK/in" <<'PY'
import sys
n, out = int(sys.argv[1]), sys.argv[2]
with open(f"{out}/accounts.csv", "w") as f:
    f.write("account_id,name,currency,invoicing_mode,credit_limit,tax_rate,billing_address,billing_postal_code,"
            "billing_country,tax_id,peppol_id,email\n")
    for i in range(n):
        f.write(f"B{i:06d},Customer {i} Pte Ltd,SGD,CONSOLIDATED_MONTHLY,1000,0.09,{i} Bench Road,{100000 + i},"
                f"SG,2020{i:05d}A,0195:SG2020{i:05d}A,ap{i}@example.com\n")
with open(f"{out}/cdr-2026-09-15.csv", "w") as f:
    f.write("cdr_id,account_id,type,start_time,duration_s,amount,currency,status\n")
    for i in range(n):
        for k, (t, d, a) in enumerate([("CALL", 125, "0.4567"), ("CALL", 61, "0.1234"), ("SMS", "", "0.05"),
                                       ("FAX", 30, "0.333333")]):
            f.write(f"U{i:06d}-{k},B{i:06d},{t},2026-09-14T10:0{k}:00Z,{d},{a},SGD,COMPLETED\n")
with open(f"{out}/charges-2026-09-15.csv", "w") as f:
    f.write("charge_id,account_id,type,charge_date,amount,currency,description\n")
    for i in range(n):
        f.write(f"S{i:06d},B{i:06d},SUBSCRIPTION,2026-09-15,30,SGD,Business plan 2026-09\n")
PY

rm -rf "$WORK/db" "$WORK/out"
java -Xmx"$HEAP" -jar "$JAR" nightly --run-date=2026-09-30 --input-dir="$WORK/in" --output-dir="$WORK/out" \
    --data-dir="$WORK/db" 2>"$WORK/setup.log"
T0=$(date +%s.%N)
/usr/bin/time -f "%M %U %S" -o "$WORK/rss" java -Xmx"$HEAP" -jar "$JAR" nightly --run-date=2026-10-01 \
    --input-dir="$WORK/in" --output-dir="$WORK/out" --data-dir="$WORK/db" \
    --config="$ROOT/jobs/billing-recon.yaml" 2>"$WORK/close.log"
DAY=$(python3 -c "import time,sys; print(f'{time.time() - float(sys.argv[1]):.1f}')" "$T0")
LINE=$(grep -oE 'documents: [0-9]+ in [0-9.]+ s, [0-9]+ documents/s' "$WORK/close.log")
read -r DOCS SECS RATE <<<"$(echo "$LINE" | sed -E 's/documents: ([0-9]+) in ([0-9.]+) s, ([0-9]+) documents\/s/\1 \2 \3/')"
PDFS=$(ls "$WORK/out/nightly-2026-10-01/documents" | wc -l)
XMLS=$(ls "$WORK/out/nightly-2026-10-01/einvoices" | wc -l)
read -r RSS_KB USER_S SYS_S < "$WORK/rss"
CPU_MS=$(python3 -c "import sys; print(f'{(float(sys.argv[1]) + float(sys.argv[2])) * 1000 / int(sys.argv[3]):.1f}')" \
    "$USER_S" "$SYS_S" "$PDFS")
TWO_CORES=$(python3 -c "import sys; print(round(2000 / float(sys.argv[1])))" "$CPU_MS")
printf '%-8s %6s %6s %10s %8s %7s %11s %14s %8s\n' invoices pdfs xmls documents_s docs_per_s day_s cpu_ms_per_doc \
    docs_per_s_2cores rss_MB
printf '%-8s %6s %6s %10s %8s %7s %11s %14s %8s\n' "$N" "$PDFS" "$XMLS" "$SECS" "$RATE" "$DAY" "$CPU_MS" "$TWO_CORES" \
    $(( RSS_KB / 1024 ))
