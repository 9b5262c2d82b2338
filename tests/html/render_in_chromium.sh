#!/usr/bin/env bash
# Renders the demo study's HTML report in headless Chromium and reads what the browser made of
# it: the DOM (every section, the tables with header cells, the pictures with their titles, the
# disclaimer, the provenance banner and the facts of the text report), a screenshot, a PDF print,
# and the browser's network log (the page must request nothing over the network).
#
#   render_in_chromium.sh CLI OUT_DIR [EXAMPLE_DIR]
#
# CLI is the partnerqi tool, OUT_DIR a folder of the build tree (report.html, report.png,
# report.pdf, dom.html and net-log.json are left there to look at). With EXAMPLE_DIR, the checked
# page and a small screenshot of its top are copied there as demo-report.html and
# demo-report.png (the example linked from the README). Exit code 77 (CTest's SKIP_RETURN_CODE)
# when Chromium is not installed; 1 with a message naming each check that failed.
set -u
cli=$1
out=$2
example=${3:-}

browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $browser ]]; then
  echo "SKIPPED: Chromium is not installed (Debian: apt-get install chromium, or cmake -P cmake/install-deps.cmake)"
  exit 77
fi

rm -rf "$out"
mkdir -p "$out"
failures=0
fail() {
  echo "FAILED: $*"
  failures=$((failures + 1))
}

"$cli" demo --out "$out/demo.pqi" >/dev/null || { echo "FAILED: partnerqi demo"; exit 1; }
"$cli" report "$out/demo.pqi" --html "$out/report.html" >/dev/null ||
  { echo "FAILED: partnerqi report --html"; exit 1; }
"$cli" report "$out/demo.pqi" >"$out/report.txt" || { echo "FAILED: partnerqi report"; exit 1; }

# A fresh profile, no background services, every host name unresolvable: whatever the page asked
# for could not leave the machine, and the network log shows whether it asked.
chromium_run() {
  local profile
  profile=$(mktemp -d "$out/profile.XXXXXX")
  timeout 180 "$browser" --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-default-apps --hide-scrollbars --user-data-dir="$profile" \
    --host-resolver-rules="MAP * ~NOTFOUND" "$@" 2>>"$out/chromium.log"
  local code=$?
  rm -rf "$profile"
  return $code
}

# Requests the page made (the browser's own start-up requests have no origin as initiator).
page_requests() {
  grep '"url":"http' "$1" | grep '"initiator":' | grep -v '"initiator":"not an origin"' |
    grep -o '"url":"[^"]*"' | sort -u
}

page="file://$(cd "$out" && pwd)/report.html"
chromium_run --log-net-log="$out/net-log.json" --dump-dom "$page" >"$out/dom.html" ||
  fail "chromium could not dump the DOM (see $out/chromium.log)"
chromium_run --screenshot="$out/report.png" --window-size=1280,14000 "$page" >/dev/null ||
  fail "chromium could not take the screenshot"
chromium_run --print-to-pdf="$out/report.pdf" --no-pdf-header-footer "$page" >/dev/null ||
  fail "chromium could not print to PDF"

dom="$out/dom.html"
has() { grep -qF -- "$1" "$dom" || fail "the DOM lacks $2: $1"; }
for heading in "The study and its provenance" "The engagement network by tier" \
  "Practices by tier" "Tokenism audit" "Voice paths to decision-makers" "Evaluation loop" \
  "Waves and cases side by side" "Agreement between coders" "Sources"; do
  has ">$heading</h2>" "a section heading"
done
has '<h1>Partnership report: ' "the page heading"
has '<th scope="col">' "column header cells"
has '<th scope="row">' "row header cells"
has '<title id="net-title">Engagement network by tier</title>' "the network picture's title"
has '<title id="loop-title">The evaluation loop on a timeline</title>' "the timeline's title"
has 'id="disclaimer"' "the audit's disclaimer"
has 'These indicators are library heuristics drawn from the literature' "the disclaimer's text"
has 'id="illustrative-banner"' "the banner on illustrative records"
has '@media print' "the print stylesheet"
tables=$(grep -o '<table' "$dom" | wc -l)
captions=$(grep -o '<caption>' "$dom" | wc -l)
((tables >= 10)) || fail "the DOM has only $tables tables"
((tables == captions)) || fail "$tables tables but $captions captions"
svgs=$(grep -o '<svg[^>]*role="img"' "$dom" | wc -l)
((svgs == 2)) || fail "the DOM has $svgs pictures with role img, not 2"
grep -q '<script' "$dom" && fail "the DOM holds a script element"

# The facts of the text report, in the same words.
while IFS= read -r fact; do
  [[ -n $fact ]] && has "$fact" "a fact of the text report"
done < <(grep -oE '[0-9]+ of [0-9]+ teams and [0-9]+ of [0-9]+ advisors have at least one indicator flagged\.|[0-9]+ evaluations \(and [0-9]+ evaluation responses\): [0-9]+ closed, [0-9]+ open, [0-9]+ pending\.' "$out/report.txt" | head -2)
[[ $(grep -cE 'teams and .* advisors have at least one indicator flagged' "$out/report.txt") -ge 1 ]] ||
  fail "the text report has no audit sentence to compare with"

requests=$(page_requests "$out/net-log.json")
[[ -z $requests ]] || fail "the page requested the network: $requests"
# The check above must be able to fail: a page that fetches an image is caught.
printf '<!DOCTYPE html><html><head><title>control</title></head><body><img src="http://example.invalid/x.png" alt=""></body></html>\n' >"$out/control.html"
chromium_run --log-net-log="$out/control-net-log.json" --dump-dom "file://$(cd "$out" && pwd)/control.html" >/dev/null
[[ -n $(page_requests "$out/control-net-log.json") ]] ||
  fail "the network-log check did not see the control page's request"

[[ $(head -c 4 "$out/report.pdf" 2>/dev/null) == "%PDF" ]] || fail "report.pdf is not a PDF"
pdf_size=$(stat -c %s "$out/report.pdf" 2>/dev/null || echo 0)
((pdf_size > 20000)) || fail "report.pdf is only $pdf_size bytes"
png_size=$(stat -c %s "$out/report.png" 2>/dev/null || echo 0)
((png_size > 20000)) || fail "report.png is only $png_size bytes"

if ((failures > 0)); then
  echo "$failures checks failed; the page, its DOM and the browser's log are in $out"
  exit 1
fi

if [[ -n $example ]]; then
  cp "$out/report.html" "$example/demo-report.html"
  chromium_run --screenshot="$out/top.png" --window-size=1280,2200 "$page" >/dev/null
  # Smaller with pngquant (Debian: pngquant) or optipng when either is installed.
  if command -v pngquant >/dev/null; then
    pngquant --quality=65-90 --speed 1 --strip --force --output "$example/demo-report.png" "$out/top.png"
  else
    cp "$out/top.png" "$example/demo-report.png"
    if command -v optipng >/dev/null; then optipng -quiet -o5 "$example/demo-report.png"; fi
  fi
  echo "wrote $example/demo-report.html and $example/demo-report.png"
fi
echo "the demo's page renders in Chromium: $tables tables, $svgs pictures, no network request; screenshot $out/report.png, print $out/report.pdf"
