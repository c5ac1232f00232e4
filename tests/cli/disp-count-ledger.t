# Golden tests for disp-count --ledger and --merge --ledger.  Every expected
# ledger line and sum is counted by hand from the small inputs each case
# writes.  Each case works in a temporary directory of its own.

=== the ledger: one line per input in order, an input without rows, stdin as -
cmd: t=$(mktemp -d); cd $t; printf 'g,e\nx,1\ny,0\nx,yes\n' >a.csv; printf 'g,e\n' >h.csv; printf 'g,e\ny,1\n' | disp-count -g g -e e --ledger L a.csv h.csv -; s=$?; cat L; rm -rf $t; exit $s
--- stdout
g,events,total
x,2,2
y,1,2
input,rows,counted,rejected,events,total,exit
a.csv,3,3,0,2,3,0
h.csv,0,0,0,0,0,0
stdin,1,1,0,1,1,0

=== the ledger of stdin with no FILE, without -e: events empty
cmd: t=$(mktemp -d); printf 'g\na\nb\na\n' | disp-count -g g --ledger $t/L; s=$?; cat $t/L; rm -rf $t; exit $s
--- stdout
g,total
a,2
b,1
input,rows,counted,rejected,events,total,exit
stdin,3,3,0,,3,0

=== with -w the ledger's events and total are weighted, rows are rows
cmd: t=$(mktemp -d); cd $t; printf 'g,e,w\na,1,2\nb,0,3\na,0,5\n' >w.csv; disp-count -g g -e e -w w --ledger L w.csv; s=$?; cat L; rm -rf $t; exit $s
--- stdout
g,events,total
a,2,7
b,0,3
input,rows,counted,rejected,events,total,exit
w.csv,3,3,0,2,10,0

=== with -f the ledger has no events
cmd: t=$(mktemp -d); cd $t; printf 'g,x,y\na,1,0\nb,1,1\n' >f.csv; disp-count -g g -f x,y --ledger L f.csv; s=$?; cat L; rm -rf $t; exit $s
--- stdout
g,x,y,total
a,1,0,1
b,1,1,1
input,rows,counted,rejected,events,total,exit
f.csv,2,2,0,,2,0

=== the ledger is CSV whatever -t says, and quotes an input name that needs it
cmd: t=$(mktemp -d); cd $t; printf 'g\te\nx\t1\n' >'a,b.tsv'; disp-count -t -g g -e e --ledger L 'a,b.tsv'; s=$?; cat L; rm -rf $t; exit $s
--- stdout escaped
g\tevents\ttotal
x\t1\t1
input,rows,counted,rejected,events,total,exit
"a,b.tsv",1,1,0,1,1,0

=== a bad row: the ledger says so (rejected 1, exit 65), later inputs absent, no counts
cmd: t=$(mktemp -d); cd $t; printf 'g,e\nx,1\ny,0\nx,yes\n' >a.csv; printf 'g,e\nx,1\nx,maybe\nz,1\n' >b.csv; cp a.csv c.csv; disp-count -g g -e e --ledger L a.csv b.csv c.csv; s=$?; cat L; rm -rf $t; exit $s
--- stdout
input,rows,counted,rejected,events,total,exit
a.csv,3,3,0,2,3,65
b.csv,2,1,1,1,1,65
--- stderr
disp-count: b.csv:3: column 'e': not an event flag (1/0, true/false, yes/no): 'maybe'
--- exit 65

=== a ragged row found by the CSV layer is the input's rejected row too
cmd: t=$(mktemp -d); cd $t; printf 'g,e\nx,1\n' >a.csv; printf 'g,e\nx,1\nx\n' >b.csv; disp-count -g g -e e --ledger L a.csv b.csv; s=$?; cat L; rm -rf $t; exit $s
--- stdout
input,rows,counted,rejected,events,total,exit
a.csv,1,1,0,1,1,65
b.csv,2,1,1,1,1,65
--- stderr
disp-count: b.csv:3: expected 2 fields as in the header, found 1
--- exit 65

=== a second input whose header differs: its header is the rejected record
cmd: t=$(mktemp -d); cd $t; printf 'g,e\nx,1\n' >a.csv; printf 'h,e\nx,1\n' >b.csv; disp-count -g g -e e --ledger L a.csv b.csv; s=$?; cat L; rm -rf $t; exit $s
--- stdout
input,rows,counted,rejected,events,total,exit
a.csv,1,1,0,1,1,65
b.csv,1,0,1,0,0,65
--- stderr
disp-count: b.csv:1: header differs from that of: 'a.csv'
--- exit 65

=== an unknown column: the header is the rejected record
cmd: t=$(mktemp -d); cd $t; printf 'g,e\nx,1\n' >a.csv; disp-count -g q -e e --ledger L a.csv; s=$?; cat L; rm -rf $t; exit $s
--- stdout
input,rows,counted,rejected,events,total,exit
a.csv,1,0,1,0,0,65
--- stderr
disp-count: a.csv:1: unknown column 'q' (columns: g, e)
--- exit 65

=== an input that cannot be opened: its line of zeros, exit 66
cmd: t=$(mktemp -d); cd $t; printf 'g,e\nx,1\ny,0\n' >a.csv; disp-count -g g -e e --ledger L a.csv missing.csv a.csv; s=$?; cat L; rm -rf $t; exit $s
--- stdout
input,rows,counted,rejected,events,total,exit
a.csv,2,2,0,1,2,66
missing.csv,0,0,0,0,0,66
--- stderr
disp-count: missing.csv: No such file or directory
--- exit 66

=== -e COL=V that matches no row fails after reading: no row rejected
cmd: t=$(mktemp -d); cd $t; printf 'g,e\nx,1\ny,0\n' >a.csv; disp-count -g g -e e=7 --ledger L a.csv; s=$?; cat L; rm -rf $t; exit $s
--- stdout
input,rows,counted,rejected,events,total,exit
a.csv,2,2,0,0,2,65
--- stderr
disp-count: -e e=7: no row has that value in column 'e' (values seen: '1', '0'); --absent-ok allows it
--- exit 65

=== counts that cannot be written: the ledger says exit 74
cmd: t=$(mktemp -d); cd $t; printf 'g,e\nx,1\n' >a.csv; disp-count -g g -e e --ledger L a.csv >/dev/full; s=$?; cat L; rm -rf $t; exit $s
--- stdout
input,rows,counted,rejected,events,total,exit
a.csv,1,1,0,1,1,74
--- stderr
disp-count: write error: No space left on device
--- exit 74

=== a ledger that cannot be created stops the run before reading
cmd: printf 'g\na\n' | disp-count -g g --ledger /nonexistent/dir/L
--- stderr
disp-count: /nonexistent/dir/L: No such file or directory
--- exit 74

=== an old ledger is truncated at the start, so a killed run leaves it empty
cmd: t=$(mktemp -d); cd $t; printf 'old\n' >L; mkfifo f; disp-count -g g --ledger L f & p=$!; i=0; while [ -s L ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done; wc -c <L; kill $p; { wait $p; } 2>/dev/null; rm -rf $t
--- stdout
0

=== one ledger when counting
cmd: disp-count -g g --ledger A --ledger B
--- stderr
disp-count: --ledger: one file when counting (several go with --merge)
Try 'disp-count --help' for more information.
--- exit 64

# Merging: s1.csv (x 2 of 2, y 0 of 1) and s2.csv (y 1 of 1, z 0 of 1),
# each counted with its ledger: totals 3 and 2, events 2 and 1.

=== merge: the counts add up to the ledgers
cmd: t=$(mktemp -d); cd $t; printf 'g,e\nx,1\ny,0\nx,1\n' >s1.csv; printf 'g,e\ny,1\nz,0\n' >s2.csv; disp-count -g g -e e --ledger l1 s1.csv >c1; disp-count -g g -e e --ledger l2 s2.csv >c2; disp-count --merge -g g --ledger l1 --ledger l2 c1 c2; s=$?; rm -rf $t; exit $s
--- stdout
g,events,total
x,2,2
y,1,2
z,0,1

=== merge: a missing shard fails, naming the ledgers and both sums, writing nothing
cmd: t=$(mktemp -d); cd $t; printf 'g,e\nx,1\ny,0\nx,1\n' >s1.csv; printf 'g,e\ny,1\nz,0\n' >s2.csv; disp-count -g g -e e --ledger l1 s1.csv >c1; disp-count -g g -e e --ledger l2 s2.csv >c2; disp-count --merge -g g --ledger l1 --ledger l2 c1; s=$?; rm -rf $t; exit $s
--- stderr
disp-count: ledgers l1, l2: total 5, the counts' total 3: a shard's counts are missing or short
disp-count: ledgers l1, l2: events 3, the counts' events 2: a shard's counts are missing or short
--- exit 1

=== merge: a shard counted twice fails though the sums agree
cmd: t=$(mktemp -d); cd $t; printf 'g,e\nx,1\ny,0\nx,1\n' >s1.csv; printf 'g,e\ny,1\nz,0\n' >s2.csv; disp-count -g g -e e --ledger l1 s1.csv >c1; disp-count -g g -e e --ledger l2 s2.csv >c2; disp-count -g g -e e --ledger l3 s1.csv >c3; disp-count --merge -g g --ledger l1 --ledger l2 --ledger l3 c1 c2 c3; s=$?; rm -rf $t; exit $s
--- stderr
disp-count: l3:2: input 's1.csv' is also at l1:2: a shard counted twice
--- exit 1

=== merge: counts given twice, their ledger once: the counts hold more
cmd: t=$(mktemp -d); cd $t; printf 'g,e\nx,1\ny,0\nx,1\n' >s1.csv; printf 'g,e\ny,1\nz,0\n' >s2.csv; disp-count -g g -e e --ledger l1 s1.csv >c1; disp-count -g g -e e --ledger l2 s2.csv >c2; disp-count --merge -g g --ledger l1 --ledger l2 c1 c2 c2; s=$?; rm -rf $t; exit $s
--- stderr
disp-count: ledgers l1, l2: total 5, the counts' total 7: the counts hold more than the ledgers account for (a shard's counts given twice, or a shard without its ledger)
disp-count: ledgers l1, l2: events 3, the counts' events 4: the counts hold more than the ledgers account for (a shard's counts given twice, or a shard without its ledger)
--- exit 1

=== merge: a failed shard's ledger fails the merge
cmd: t=$(mktemp -d); cd $t; printf 'g,e\nx,1\ny,0\nx,1\n' >s1.csv; printf 'g,e\ny,1\nz,0\n' >s2.csv; printf 'g,e\nx,1\nx,maybe\n' >bad.csv; disp-count -g g -e e --ledger l1 s1.csv >c1; disp-count -g g -e e --ledger l2 s2.csv bad.csv >c2 2>/dev/null; wc -c <c2; disp-count --merge -g g --ledger l1 --ledger l2 c1 c2; s=$?; rm -rf $t; exit $s
--- stdout
0
--- stderr
disp-count: l2:2: input 's2.csv': its run failed (exit 65): its shard's counts are missing or partial
disp-count: l2:3: input 'bad.csv': its run failed (exit 65): its shard's counts are missing or partial
disp-count: ledgers l1, l2: total 6, the counts' total 3: a shard's counts are missing or short
disp-count: ledgers l1, l2: events 4, the counts' events 2: a shard's counts are missing or short
--- exit 1

=== merge: lines of a successful run that rejected or skipped rows fail too
cmd: t=$(mktemp -d); cd $t; printf 'input,rows,counted,rejected,events,total,exit\na,5,5,2,,5,0\nb,5,4,0,,4,0\n' >L; printf 'g,total\nx,9\n' | disp-count --merge -g g --ledger L; s=$?; rm -rf $t; exit $s
--- stderr
disp-count: L:2: input 'a': 2 rows rejected
disp-count: L:3: input 'b': 4 of 5 rows counted
--- exit 1

=== merge: stdin lines are not compared (every piped shard is stdin)
cmd: t=$(mktemp -d); cd $t; printf 'g\na\n' | disp-count -g g --ledger l1 >c1; printf 'g\na\n' | disp-count -g g --ledger l2 >c2; disp-count --merge -g g --ledger l1 --ledger l2 c1 c2; s=$?; rm -rf $t; exit $s
--- stdout
g,total
a,2

=== merge: weighted shards, good and short (no events: totals only)
cmd: t=$(mktemp -d); cd $t; printf 'g,w\na,2\nb,3\n' >w1.csv; printf 'g,w\na,5\n' >w2.csv; disp-count -g g -w w --ledger l1 w1.csv >c1; disp-count -g g -w w --ledger l2 w2.csv >c2; disp-count --merge -g g --ledger l1 --ledger l2 c1 c2; disp-count --merge -g g --ledger l1 --ledger l2 c1; s=$?; rm -rf $t; exit $s
--- stdout
g,total
a,7
b,3
--- stderr
disp-count: ledgers l1, l2: total 10, the counts' total 5: a shard's counts are missing or short
--- exit 1

=== merge -f: totals only, good and short
cmd: t=$(mktemp -d); cd $t; printf 'g,x,y\na,1,0\nb,1,1\n' >f1.csv; printf 'g,x,y\na,0,0\n' >f2.csv; disp-count -g g -f x,y --ledger l1 f1.csv >c1; disp-count -g g -f x,y --ledger l2 f2.csv >c2; disp-count --merge -g g -f x,y --ledger l1 --ledger l2 c1 c2; disp-count --merge -g g -f x,y --ledger l1 --ledger l2 c2; s=$?; rm -rf $t; exit $s
--- stdout
g,x,y,total
a,1,0,2
b,1,1,1
--- stderr
disp-count: ledgers l1, l2: total 3, the counts' total 1: a shard's counts are missing or short
--- exit 1

=== merge -f of counts without a total column cannot be checked
cmd: t=$(mktemp -d); cd $t; printf 'input,rows,counted,rejected,events,total,exit\na,1,1,0,,1,0\n' >L; printf 'g,x\na,1\n' | disp-count --merge -g g -f x --ledger L; s=$?; rm -rf $t; exit $s
--- stderr
disp-count: --ledger: the counts have no total column to check the ledgers against
--- exit 65

=== merge: sums past 2^64 are exact (four ledgers of 2^63-1 each)
cmd: t=$(mktemp -d); cd $t; for i in 1 2 3 4; do printf 'input,rows,counted,rejected,events,total,exit\nf%s,1,1,0,,9223372036854775807,0\n' $i >h$i; done; printf 'g,total\na,1\n' | disp-count --merge -g g --ledger h1 --ledger h2 --ledger h3 --ledger h4; s=$?; rm -rf $t; exit $s
--- stderr
disp-count: ledgers h1, h2, h3 and 1 more: total 36893488147419103228, the counts' total 1: a shard's counts are missing or short
--- exit 1

=== merge: a file that is not a ledger
cmd: t=$(mktemp -d); cd $t; printf 'g,total\na,1\n' >c; disp-count --merge -g g --ledger c c; s=$?; rm -rf $t; exit $s
--- stderr
disp-count: c:1: not a disp-count ledger (its header is not input,rows,counted,rejected,events,total,exit)
--- exit 65

=== merge: an empty ledger (its run was killed)
cmd: t=$(mktemp -d); cd $t; : >L; printf 'g,total\na,1\n' | disp-count --merge -g g --ledger L; s=$?; rm -rf $t; exit $s
--- stderr
disp-count: L:1: not a disp-count ledger (empty: was its run killed?)
--- exit 65

=== merge: a ledger with a value that is not a count, or not an exit status
cmd: t=$(mktemp -d); cd $t; printf 'input,rows,counted,rejected,events,total,exit\na,1x,1,0,,1,0\n' >L1; printf 'input,rows,counted,rejected,events,total,exit\na,1,1,0,,1,300\n' >L2; for l in L1 L2; do printf 'g,total\na,1\n' | disp-count --merge -g g --ledger $l; echo "exit $?"; done 2>&1; rm -rf $t
--- stdout
disp-count: L1:2: column 'rows': not a non-negative integer: '1x'
exit 65
disp-count: L2:2: column 'exit': not an exit status (0 to 255): '300'
exit 65

=== merge: a ledger that cannot be read
cmd: printf 'g,total\na,1\n' | disp-count --merge -g g --ledger /nonexistent.ledger
--- stderr
disp-count: /nonexistent.ledger: No such file or directory
--- exit 66

=== the fast reader's ledger equals the strict reader's
# The fast reader (chunks on two threads, small blocks, a pipe in blocks)
# books the same lines as the strict one, also across a quoted record that
# sends it back to the strict reader.  100,000 rows g = i % 50, e = (i % 10
# < 3), w = i % 5 and one quoted row with e 1, w 2: events 10,000 x (0 + 1 +
# 2) + 2, total 20,000 x (0 + 1 + 2 + 3 + 4) + 2.
cmd: t=$(mktemp -d); cd $t; awk 'BEGIN { print "g,e,w"; for (i = 0; i < 100000; i++) { if (i == 50000) print "\"q\",1,2"; printf "%d,%d,%d\n", i % 50, i % 10 < 3, i % 5 } }' >big.csv; DISP_COUNT_READER=strict disp-count -g g -e e -w w --ledger L1 big.csv >/dev/null; cat big.csv | DISP_COUNT_BLOCK=4096 disp-count --threads 2 -g g -e e -w w --ledger L2 big.csv - >/dev/null; cat L1 L2; rm -rf $t
--- stdout
input,rows,counted,rejected,events,total,exit
big.csv,100001,100001,0,30002,200002,0
input,rows,counted,rejected,events,total,exit
big.csv,100001,100001,0,30002,200002,0
stdin,100001,100001,0,30002,200002,0

=== the fast reader's ledger of a run stopped by a bad row deep in the file
# The same with a bad flag at i = 70000: 70,001 rows counted before it
# (events 7,000 x 3 + 2, total 14,000 x 10 + 2), the bad one rejected.
cmd: t=$(mktemp -d); cd $t; awk 'BEGIN { print "g,e,w"; for (i = 0; i < 100000; i++) { if (i == 50000) print "\"q\",1,2"; if (i == 70000) print "x,maybe,1"; printf "%d,%d,%d\n", i % 50, i % 10 < 3, i % 5 } }' >big.csv; for r in strict fast; do DISP_COUNT_READER=$r DISP_COUNT_BLOCK=4096 disp-count --threads 2 -g g -e e -w w --ledger L big.csv; echo "exit $?"; cat L; done 2>&1; rm -rf $t
--- stdout
disp-count: big.csv:70003: column 'e': not an event flag (1/0, true/false, yes/no): 'maybe'
exit 65
input,rows,counted,rejected,events,total,exit
big.csv,70002,70001,1,21002,140002,65
disp-count: big.csv:70003: column 'e': not an event flag (1/0, true/false, yes/no): 'maybe'
exit 65
input,rows,counted,rejected,events,total,exit
big.csv,70002,70001,1,21002,140002,65
