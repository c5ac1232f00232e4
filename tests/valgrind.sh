#!/bin/sh
# make valgrind: the golden command-line tests (tests/cli) under valgrind
# memcheck.  Every program the tests run from the build in $1 (default
# build/vg/) is replaced, in build/valgrind/, by a script that runs it
# under memcheck, children too (disp-report's tools; not gnuplot or the
# shell), each process logging to its own file; the runner then takes
# B=build/valgrind/.  Any memcheck error or leak (definite, indirect or
# possible) fails the run: its test exits 99 and its log is shown.
set -u
real=$(cd "${1:-build/vg/}" && pwd) || exit 1
top=$(pwd)
w=$top/build/valgrind
rm -rf "$w"
mkdir -p "$w/bin" "$w/tests/bench" "$w/log" || exit 1
wrap() {   # program, wrapper
	cat >"$2" <<EOF
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full \\
	--show-leak-kinds=definite,indirect,possible \\
	--errors-for-leak-kinds=definite,indirect,possible \\
	--trace-children=yes --trace-children-skip='/usr/*,/bin/*' \\
	--log-file='$w/log/%p.log' '$1' "\$@"
EOF
	chmod +x "$2"
}
for p in "$real"/bin/disp-*; do
	case $p in *.o | *.d) continue ;; esac
	wrap "$p" "$w/bin/${p##*/}"
done
wrap "$real/tests/roundtrip" "$w/tests/roundtrip"
wrap "$real/tests/bench/records" "$w/tests/bench/records"
start=$(date +%s)
B=build/valgrind/ perl tests/cli/run.pl >"$w/cli.tap" 2>&1
status=$?
secs=$(($(date +%s) - start))
grep -A12 '^not ok' "$w/cli.tap"
bad=0
for l in "$w"/log/*.log; do
	[ -s "$l" ] || continue
	bad=$((bad + 1))
	echo "--- $l"
	head -40 "$l"
done
runs=$(ls "$w/log" | wc -l)
echo "valgrind: $(grep -c '^ok' "$w/cli.tap") of $(grep -c '^ok\|^not ok' "$w/cli.tap") golden tests pass under memcheck; $runs processes, $bad with errors or leaks; ${secs} s"
[ "$status" -eq 0 ] && [ "$bad" -eq 0 ]
