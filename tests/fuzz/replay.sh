#!/bin/sh
# Replays each harness's seeds and past findings (tests/fuzz/seeds/NAME,
# tests/fuzz/regress/NAME) through its replay build, one TAP line each.
# A finding is a file named after what it found; it stays here for good.
n=0
for r in "${B}"tests/fuzz/replay-fuzz_*; do
	[ -x "$r" ] || continue
	name=${r##*/replay-}
	set --
	for d in tests/fuzz/seeds/"$name" tests/fuzz/regress/"$name"; do
		[ -d "$d" ] && set -- "$@" "$d"
	done
	n=$((n + 1))
	if [ $# -eq 0 ]; then
		echo "not ok $n - $name: no seeds and no regression inputs"
	elif out=$("./$r" "$@" 2>&1); then
		echo "ok $n - $name replays ${out##*
}"
	else
		echo "not ok $n - $name replay failed"
		printf '%s\n' "$out" | tail -20 | sed 's/^/# /'
	fi
done
