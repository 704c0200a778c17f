#!/usr/bin/env bash
# Itemised bill benchmark: one account with N usage records in September (default 1,000,000), closed on
# 2026-10-01, then `itemise` of its monthly usage invoice with a small heap. Prints the rows written, the
# time and the peak RSS: the heap limit shows the bill is streamed, not held.
#   usage: bench/itemise.sh [N]
#   env:   BENCH_WORK (default /tmp/billing-recon-bench), ITEMISE_HEAP (default 96m)
set -euo pipefail
N="${1:-1000000}"
HEAP="${ITEMISE_HEAP:-96m}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${BENCH_WORK:-/tmp/billing-recon-bench}/itemise-$N"
JAR="$ROOT/target/billing-recon.jar"
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q -DskipTests package)
mkdir -p "$WORK/in"
python3 - "$N" "$WORK/in" <<'PY'
import sys
n, out = int(sys.argv[1]), sys.argv[2]
open(f"{out}/accounts.csv", "w").write("account_id,name,currency,invoicing_mode,credit_limit,tax_rate\n"
                                       "BIG,Big Usage Pte Ltd,SGD,INDIVIDUAL_AND_MONTHLY,0,0.09\n")
with open(f"{out}/cdr-2026-09-30.csv", "w") as f:
    f.write("cdr_id,account_id,type,start_time,duration_s,amount,currency,status\n")
    for i in range(n):
        f.write(f"C{i:08d},BIG,CALL,2026-09-{1 + i % 29:02d}T{i % 24:02d}:{i % 60:02d}:00Z,{i % 900},0.{i % 10000:04d},SGD,COMPLETED\n")
PY
rm -rf "$WORK/db"
java -Xmx512m -jar "$JAR" nightly --run-date=2026-10-01 --input-dir="$WORK/in" --output-dir="$WORK/out" \
    --data-dir="$WORK/db" 2>"$WORK/close.log"
T0=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$WORK/rss" java -Xmx"$HEAP" -jar "$JAR" itemise --invoice=INV-BIG-202609-U \
    --data-dir="$WORK/db" >"$WORK/bill.csv" 2>"$WORK/itemise.log"
SECS=$(python3 -c "import time,sys; print(f'{time.time() - float(sys.argv[1]):.1f}')" "$T0")
printf '%-9s %10s %9s %6s %8s\n' cdrs rows_out itemise_s heap rss_MB
printf '%-9s %10s %9s %6s %8s\n' "$N" $(( $(wc -l < "$WORK/bill.csv") - 1 )) "$SECS" "$HEAP" $(( $(cat "$WORK/rss") / 1024 ))
