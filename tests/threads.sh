#!/bin/sh
# disp-count's fast reader under ThreadSanitizer: chunks of a file and
# blocks of a pipe on 2 to 4 threads, with block sizes that put cuts
# everywhere, records with quoted line ends, a bad row deep in the input
# and an overflow in a later chunk.  Each run must match the strict
# reader's output, stderr and status, and TSan must report nothing (it
# would exit 66).  Prints TAP.  $1 is the TSan-built disp-count.
dc=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export TSAN_OPTIONS="halt_on_error=1 exitcode=66"
awk 'BEGIN { srand(3); print "g,e,w,note"
	for (i = 0; i < 20000; i++) {
		n = rand() < 0.2 ? "\"two\nlines, \"\"q\"\"\"" : "plain"
		printf "%s,%d,%d,%s\n", substr("abcde", int(rand() * 5) + 1, 1),
			rand() < 0.3, int(rand() * 5), n } }' >"$tmp/ok.csv"
{ cat "$tmp/ok.csv"; echo "a,maybe,1,x"; echo "b,1,1,y"; } >"$tmp/bad.csv"
{ echo "g,e,w,note"; echo "a,1,9223372036854775800,x"; sed 1d "$tmp/ok.csv"; } >"$tmp/big.csv"
n=0
fail=0
for f in ok bad big; do
	for opts in "-g g -e e" "-g g,e -w w" "-g note -e e=1"; do
		DISP_COUNT_READER=strict "$dc" $opts "$tmp/$f.csv" >"$tmp/want" 2>"$tmp/wanterr"
		want=$?
		for t in 2 4; do
			for blk in 97 4096 65536; do
				for how in file pipe; do
					n=$((n + 1))
					if [ $how = file ]; then
						DISP_COUNT_BLOCK=$blk "$dc" --threads $t $opts "$tmp/$f.csv" \
							>"$tmp/got" 2>"$tmp/goterr"
					else
						cat "$tmp/$f.csv" | DISP_COUNT_BLOCK=$blk "$dc" --threads $t \
							$opts >"$tmp/got" 2>"$tmp/goterr"
					fi
					got=$?
					[ $how = pipe ] && sed -i "s#^\([^:]*\): stdin:#\1: $tmp/$f.csv:#" "$tmp/goterr"
					if [ $got -eq $want ] && cmp -s "$tmp/got" "$tmp/want" &&
					   cmp -s "$tmp/goterr" "$tmp/wanterr"; then
						echo "ok $n - $f.csv $opts, $t threads, blocks of $blk, from a $how"
					else
						fail=1
						echo "not ok $n - $f.csv $opts, $t threads, blocks of $blk, from a $how (exit $got, want $want)"
						sed 's/^/#   /' "$tmp/goterr" | head -20
					fi
				done
			done
		done
	done
done
echo "1..$n"
exit $fail
