# Golden tests for disp-count.  Expected counts are counted by hand from the
# small inputs shown.

=== count rows per group, sorted bytewise (B < a < ab), empty group kept
cmd: disp-count -g g
--- stdin
g,x
a,1
B,2
ab,3
a,4
,5
--- stdout
g,total
,1
B,1
a,2
ab,1

=== boolean event flags in any case
cmd: disp-count -g g -e ev
--- stdin
g,ev
a,1
a,true
a,YES
a,no
b,0
b,False
b,yes
--- stdout
g,events,total
a,3,4
b,1,3

=== event by value, two group columns, weights
cmd: disp-count -g sex,eth -e outcome=dismissed -w n
--- stdin
sex,eth,outcome,n
F,Black,dismissed,2
F,Black,retained,3
M,White,dismissed,1
F,Black,dismissed,5
M,White,retained,0
--- stdout
sex,eth,events,total
F,Black,7,10
M,White,1,1

=== event value split at the first '='
cmd: disp-count -g g -e 'v=a=b'
--- stdin
g,v
x,a=b
x,a
--- stdout
g,events,total
x,1,2

=== merge sums counts with the same key
cmd: disp-count --merge -g g
--- stdin
g,events,total
b,1,4
a,2,3
b,0,6
--- stdout
g,events,total
a,2,3
b,1,10

=== quoted values with commas, quotes and newlines are re-quoted
cmd: disp-count -g g
--- stdin
g
"x, y"
"say ""hi"""
"two
lines"
"x, y"
--- stdout
g,total
"say ""hi""",1
"two
lines",1
"x, y",2

=== a lone empty field is written as "" so it is not a blank line
cmd: disp-count -g g -e e | cut -c1-2
--- stdin
g,e
,1
--- stdout
g,
,1

=== CRLF and a byte-order mark
cmd: disp-count -g g
--- stdin escaped noeol
\xEF\xBB\xBFg,x\r\na,1\r\nb,2\r\na,3\r\n
--- stdout
g,total
a,2
b,1

=== TSV in and out
cmd: disp-count -t -g g -e e
--- stdin escaped noeol
g\te\na\t1\na\t0\n
--- stdout escaped noeol
g\tevents\ttotal\na\t1\t2\n

=== several files and stdin as -
cmd: printf 'g\nb\n' > /tmp/disp-count-t1.csv; printf 'g\na\nb\n' | disp-count -g g - /tmp/disp-count-t1.csv; rm -f /tmp/disp-count-t1.csv
--- stdout
g,total
a,1
b,2

=== empty input writes the header
cmd: disp-count -g g -e e
--- stdout
g,events,total

=== counting equals merging the counts of any split (property)
cmd: sh tests/prop/merge-split.sh

=== unknown column
cmd: disp-count -g grp
--- stdin
g,e
a,1
--- stderr
disp-count: stdin:1: unknown column 'grp' (columns: g, e)
--- exit 65

=== bad event flag
cmd: disp-count -g g -e e
--- stdin
g,e
a,1
a,maybe
--- stderr
disp-count: stdin:3: column 'e': not an event flag (1/0, true/false, yes/no): 'maybe'
--- exit 65

=== bad weights
cmd: for w in 1x -1 ''; do printf 'g,w\na,%s\n' "$w" | disp-count -g g -w w; echo "exit $?"; done 2>&1
--- stdout
disp-count: stdin:2: column 'w': not a non-negative integer: '1x'
exit 65
disp-count: stdin:2: column 'w': not a non-negative integer (negative): '-1'
exit 65
disp-count: stdin:2: column 'w': not a non-negative integer (empty): ''
exit 65

=== count overflow is an error, never a wrap
cmd: disp-count -g g -w w
--- stdin
g,w
a,9223372036854775807
a,1
--- stderr
disp-count: stdin:3: column 'w': count overflow: the group's sum passes 2^63-1: '1'
--- exit 65

=== merge: events above total
cmd: disp-count --merge -g g
--- stdin
g,events,total
a,5,4
--- stderr
disp-count: stdin:2: column 'events': events exceed total: '5'
--- exit 65

=== ragged row
cmd: disp-count -g g
--- stdin
g,e
a
--- stderr
disp-count: stdin:2: expected 2 fields as in the header, found 1
--- exit 65

=== unterminated quote
cmd: disp-count -g g
--- stdin
g
"a
--- stderr
disp-count: stdin:2: unterminated quoted field
--- exit 65

=== different headers
cmd: printf 'h\nb\n' > /tmp/disp-count-t2.csv; printf 'g\na\n' | disp-count -g g - /tmp/disp-count-t2.csv; s=$?; rm -f /tmp/disp-count-t2.csv; exit $s
--- stderr
disp-count: /tmp/disp-count-t2.csv:1: header differs from that of: 'stdin'
--- exit 65

=== missing file
cmd: disp-count -g g /nonexistent.csv
--- stderr
disp-count: /nonexistent.csv: No such file or directory
--- exit 66

=== write error
cmd: disp-count -g group fixtures/example-records.csv > /dev/full
--- stderr
disp-count: write error: No space left on device
--- exit 74

=== missing -g
cmd: disp-count
--- stderr
disp-count: -g COL is required
Try 'disp-count --help' for more information.
--- exit 64

=== -e with --merge
cmd: disp-count --merge -g g -e e
--- stderr
disp-count: --merge reads the events and total columns; -e and -w do not apply
Try 'disp-count --help' for more information.
--- exit 64

=== unknown option
cmd: disp-count -x
--- stderr
disp-count: unknown option '-x'
Try 'disp-count --help' for more information.
--- exit 64

=== --help
cmd: disp-count --help | head -1
--- stdout
Usage: disp-count -g COL[,COL...] [-e COL | -e COL=VALUE | -f COL,COL...] [-w COL] [--merge]

=== --version
cmd: disp-count --version
--- stdout
disp-count (disparity) 0.1.0

=== -f: one count per flag column, between the group columns and total (counted by hand)
cmd: disp-count -g g -f alleged,dismissed
--- stdin
g,alleged,dismissed
b,1,0
a,yes,TRUE
a,0,no
b,1,1
b,False,0
--- stdout
g,alleged,dismissed,total
a,1,1,2
b,2,1,3

=== -f with weights: a flagged row counts its weight
cmd: disp-count -g g -f alleged,dismissed -w n
--- stdin
g,alleged,dismissed,n
a,1,1,3
a,1,0,2
a,0,0,5
b,1,0,0
--- stdout
g,alleged,dismissed,total
a,5,3,10
b,0,0,0

=== --merge -f sums the flag counts and total; counting equals merging the counts of a split
cmd: t=$(mktemp -d); printf 'g,x,y\na,1,0\nb,1,1\na,1,1\nb,0,0\na,0,0\n' >$t/all; (head -3 $t/all; ) >$t/1; (head -1 $t/all; tail -n +4 $t/all) >$t/2; disp-count -g g -f x,y $t/all; disp-count -g g -f x,y $t/1 >$t/c1; disp-count -g g -f x,y $t/2 >$t/c2; disp-count --merge -g g -f x,y $t/c1 $t/c2; rm -rf $t
--- stdout
g,x,y,total
a,2,1,3
b,1,1,2
g,x,y,total
a,2,1,3
b,1,1,2

=== --merge -f of stage counts without a total column
cmd: disp-count --merge -g g -f a,b
--- stdin
g,a,b
x,10,4
y,3,1
x,5,5
--- stdout
g,a,b
x,15,9
y,3,1

=== -f: a value that is not a flag names row, column and value
cmd: disp-count -g g -f a,b
--- stdin
g,a,b
x,1,2
--- stderr
disp-count: stdin:2: column 'b': not an event flag (1/0, true/false, yes/no): '2'
--- exit 65

=== -f and -e do not go together
cmd: disp-count -g g -f a -e b
--- stderr
disp-count: -e and -f do not go together (-f counts each flag column)
Try 'disp-count --help' for more information.
--- exit 64

=== -f with an empty column name
cmd: disp-count -g g -f a,
--- stderr
disp-count: -f: an empty column name
Try 'disp-count --help' for more information.
--- exit 64

=== -f on empty input writes the header
cmd: disp-count -g g -f a,b
--- stdout
g,a,b,total

=== -f: an unknown flag column lists the columns
cmd: disp-count -g g -f a,c
--- stdin
g,a,b
x,1,0
--- stderr
disp-count: stdin:1: unknown column 'c' (columns: g, a, b)
--- exit 65

=== --threads takes 1 to 64
cmd: disp-count --threads 0 -g g
--- stderr
disp-count: --threads: not a number of threads from 1 to 64: '0'
Try 'disp-count --help' for more information.
--- exit 64

=== DISP_COUNT_BLOCK must be a size
cmd: DISP_COUNT_BLOCK=0 disp-count -g g
--- stderr
disp-count: DISP_COUNT_BLOCK: not a block size from 1 to 2^30 bytes: '0'
Try 'disp-count --help' for more information.
--- exit 64

=== a lone CR mid-pipe: the fast reader hands the rest to the strict one, which reads it as a line end
cmd: DISP_COUNT_BLOCK=4 disp-count --threads 2 -g g -e e
--- stdin escaped
g,e\na,1\nb,0\r\na,1\rb,1\n
--- stdout
g,events,total
a,2,2
b,1,2

=== the same in a file cut into chunks of a few bytes
cmd: cd "$(mktemp -d)" && printf 'g,e\na,1\nb,0\r\na,1\rb,1\n' >in.csv && DISP_COUNT_BLOCK=1 disp-count --threads 3 -g g -e e in.csv
--- stdout
g,events,total
a,2,2
b,1,2

=== quoted fields with line ends across block and chunk boundaries
cmd: cd "$(mktemp -d)" && printf 'g,e\n"a\nb",1\n"a\nb",0\n"c""",1\n' >in.csv && DISP_COUNT_BLOCK=3 disp-count --threads 4 -g g -e e in.csv && DISP_COUNT_BLOCK=3 disp-count --threads 4 -g g -e e <in.csv && cat in.csv | DISP_COUNT_BLOCK=3 disp-count --threads 4 -g g -e e
--- stdout
g,events,total
"a
b",1,2
"c""",1,1
g,events,total
"a
b",1,2
"c""",1,1
g,events,total
"a
b",1,2
"c""",1,1

=== an overflow in a later chunk is reported on its own row
cmd: cd "$(mktemp -d)" && printf 'g,w\na,1\nb,2\na,9223372036854775806\nb,3\na,1\n' >in.csv && DISP_COUNT_BLOCK=1 disp-count --threads 4 -g g -w w in.csv
--- stderr
disp-count: in.csv:6: column 'w': count overflow: the group's sum passes 2^63-1: '1'
--- exit 65

=== a bad flag far into a pipe is named by its line
cmd: (printf 'g,e\n'; i=0; while [ $i -lt 3000 ]; do echo a,1; i=$((i+1)); done; echo a,maybe; echo b,1) | DISP_COUNT_BLOCK=100 disp-count --threads 2 -g g -e e
--- stderr
disp-count: stdin:3002: column 'e': not an event flag (1/0, true/false, yes/no): 'maybe'
--- exit 65
