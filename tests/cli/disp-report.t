# disp-report: the folder it writes and what its page says.  The numbers in
# the sentences are disp-rate's (tested there); what is tested here is that
# they reach the page as they are, in the words the man page promises.

=== the folder: the page, the CSV it was made from, the charts
cmd: d=/tmp/disp-report-t.$$; disp-report -e arrests -n searches -r White -o $d fixtures/stop-search-2016-17.csv | sed "s|$d|DIR|"; ls $d; cmp $d/counts.csv fixtures/stop-search-2016-17.csv && echo counts kept; head -c 5 $d/forest.svg; echo; rm -rf $d
--- stdout
DIR/index.html
counts.csv
forest.svg
index.html
rates.csv
rates.svg
test.csv
counts kept
<?xml

=== one sentence per group; a difference whose interval includes 1 is "not distinguishable", never a disparity
cmd: d=/tmp/disp-report-t.$$; disp-report -e arrests -n searches -r White -o $d fixtures/stop-search-2016-17.csv >/dev/null; sed -n 's/<li><strong>\(.*\)<\/strong>: \(.*\)<\/li>/\1: \2/p' $d/index.html; rm -rf $d
--- stdout
Black: 1.37 times the White rate (95% CI 1.35 to 1.40), p &lt; 0.001, Holm-adjusted.
Asian: 1.01 times the White rate (95% CI 0.983 to 1.04), p = 0.62, Holm-adjusted: not distinguishable from the White rate at the 95% level.
Mixed: 1.28 times the White rate (95% CI 1.23 to 1.33), p &lt; 0.001, Holm-adjusted.
Other: 0.967 times the White rate (95% CI 0.907 to 1.03), p = 0.62, Holm-adjusted: not distinguishable from the White rate at the 95% level.

=== no events in the reference, or none anywhere: the sentence says there is no ratio
cmd: d=/tmp/disp-report-t.$$; printf 'g,events,total\nA,5,40\nB,0,100\nC,0,30\n' > $d.csv; disp-report -r B -o $d $d.csv >/dev/null; sed -n 's/<li><strong>\(.*\)<\/strong>: \(.*\)<\/li>/\1: \2/p' $d/index.html; rm -rf $d $d.csv
--- stdout
A: the B group had no events, so no finite ratio can be given.
C: no rate ratio can be given (no events in either group, or no one in the group).

=== names are escaped for HTML; the methods are cited; gnuplot's own titles are left out
cmd: d=/tmp/disp-report-t.$$; printf 'g,events,total\n"A<b>&c",5,40\nR,10,100\n' > $d.csv; disp-report -r R --adjust bonferroni -o $d $d.csv >/dev/null; grep -o '<strong>A[^<]*</strong>' $d/index.html | head -1; grep -c 'Koopman PAR (1984)' $d/index.html; grep -o 'Bonferroni-adjusted' $d/index.html | head -1; grep -c '<title>Gnuplot' $d/index.html; rm -rf $d $d.csv
--- stdout
<strong>A&lt;b&gt;&amp;c</strong>
1
Bonferroni-adjusted
0

=== record-level input, counted first
cmd: d=/tmp/disp-report-t.$$; disp-report --records -g group -e dismissed -r White -o $d fixtures/example-records.csv >/dev/null; cat $d/counts.csv; grep -c '<li><strong>' $d/index.html; rm -rf $d
--- stdout
group,events,total
Asian,1,4
Black,4,10
Mixed,1,6
White,3,20
3

=== errors: a missing input, bad counts (disp-rate's message and status), --records without -g
cmd: d=/tmp/disp-report-t.$$; disp-report -o $d /nonexistent.csv; echo "exit $?"; printf 'g,events,total\nA,5,4\n' > $d.csv; disp-report -o $d $d.csv 2>&1 | sed "s|$d|DIR|" >&2; disp-report -o $d $d.csv 2>/dev/null; echo "exit $?"; disp-report --records $d.csv; echo "exit $?"; rm -rf $d $d.csv
--- stdout
exit 66
exit 65
exit 64
--- stderr
disp-report: /nonexistent.csv: No such file or directory
disp-rate: DIR/counts.csv:2: column 'events': events exceed total: '5'
disp-report: --records needs -g COL and -e COL (or COL=VALUE)
Try 'disp-report --help' for more information.
