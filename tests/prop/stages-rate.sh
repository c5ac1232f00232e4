#!/bin/sh
# Property: disp-stages of nested counts is stage-by-stage disp-rate.
# Random nested counts (seeded: each stage a random share of the one before,
# zeros among them) go through tests/cli/stages-vs-rate.sh, which builds
# each stage's 2x2 tables from the counts and compares disp-rate's columns
# with disp-stages' at 17 digits, the stage ones and the cumulative ones.
set -u
tmp=$(mktemp -d "${TMPDIR:-/tmp}/disp-stprop.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
status=0
for seed in 1 2 3 4; do
	awk -v s=$seed 'BEGIN { srand(s); print "g,pop,a,b,c"; k = 2 + int(rand() * 5);
		for (i = 0; i < k; i++) { n = 1 + int(10 ^ (1 + rand() * 4)); printf "g%d,%d", i, n;
			for (j = 0; j < 3; j++) { n = rand() < 0.1 ? 0 : int(n * rand()); printf ",%d", n }
			print "" } }' >"$tmp/s.csv"
	for m in "" "--ratio katz --test chi2 --ci exact" "--ratio mn --test score --ci jeffreys"; do
		out=$(sh tests/cli/stages-vs-rate.sh "$tmp/s.csv" g0 pop,a,b,c $m) || exit 1
		if echo "$out" | grep -v -q 'same as disp-rate'; then
			echo "seed $seed ($m):"; echo "$out" | grep -v 'same as disp-rate'; status=1
		fi
		[ "$(echo "$out" | grep -c 'same as disp-rate')" -eq 6 ] ||
			{ echo "seed $seed ($m): not 6 comparisons"; status=1; }
	done
done
exit $status
