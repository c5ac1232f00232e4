#!/bin/sh
# Property: disp-rate of k groups is k separate 2x2 computations.  For
# random count tables (seeded; zero cells, all-event groups and counts to
# 10^6 among them) each group's row of the whole table's output must be,
# byte for byte at 17 digits, its row from the table of that group and the
# reference alone, under several method choices.  Silent on success.
set -u
tmp=$(mktemp -d "${TMPDIR:-/tmp}/disp-2x2.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
status=0
for seed in 1 2 3 4 5; do
	awk -v s=$seed 'BEGIN { srand(s); print "g,events,total"; k = 3 + int(rand() * 6);
		for (i = 0; i < k; i++) { n = int(10 ^ (rand() * 6)); u = rand();
			e = u < 0.15 ? 0 : u < 0.25 ? n : int(rand() * (n + 1));
			printf "g%d,%d,%d\n", i, e, n } }' >"$tmp/t.csv"
	ref=g$((seed % 3))
	for m in "" "--ratio katz --test chi2 --ci exact" "--ratio mn --test score --diff newcombe --odds woolf" "--ratio scas --test fisher-midp --ci jeffreys -l 0.9"; do
		disp-rate -r $ref --digits 17 $m "$tmp/t.csv" >"$tmp/all" || exit 1
		for g in $(tail -n +2 "$tmp/t.csv" | cut -d, -f1); do
			[ "$g" = "$ref" ] && continue
			grep -e "^$g," -e "^$ref," "$tmp/t.csv" | { echo g,events,total; cat; } |
				disp-rate -r $ref --digits 17 $m | grep "^$g," >"$tmp/one" || exit 1
			grep "^$g," "$tmp/all" | cmp -s - "$tmp/one" ||
				{ echo "seed $seed, $g against $ref ($m): differs"; status=1; }
		done
	done
done
exit $status
