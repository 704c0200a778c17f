#!/usr/bin/env bash
# Renders the example invoice of the README: the September consolidated invoice of ACC-1002 from the README's
# first command, page 1 as docs/example-invoice.png. Needs pdftoppm (Debian: apt-get install -y poppler-utils).
#   usage: docs/example-invoice.sh [OUTPUT_DIR]     (default: out)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/out}"
PDF="$OUT/nightly-2026-10-01/documents/INV-ACC-1002-202609-C.pdf"
[ -f "$PDF" ] || { echo "no $PDF: run the README's first command first" >&2; exit 2; }
pdftoppm -png -r 80 -singlefile "$PDF" "$ROOT/docs/example-invoice"
echo "$ROOT/docs/example-invoice.png"
