#!/bin/sh
# Replays each harness's seeds and past findings (tests/fuzz/seeds/NAME,
# tests/fuzz/regress/NAME, tests/fuzz/slow/NAME) through its replay build,
# one TAP line each.  A finding is a file named after what it found; it
# stays here for good.  slow/ holds findings of a time limit, seconds each
# even in a plain build: FUZZ_SLOW=no (the sanitizer pass, whose limits
# only catch hangs) leaves them out.
n=0
for r in "${B}"tests/fuzz/replay-fuzz_*; do
	[ -x "$r" ] || continue
	name=${r##*/replay-}
	set --
	for d in tests/fuzz/seeds/"$name" tests/fuzz/regress/"$name" tests/fuzz/slow/"$name"; do
		[ "$d" = "tests/fuzz/slow/$name" ] && [ "${FUZZ_SLOW:-}" = no ] && continue
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
