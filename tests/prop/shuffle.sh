#!/bin/sh
# Property: the order of the rows does not matter.  Records (quoted and
# empty group values, a flag, a weight) are shuffled by seeded generators:
# disp-count gives the same bytes for every order, and disp-rate the same
# bytes for every order of the counts' rows.  Silent on success; exit 1 on
# a difference.
set -u
tmp=$(mktemp -d "${TMPDIR:-/tmp}/disp-shuffle.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
awk 'BEGIN { srand(11); print "g,h,flag,w";
	split("A|B|\"C, c\"||b|\"q\"\"q\"", G, "|");
	for (i = 0; i < 4000; i++)
		printf "%s,%s,%s,%d\n", G[int(rand() * 6) + 1], rand() < 0.5 ? "x" : "y",
			rand() < 0.4 ? "yes" : "no", int(rand() * 5) }' >"$tmp/all.csv"
shuffle() {   # seed, file: the header, then the rows in a random order
	head -n 1 "$2"
	tail -n +2 "$2" | awk -v s="$1" 'BEGIN { srand(s) } { printf "%.17f\t%s\n", rand(), $0 }' |
		sort -k1,1 | cut -f2-
}
status=0
disp-count -g g,h -e flag -w w "$tmp/all.csv" >"$tmp/want" || exit 1
disp-count -g g -e flag "$tmp/all.csv" >"$tmp/counts" || exit 1
disp-rate -r A "$tmp/counts" >"$tmp/rwant" || exit 1
for seed in 1 2 3 4 5 6 7 8; do
	shuffle $seed "$tmp/all.csv" >"$tmp/s.csv"
	disp-count -g g,h -e flag -w w "$tmp/s.csv" >"$tmp/got" || exit 1
	cmp -s "$tmp/want" "$tmp/got" || { echo "shuffle $seed: disp-count differs"; status=1; }
	shuffle $seed "$tmp/counts" | disp-rate -r A >"$tmp/rgot" || exit 1
	# disp-rate writes the groups in input order: compare as sets of rows.
	{ head -n 1 "$tmp/rgot"; tail -n +2 "$tmp/rgot" | sort; } >"$tmp/r1"
	{ head -n 1 "$tmp/rwant"; tail -n +2 "$tmp/rwant" | sort; } >"$tmp/r2"
	cmp -s "$tmp/r1" "$tmp/r2" || { echo "shuffle $seed: disp-rate differs"; status=1; }
done
exit $status
