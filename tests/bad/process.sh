#!/bin/sh
# How every filter ends when the world around it fails: a closed pipe
# (quiet: SIGPIPE, 141 in the shell, or exit 74 with no message where
# SIGPIPE is ignored), a full disk (74, a message), a directory or a read
# error as input (66), a FIFO (read like a file), a closed stdin (66); that
# a pipeline under set -o pipefail fails when a step does; and that output
# is byte-identical from run to run (and across disp-count --threads).
# Prints TAP.  B is the build prefix.
set -u
PATH=$(pwd)/${B:-}bin:$PATH
LC_ALL=C
export PATH LC_ALL
tmp=$(mktemp -d "${TMPDIR:-/tmp}/disp-proc.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
# TAP lines go to $tmp/tap (the loop below runs in a subshell), unnumbered.
check() {   # what, got, want
	if [ "$2" = "$3" ]; then echo "ok - process: $1"
	else echo "not ok - process: $1"
		printf '%s\n' "got:  $2" "want: $3" | sed 's/^/#   /'; fi >>"$tmp/tap"
}
d=tests/bad
# name | command reading stdin (none: needs a FILE) | a good input
filters() {
	cat <<EOF
rate|disp-rate -r B|$d/ok.csv
test|disp-test|$d/ok.csv
funnel|disp-funnel|$d/ok.csv
stages|disp-stages -s total,events -r B|$d/ok.csv
strata|disp-strata -s s -r B|$d/ok.csv
merge|disp-count --merge -g g,s|$d/ok.csv
count|disp-count -g g -w total|$d/ok.csv
adjust|disp-adjust|$d/p-ok.csv
plot|disp-plot forest|$d/rr-ok.csv
check|disp-check -c $d/ok.csv|$d/claims-ok.csv
report|disp-report -o $tmp/report -r B|
EOF
}
: >"$tmp/tap"
mkfifo "$tmp/fifo" || exit 1
filters | while IFS='|' read -r name cmd in; do
	prog=${cmd%% *}
	[ -n "$in" ] || in=$d/ok.csv
	# The reader has gone before the first write (the sleep lets ':' end).
	{ sleep 0.2; $cmd "$in" 2>"$tmp/err"; echo $? >"$tmp/st"; } | :
	check "$name: closed pipe: killed by SIGPIPE, no message" "$(cat "$tmp/st") $(cat "$tmp/err")" "141 "
	(trap '' PIPE; { sleep 0.2; $cmd "$in" 2>"$tmp/err"; echo $? >"$tmp/st"; } | :)
	check "$name: closed pipe, SIGPIPE ignored: 74, no message" "$(cat "$tmp/st") $(cat "$tmp/err")" "74 "
	$cmd "$in" >/dev/full 2>"$tmp/err"
	check "$name: /dev/full: 74 and a message" "$? $(cat "$tmp/err")" "74 $prog: write error: No space left on device"
	$cmd $d >/dev/null 2>"$tmp/err"
	check "$name: a directory: 66" "$? $(cat "$tmp/err")" "66 $prog: $d: is a directory"
	$cmd /proc/self/mem >/dev/null 2>"$tmp/err"
	check "$name: a read error (EIO): 66" "$? $(cat "$tmp/err")" "66 $prog: /proc/self/mem: read error: Input/output error"
	# A FIFO reads as the file does (disp-report copies it first).
	$cmd "$in" >"$tmp/want" 2>&1
	cat "$in" >"$tmp/fifo" &
	$cmd "$tmp/fifo" >"$tmp/got" 2>&1
	st=$?
	wait
	[ "$name" = report ] && st="$st $(cat "$tmp/report/counts.csv" | cmp -s - "$in" && echo same)" ||
		st="$st $(sed "s#$tmp/fifo#$in#" "$tmp/got" | cmp -s - "$tmp/want" && echo same)"
	check "$name: a FIFO: read as the file" "$st" "0 same"
	if [ "$name" != report ]; then
		$cmd <&- >/dev/null 2>"$tmp/err"
		check "$name: closed stdin: 66" "$? $(cat "$tmp/err")" "66 $prog: stdin: read error: Bad file descriptor"
		# Determinism: the same bytes from run to run.
		$cmd "$in" >"$tmp/a" 2>&1; $cmd "$in" >"$tmp/b" 2>&1
		cmp -s "$tmp/a" "$tmp/b"
		check "$name: the same input twice, the same bytes" "$?" 0
	fi
done

# | head -1 on a long output (10^4 groups: more than a pipe holds): the
# header, then a quiet end; pipefail sees the SIGPIPE.
awk 'BEGIN { print "g,s,events,total"; for (i = 0; i < 10000; i++) printf "g%d,x,%d,%d\n", i, i % 7, 10 + i % 13 }' >"$tmp/many.csv"
for cmd in "disp-rate -r g0" "disp-count --merge -g g,s" "disp-funnel" "disp-stages -s total,events -r g0"; do
	got=$(bash -c 'set -o pipefail; '"$cmd"' "$1" 2>"$2" | head -1; echo " $?"' sh "$tmp/many.csv" "$tmp/err")
	check "$cmd | head -1: the header, exit 141, no message" "$got $(cat "$tmp/err")" "${got%% *} 141 "
done
# A step that fails fails the pipeline: bad data upstream (disp-count
# writes nothing on a bad row, so the next filter sees no header), a full
# disk downstream.
got=$(bash -c 'set -o pipefail; disp-count -g g -w total tests/bad/ragged.csv 2>/dev/null | disp-rate -r B 2>/dev/null; echo $?')
check "pipefail: bad data upstream fails the pipeline" "$got" 65
got=$(bash -c 'set -o pipefail; disp-rate -r B tests/bad/ok.csv | disp-plot forest >/dev/full 2>/dev/null; echo $?')
check "pipefail: a full disk downstream fails the pipeline" "$got" 74
got=$(bash -c 'set -o pipefail; disp-rate -r B tests/bad/ragged.csv 2>/dev/null | disp-adjust 2>&1 >/dev/null; echo $?')
check "pipefail: the next filter names the empty input it was left" "$got" "disp-adjust: stdin:1: no header row (empty input)
65"

# A bad last row after 20000 good ones (more than any output buffer): no
# filter has written anything when it finds it.
awk 'BEGIN { print "g,s,events,total"; for (i = 0; i < 20000; i++) printf "g%d,x,%d,%d\n", i, i % 5, 10 + i % 7; print "bad,x,1" }' >"$tmp/c.csv"
awk 'BEGIN { print "g,p"; for (i = 0; i < 20000; i++) printf "g%d,0.%d\n", i, i % 9 + 1; print "bad" }' >"$tmp/p.csv"
awk 'BEGIN { print "g,rr,rr_lo,rr_hi"; for (i = 0; i < 20000; i++) printf "g%d,1.5,1,2\n", i; print "bad,1,1" }' >"$tmp/r.csv"
awk 'BEGIN { print "id,kind,group,ref,value"; for (i = 0; i < 20000; i++) printf "c%d,rr,A,B,1.2\n", i; print "bad,rr,A,B" }' >"$tmp/k.csv"
while IFS='|' read -r cmd f; do
	$cmd "$tmp/$f" >"$tmp/out" 2>"$tmp/err"
	check "${cmd%% *}: a bad row 20002: 65, stdout empty" "$? $(wc -c <"$tmp/out" | tr -d ' ')" "65 0"
done <<EOF
disp-rate -r g0|c.csv
disp-test --tests chi2|c.csv
disp-funnel|c.csv
disp-stages -s total,events -r g0|c.csv
disp-strata -s s -r g0|c.csv
disp-count --merge -g g|c.csv
disp-count -g g -w total|c.csv
disp-adjust|p.csv
disp-plot forest|r.csv
disp-check -c tests/bad/ok.csv|k.csv
disp-check --tap -c tests/bad/ok.csv|k.csv
disp-report -o $tmp/report -r g0|c.csv
EOF

# disp-count across threads: the same bytes at 1, 2, 3 and 8 threads.
awk 'BEGIN { srand(7); print "g,h,flag"; for (i = 0; i < 200000; i++)
	printf "g%d,%s,%d\n", int(rand() * 5000), rand() < 0.5 ? "x" : "\"y, z\"", rand() < 0.3 }' >"$tmp/rec.csv"
disp-count --threads 1 -g g,h -e flag "$tmp/rec.csv" >"$tmp/t1"
for t in 2 3 8; do
	disp-count --threads $t -g g,h -e flag "$tmp/rec.csv" >"$tmp/t$t"
	cmp -s "$tmp/t1" "$tmp/t$t"
	check "disp-count --threads $t: the bytes of --threads 1" "$?" 0
done
cat "$tmp/tap"
echo "1..$(grep -c '^ok\|^not ok' "$tmp/tap")"
! grep -q '^not ok' "$tmp/tap"
