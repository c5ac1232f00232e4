#!/bin/sh
# The big inputs of the bad-input corpus, generated here, never committed:
# a 1 MB group name (kept byte for byte), a 100 MB line (streamed through a
# pipe, never stored) and 10^6 distinct groups (counted, merged, compared,
# the memory each run took reported).  Prints TAP.  B is the build prefix.
# BIG_SCALE=small (the sanitizer pass, tests/run-suite) takes a 10 MB line
# and 10^5 groups: the same growth of every buffer and table, a tenth of
# the time.
set -u
PATH=$(pwd)/${B:-}bin:$PATH
LC_ALL=C
export PATH LC_ALL
line_mb=100 groups=1000000 scale=6
[ "${BIG_SCALE:-}" = small ] && line_mb=10 groups=100000 scale=5
tmp=$(mktemp -d "${TMPDIR:-/tmp}/disp-big.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - big: $1"; }
notok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - big: $1"; }
# Peak memory of a command (stdin and stdout as given), where GNU time is.
if /usr/bin/time -f %M true >/dev/null 2>&1; then
	measure() { /usr/bin/time -o "$tmp/rss" -f %M "$@"; }
else
	measure() { echo '?' >"$tmp/rss"; "$@"; }
fi

# A 1 MB name: "A" then 1048575 x.  Where names pass into CSV the output
# must hold it whole, as a field (grep -F is quadratic in a 1 MB pattern).
holds() {
	perl -e 'local $/; open(my $a, "<", $ARGV[0]) or exit 1; my $s = <$a>;
		open(my $b, "<", $ARGV[1]) or exit 1; my $n = <$b>; $n =~ s/\n\z//;
		exit(index($s, "$n,") < 0)' "$1" "$2"
}
awk 'BEGIN { s = "x"; while (length(s) < 1048575) s = s s;
	printf "A%s\n", substr(s, 1, 1048575) }' >"$tmp/name"
name=$(cat "$tmp/name")
printf 'g,s,events,total\n%s,x,3,10\nB,x,2,8\n' "$name" >"$tmp/field.csv"
printf 'g,p\n%s,0.01\nB,0.2\n' "$name" >"$tmp/field-p.csv"
printf 'g,rr,rr_lo,rr_hi\n%s,1.5,1.1,2\nB,1,,\n' "$name" >"$tmp/field-rr.csv"
printf 'id,kind,group,ref,value\n%s,rr,A,B,1.2\n' "$name" >"$tmp/field-claims.csv"
unset name
f=$tmp/field.csv
while read -r what cmd; do
	rm -rf "$tmp/report"
	eval "$cmd" >"$tmp/out" 2>"$tmp/err"
	code=$?
	out=$tmp/out
	[ "$what" = report ] && out=$tmp/report/rates.csv
	# gnuplot may warn of the long label in the report's charts.
	[ "$what" = report ] && { grep -v 'warning\|Check plot' "$tmp/err" || :; } >"$tmp/err2" && mv "$tmp/err2" "$tmp/err"
	if [ "$code" -ne 0 ] || [ -s "$tmp/err" ]; then
		notok "1 MB field: $what: exit $code"
		head -c 300 "$tmp/err" | sed 's/^/#   /'
	elif [ "$what" != test ] && [ "$what" != plot ] && ! holds "$out" "$tmp/name"; then
		notok "1 MB field: $what: the name is not in the output whole"
	else
		ok "1 MB field: $what"
	fi
done <<EOF
rate disp-rate -r B $f
test disp-test $f
funnel disp-funnel $f
stages disp-stages -s total,events -r B $f
strata disp-strata -s s -r B $f
report disp-report -o $tmp/report -r B $f
merge disp-count --merge -g g,s $f
count disp-count -g g -w total $f
adjust disp-adjust $tmp/field-p.csv
plot disp-plot forest $tmp/field-rr.csv
claims disp-check -c tests/bad/ok.csv $tmp/field-claims.csv
EOF

# A 100 MB line (10 MB when small): a column no filter reads holds it on the first row.
# Generated into the pipe; each filter must read past it and count the row.
# L is the header and the two rows, each with the note column added.
line() {
	printf '%s,note\n' "$1"
	printf '%s,' "$2"
	head -c $((line_mb * 1000000)) /dev/zero | tr '\0' x
	printf '\n%s,\n' "$3"
}
big_line() {
	what=$1 want=$2
	shift 2
	line $L | "$@" >"$tmp/out" 2>"$tmp/err"
	code=$?
	if [ "$code" -ne 0 ] || [ -s "$tmp/err" ]; then
		notok "$line_mb MB line: $what: exit $code"
		head -c 300 "$tmp/err" | sed 's/^/#   /'
	elif ! grep -q -F -e "$want" "$tmp/out"; then
		notok "$line_mb MB line: $what: no '$want' in the output"
	else
		ok "$line_mb MB line: $what"
	fi
}
L='g,s,events,total A,x,3,10 B,x,2,8'
big_line rate 'B,2,8,0.25,' disp-rate -r B
big_line test 'chi2,' disp-test --tests chi2
big_line funnel 'B,2,8,0.25,' disp-funnel
big_line stages 'B,events,total,2,8,0.25,' disp-stages -s total,events -r B
big_line strata 'B,2,8,B,1,1,' disp-strata -s s -r B
big_line merge 'B,x,2,8' disp-count --merge -g g,s
big_line count 'A,10' disp-count -g g -w total
big_line report "$tmp/report/index.html" disp-report -o "$tmp/report" -r B /dev/stdin
big_line checkc ',consistent,' disp-check -c /dev/stdin tests/bad/claims-ok.csv
L='g,p A,0.01 B,0.2'
big_line adjust 'B,0.2,,0.2' disp-adjust
L='g,rr,rr_lo,rr_hi A,1.5,1.1,2 B,1,,'
big_line plot '"B" 1' disp-plot forest
L='id,kind,group,ref,value c1,rr,A,B,1.2 c2,rr,B,A,1'
big_line claims 'c2,rr,1,0.833333,' disp-check -c tests/bad/ok.csv

# 10^6 distinct groups (10^5 when small), each with one event in two records.
awk -v n=$groups 'BEGIN { print "g,flag"; for (i = 0; i < n; i++) printf "g%d,1\ng%d,0\n", i, i }' \
	>"$tmp/records.csv"
groups() {
	what=$1 want=$2 out=$3
	shift 3
	measure "$@" >"$out" 2>"$tmp/err"
	code=$?
	got=$(($(wc -l <"$out") - 1))
	if [ "$code" -ne 0 ] || [ -s "$tmp/err" ]; then
		notok "10^$scale groups: $what: exit $code"
		head -c 300 "$tmp/err" | sed 's/^/#   /'
	elif [ "$got" -ne "$want" ]; then
		notok "10^$scale groups: $what: $got rows, want $want"
	else
		ok "10^$scale groups: $what ($(cat "$tmp/rss") KB at most)"
		# A comment, so that the suite's summary shows it.
		echo "# big: 10^$scale groups: $what peaked at $(cat "$tmp/rss") KB"
	fi
}
groups count $groups "$tmp/counts.csv" disp-count -g g -e flag "$tmp/records.csv"
# Every group counted once with 1 of 2: the sums say nothing was lost.
sums=$(awk -F, 'NR > 1 { e += $2; t += $3; if ($2 != 1 || $3 != 2) bad++ }
	END { print e, t, bad + 0 }' "$tmp/counts.csv")
if [ "$sums" = "$groups $((2 * groups)) 0" ]; then ok "10^$scale groups: every group 1 of 2"
else notok "10^$scale groups: events, total, bad rows: $sums"; fi
# Counting two halves and merging them gives the same bytes.
head -n $((groups + 1)) "$tmp/records.csv" >"$tmp/half1.csv"
{ head -n 1 "$tmp/records.csv"; tail -n +$((groups + 2)) "$tmp/records.csv"; } >"$tmp/half2.csv"
disp-count -g g -e flag "$tmp/half1.csv" >"$tmp/c1.csv" &&
	disp-count -g g -e flag "$tmp/half2.csv" >"$tmp/c2.csv" &&
	groups merge $groups "$tmp/merged.csv" disp-count --merge -g g "$tmp/c1.csv" "$tmp/c2.csv"
if cmp -s "$tmp/counts.csv" "$tmp/merged.csv"; then ok "10^$scale groups: merging halves = counting all"
else notok "10^$scale groups: merging halves differs from counting all"; fi
groups rate $groups "$tmp/rates.csv" disp-rate -r g0 --test chi2 "$tmp/counts.csv"
groups adjust $groups "$tmp/adjusted.csv" disp-adjust "$tmp/rates.csv"
# The exact test's Monte Carlo draws grow with the groups: chi2 and G here.
groups test 2 "$tmp/test.csv" disp-test --tests chi2,g "$tmp/counts.csv"
echo "1..$n"
[ "$failed" -eq 0 ]
