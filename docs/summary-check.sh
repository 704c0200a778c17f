#!/bin/sh
# Opens a day's summary.html from file:// in a real headless browser (Debian's chromium, installed when
# missing), checks that the browser sees its charts and controls and that none failed, prints it to PDF and
# saves a screenshot. Usage: docs/summary-check.sh OUT/nightly-YYYY-MM-DD/summary.html [screenshot.png]
set -eu
page=${1:?usage: docs/summary-check.sh OUT/nightly-YYYY-MM-DD/summary.html [screenshot.png]}
shot=$(realpath -m "${2:-docs/summary.png}")
if ! command -v chromium >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# a fresh profile and no network traffic of its own: the page must need nothing but the file
browser() {
    chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
        --disable-sync --no-first-run --user-data-dir="$profile" "$@" 2>>"$profile/stderr"
}
url="file://$(realpath "$page")"
browser --dump-dom "$url" > "$profile/dom.html"
charts=$(grep -o '<svg' "$profile/dom.html" | wc -l)
controls=$(grep -o 'data-control=' "$profile/dom.html" | wc -l)
failed=$(grep -o 'data-ok="false"' "$profile/dom.html" | wc -l)
browser --print-to-pdf="$profile/page.pdf" --no-pdf-header-footer "$url" >/dev/null
browser --window-size=1000,2900 --hide-scrollbars --screenshot="$shot" "$url" >/dev/null
pdf=$(wc -c < "$profile/page.pdf")
echo "$page: $charts charts, $controls controls ($failed failed), PDF $pdf bytes, screenshot $shot"
[ "$charts" -gt 0 ] && [ "$controls" -gt 0 ] && [ "$failed" -eq 0 ] && [ "$pdf" -gt 0 ] && [ -s "$shot" ]
