# disp-adjust: expected values from R 4.2's p.adjust on the same p-values
# (shown in each case's name or comment); the accuracy suite holds every
# method to R on 1,495 values (fixtures/refs/adjust.csv).

=== holm, hochberg, hommel, bh, by on one family (R: p.adjust(c(0.01, 0.04, 0.03, 0.005), m))
cmd: for m in holm bonferroni hochberg hommel bh by; do printf 'p\n0.01\n0.04\n0.03\n0.005\n' | disp-adjust -m $m | tail -n +2 | paste -sd' '; done
--- stdout
0.01,0.03 0.04,0.06 0.03,0.06 0.005,0.02
0.01,0.04 0.04,0.16 0.03,0.12 0.005,0.02
0.01,0.03 0.04,0.04 0.03,0.04 0.005,0.02
0.01,0.03 0.04,0.04 0.03,0.04 0.005,0.02
0.01,0.02 0.04,0.04 0.03,0.04 0.005,0.02
0.01,0.0416667 0.04,0.0833333 0.03,0.0833333 0.005,0.0416667

=== ties and p = 1 (R: p.adjust(c(0.02, 0.02, 1, 0.02), "holm") = 0.08 0.08 1 0.08)
cmd: printf 'p\n0.02\n0.02\n1\n0.02\n' | disp-adjust
--- stdout
p,p_adj
0.02,0.08
0.02,0.08
1,1
0.02,0.08

=== empty cells pass through and do not count; nan stays nan
cmd: printf 'g,p\nref,\na,0.01\nb,nan\nc,0.04\n' | disp-adjust -m bonferroni
--- stdout
g,p,p_adj
ref,,
a,0.01,0.02
b,nan,nan
c,0.04,0.08

=== all p empty: nothing to adjust, every cell empty
cmd: printf 'g,p\na,\nb,\n' | disp-adjust
--- stdout
g,p,p_adj
a,,
b,,

=== a single test is its own adjustment
cmd: printf 'p\n0.03\n' | disp-adjust -m hommel
--- stdout
p,p_adj
0.03,0.03

=== families by two columns; other columns pass through byte for byte (quoted as needed)
cmd: printf 'y,f,"name, long",p\n1,a,"x, y",0.01\n1,b,z,0.02\n1,a,w,0.03\n2,a,v,0.04\n' | disp-adjust --group-by y,f -m bonferroni --name padj
--- stdout
y,f,"name, long",p,padj
1,a,"x, y",0.01,0.02
1,b,z,0.02,0.02
1,a,w,0.03,0.06
2,a,v,0.04,0.04

=== bad p cells are errors naming line and value
cmd: for v in 1.5 -0.1 x; do printf 'p\n0.1\n%s\n' "$v" | disp-adjust; echo "exit $?"; done 2>&1
--- stdout
disp-adjust: stdin:3: column 'p': not a p-value (a number in [0, 1], nan, or empty): '1.5'
exit 65
disp-adjust: stdin:3: column 'p': not a p-value (a number in [0, 1], nan, or empty): '-0.1'
exit 65
disp-adjust: stdin:3: column 'p': not a p-value (a number in [0, 1], nan, or empty): 'x'
exit 65

=== the added name must be new; an unknown method lists the methods
cmd: printf 'p,p_adj\n0.1,0.2\n' | disp-adjust; echo "exit $?"; printf 'p\n0.1\n' | disp-adjust -m fdr; echo "exit $?"
--- stdout
exit 65
exit 64
--- stderr
disp-adjust: stdin:1: column 'p_adj': is already a column (choose another with --name)
disp-adjust: unknown method for --method: 'fdr' (methods: holm, bonferroni, hochberg, hommel, bh, by)
Try 'disp-adjust --help' for more information.

=== disp-rate --adjust equals disp-adjust on its output, and --adjust-ci bonferroni widens to level 1 - 0.05/4
cmd: disp-rate -r White -e arrests -n searches --digits 17 fixtures/stop-search-2016-17.csv | disp-adjust -m hommel --digits 17 | cut -d, -f12 > /tmp/disp-adj-a.$$; disp-rate -r White -e arrests -n searches --adjust hommel --digits 17 fixtures/stop-search-2016-17.csv | cut -d, -f12 > /tmp/disp-adj-b.$$; cmp /tmp/disp-adj-a.$$ /tmp/disp-adj-b.$$ && echo same; disp-rate -r White -e arrests -n searches --adjust bonferroni --adjust-ci bonferroni fixtures/stop-search-2016-17.csv | sed -n 4p | cut -d, -f9,10; disp-rate -r White -e arrests -n searches -l 0.9875 fixtures/stop-search-2016-17.csv | sed -n 4p | cut -d, -f9,10; rm -f /tmp/disp-adj-a.$$ /tmp/disp-adj-b.$$
--- stdout
same
0.975289,1.04875
0.975289,1.04875

=== every number disp-adjust writes reads back
cmd: disp-rate -r White -e arrests -n searches fixtures/stop-search-2016-17.csv | disp-adjust -m by | roundtrip 6 ethnicity ref
--- stdout
50 cells read back
