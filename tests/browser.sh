#!/bin/sh
# make browser-test: disp-report's page opened in headless Chromium (Debian's
# chromium; make deps-browser installs it).  Chromium runs a check added to
# a copy of the page (the charts are laid out at their size, disp-test's
# table and disp-rate's have their rows, the findings are there) and takes
# a screenshot, which must not be blank: a blank page of the same size is
# about 11 KB, the report several times that.  Prints TAP.
set -e
B=${B:-}
out=build/browser
rm -rf "$out"
mkdir -p "$out"
"${B}bin/disp-report" -e arrests -n searches -r White -o "$out/report" \
	fixtures/stop-search-2016-17.csv >/dev/null
cp "$out/report/index.html" "$out/report/check.html"
cat >>"$out/report/check.html" <<'JS'
<script>
var r = [], svgs = document.querySelectorAll('figure svg');
r.push('svgs=' + svgs.length);
svgs.forEach(function (s) {
	var b = s.getBoundingClientRect();
	r.push(b.width > 300 && b.height > 100 ? 'drawn' : 'empty');
});
var rows = [];
document.querySelectorAll('table').forEach(function (t) {
	rows.push(t.querySelectorAll('tbody tr').length);
});
r.push('rows=' + rows.join(','));
r.push('findings=' + document.querySelectorAll('.findings li').length);
r.push('labels=' + (document.body.textContent.indexOf('1.37 [1.35, 1.40]') >= 0));
document.title = 'check ' + r.join(' ');
</script>
JS
chrome() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic \
		--no-first-run --disable-background-networking --disable-component-update \
		--disable-sync --user-data-dir="$out/profile" --window-size=1000,2200 "$@" \
		2>"$out/chromium.log"
}
n=0 failed=0
check() {
	n=$((n + 1))
	if [ "$1" = ok ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi
}
got=$(chrome --virtual-time-budget=3000 --dump-dom "file://$PWD/$out/report/check.html" |
	sed -n 's/.*<title>check \([^<]*\)<\/title>.*/\1/p')
want="svgs=2 drawn drawn rows=3,5 findings=4 labels=true"
[ "$got" = "$want" ] && r=ok || r=bad
check $r "the report renders in Chromium: $got"
chrome --screenshot="$PWD/$out/report.png" "file://$PWD/$out/report/index.html" >/dev/null
size=$(wc -c <"$out/report.png")
[ "$size" -gt 60000 ] && r=ok || r=bad
check $r "the screenshot is not blank ($size bytes; a blank page is about 11000)"
echo "1..$n"
echo "# screenshot: $out/report.png"
[ "$failed" -eq 0 ]
