#!/usr/bin/env bash
# Opens a results directory's report.html in headless Chromium, takes a screenshot and checks that the page loaded
# without errors: the page's own inline check (every image decoded, every expected table present, no error event)
# must have written REPORT-CHECK-OK into the DOM.
#
# usage: reports/scripts/check-report.sh RESULTS_DIR [SCREENSHOT.png]
#   RESULTS_DIR holds report/report.html (written by `rnnbench run` or `rnnbench report RESULTS_DIR`); when it is
#   missing, `./rnnbench report RESULTS_DIR` writes it first. Installs the Debian package chromium if needed.
# exit: 0 page loaded completely, 1 the page check failed, 2 bad usage or no report
set -euo pipefail
if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: $0 RESULTS_DIR [SCREENSHOT.png]" >&2
  exit 2
fi
results="$(cd "$1" 2>/dev/null && pwd)" || { echo "check-report: results directory $1 does not exist" >&2; exit 2; }
root="$(cd "$(dirname "$0")/../.." && pwd)"
html="$results/report/report.html"
if [[ ! -f "$html" ]]; then
  echo "check-report: no $html yet; generating it" >&2
  "$root/rnnbench" report "$results" >&2 || exit 2
fi
shot="${2:-$results/report/report-screenshot.png}"

browser="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$browser" ]]; then
  echo "check-report: installing chromium (Debian package)" >&2
  apt-get install -y chromium >&2 || { apt-get update >&2 && apt-get install -y chromium >&2; }
  browser="$(command -v chromium)"
fi

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
  --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars)

dom="$("$browser" "${flags[@]}" --virtual-time-budget=15000 --dump-dom "file://$html" 2>"$profile/dom.log")" || {
  echo "check-report: chromium failed to load $html:" >&2; tail -5 "$profile/dom.log" >&2; exit 1; }
"$browser" "${flags[@]}" --virtual-time-budget=15000 --window-size=1400,3000 --screenshot="$shot" "file://$html" \
  2>"$profile/shot.log" || { echo "check-report: chromium failed to take a screenshot:" >&2
  tail -5 "$profile/shot.log" >&2; exit 1; }
[[ -s "$shot" ]] || { echo "check-report: no screenshot was written to $shot" >&2; exit 1; }

marker="$(grep -o 'REPORT-CHECK-[A-Z]*[^<]*' <<<"$dom" | head -1 || true)"
if [[ "$marker" == REPORT-CHECK-OK* ]]; then
  echo "check-report: $html loaded completely ($marker); screenshot $shot"
  exit 0
fi
echo "check-report: $html did not load completely: ${marker:-no check marker in the DOM (script did not run)}" >&2
exit 1
