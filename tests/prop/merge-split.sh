#!/bin/sh
# Property: counting a file equals merging the counts of any split of it.
# Generates a few thousand records (empty and quoted group values, an event
# flag, a weight), splits the data rows at many points into 2 to 5 shards,
# and compares byte for byte.  Silent on success; exit 1 on a difference.
set -u
tmp=${TMPDIR:-/tmp}/disp-merge.$$
mkdir -p "$tmp" || exit 1
trap 'rm -rf "$tmp"' EXIT
awk 'BEGIN { srand(42); print "region,grp,flag,w";
	split("North|South||\"East, far\"|\"Q\"\"uote\"", R, "|");
	split("A|B|a|ab||B ", G, "|");
	for (i = 0; i < 3000; i++)
		printf "%s,%s,%s,%d\n", R[int(rand() * 5) + 1], G[int(rand() * 6) + 1],
			rand() < 0.3 ? "yes" : "no", int(rand() * 4) }' >"$tmp/all.csv"
opts="-g region,grp -e flag -w w"
disp-count $opts "$tmp/all.csv" >"$tmp/want" || exit 1
tail -n +2 "$tmp/all.csv" >"$tmp/body"
rows=$(wc -l <"$tmp/body")
status=0
for shards in 2 3 5; do
	for seed in 1 2 3 4 5 6 7; do
		# Cut points from a seeded generator, sorted; each shard gets the header.
		awk -v n="$rows" -v k="$shards" -v s="$seed$shards" 'BEGIN { srand(s);
			for (i = 1; i < k; i++) print int(rand() * (n + 1)) }' |
			sort -n >"$tmp/cuts"
		prev=0 i=0
		: >"$tmp/counts"
		for cut in $(cat "$tmp/cuts") "$rows"; do
			i=$((i + 1))
			{ head -n 1 "$tmp/all.csv"; sed -n "$((prev + 1)),${cut}p" "$tmp/body"; } >"$tmp/shard$i"
			disp-count $opts "$tmp/shard$i" >"$tmp/c$i" || exit 1
			prev=$cut
		done
		# Merge the shards' counts given as separate files (same header).
		set --
		j=1
		while [ "$j" -le "$i" ]; do set -- "$@" "$tmp/c$j"; j=$((j + 1)); done
		disp-count --merge -g region,grp "$@" >"$tmp/got" || exit 1
		if ! cmp -s "$tmp/want" "$tmp/got"; then
			echo "merge of $shards shards (seed $seed) differs:"
			diff "$tmp/want" "$tmp/got" | head
			status=1
		fi
	done
done
exit $status
