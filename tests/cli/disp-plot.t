# disp-plot: the scripts it writes and the images gnuplot draws from them.
# The small table throughout is disp-rate's output for A 10/50 against B
# 20/200 (rr 2, Koopman interval 0.995209 to 3.87433, Fisher p 0.0847),
# whose numbers the script must carry as they are.

=== the script for a small table, whole: terminal, axes, labels, data, plot
cmd: printf 'g,events,total\nA,10,50\nB,20,200\n' | disp-rate -r B | disp-plot forest
--- stdout
# disp-plot: a chart of a disparity table, data inline; run it with gnuplot.
set terminal pngcairo size 900,220 font "DejaVu Sans,11" noenhanced
set title "rr against B, with intervals"
set xlabel "rr (log scale)"
unset key
set border 1
set grid xtics lc rgb "#dddddd"
set logscale x
set xtics ("1" 1, "1.5" 1.5, "2" 2, "3" 3) nomirror
set xrange [0.892671582692475:4.31935793602865]
set yrange [0.4:2.6]
set y2range [0.4:2.6]
set ytics scale 0 nomirror ("A" 2, "B" 1)
set y2tics scale 0 nomirror ("2.00 [0.995, 3.87]  p 0.085" 2, "1.00 (reference)" 1)
set arrow 1 from 1, graph 0 to 1, graph 1 nohead dt 2 lc rgb "#555555"
$bars << EOD
2 2 0.995209 3.87433
EOD
$arrows << EOD
EOD
$faint << EOD
EOD
$ref << EOD
1 1
EOD
$claims << EOD
EOD
plot $bars using 1:2:3:4 with xerrorbars pt 7 ps 1.2 lw 2 lc rgb "#0072B2", \
     $ref using 1:2 with points pt 6 ps 1.6 lw 2 lc rgb "#D55E00"

=== byte-stable: the same input gives the same script
cmd: for i in 1 2; do disp-rate -r White -e arrests -n searches fixtures/stop-search-2016-17.csv | disp-plot forest > /tmp/disp-plot-s$i.$$; done; cmp /tmp/disp-plot-s1.$$ /tmp/disp-plot-s2.$$ && echo same; rm -f /tmp/disp-plot-s1.$$ /tmp/disp-plot-s2.$$
--- stdout
same

=== rr 0 (no events in B, C, D against E's 3 of 100): an arrow from the upper bound to the left edge, no point
cmd: printf 'g,events,total\nA,5,40\nB,0,100\nC,0,30\nD,0,10\nE,3,100\n' | disp-rate -r E | disp-plot forest | sed -n '/^\$arrows/,/^EOD/p;/^\$faint/,/^EOD/p' | cut -d' ' -f1,2 | sed 's/\.[0-9]*//'
--- stdout
$arrows <<
1 4
4 3
10 2
EOD
$faint <<
EOD

=== a reference with no events: A's ratio infinite (an arrow from its lower bound to the right edge), C's undefined (faint arrows both ways from 1)
cmd: printf 'g,events,total\nA,5,40\nB,0,100\nC,0,30\n' | disp-rate -r B | disp-plot forest | sed -n '/^\$arrows/,/^EOD/p;/^\$faint/,/^EOD/p;/y2tics/p' | cut -c1-60
--- stdout
set y2tics scale 0 nomirror ("inf [3.33, inf]  p 0.0016" 3, 
$arrows << EOD
3.32698 3 1.11260357281808 0
EOD
$faint << EOD
1 1 -0.250609894952792 0
1 1 3.43958357281808 0
EOD

=== differences on a linear axis with the null at 0; rates from 0 with the reference as a line
cmd: printf 'g,events,total\nA,10,50\nB,20,200\n' | disp-rate -r B --diff newcombe | disp-plot forest -c rd | grep -E 'logscale|arrow 1|xlabel'; printf 'g,events,total\nA,10,50\nB,20,200\n' | disp-rate -r B | disp-plot rates --per 100 | grep -E 'xrange|arrow 1|xlabel'
--- stdout
set xlabel "rd"
set arrow 1 from 0, graph 0 to 0, graph 1 nohead dt 2 lc rgb "#555555"
set xlabel "rate per 100"
set xrange [0:35.1547048]
set arrow 1 from 10, graph 0 to 10, graph 1 nohead dt 2 lc rgb "#D55E00"

=== long names take more lines, never a cut; quotes and control characters are escaped
cmd: printf 'g,events,total\n"An extremely long group name that would crowd the chart",1,10\n"say ""x""\033",2,10\nR,3,30\n' | disp-rate -r R | disp-plot forest | grep '^set ytics'
--- stdout
set ytics scale 0 nomirror ("An extremely long group name\nthat would crowd the chart" 3, "say \"x\"\\x1B" 2, "R" 1)

=== --claim: published values from disp-check, on the forest's scale (pct_more 37% is rr 1.37)
cmd: printf 'id,kind,group,ref,value\nb,pct_more,Black,White,37%% more likely\nm,rr,Mixed,White,1.3\n' | disp-check -c fixtures/stop-search-2016-17.csv -e arrests -n searches > /tmp/disp-plot-c.$$; disp-rate -r White -e arrests -n searches fixtures/stop-search-2016-17.csv | disp-plot forest --claim /tmp/disp-plot-c.$$ | sed -n '/^\$claims/,/^EOD/p'; rm -f /tmp/disp-plot-c.$$
--- stdout
$claims << EOD
1.37 5.25
1.3 2.25
EOD

=== gnuplot draws it: PNG and SVG files, whose SVG holds the labels and numbers (Black's rr 1.37 [1.35, 1.40], its rate 0.220 [0.216, 0.223])
cmd: t=/tmp/disp-plot-r.$$; for k in forest rates; do disp-rate -r White -e arrests -n searches fixtures/stop-search-2016-17.csv | disp-plot $k -o $t.$k.png && disp-rate -r White -e arrests -n searches fixtures/stop-search-2016-17.csv | disp-plot $k -o $t.$k.svg || exit 1; head -c 8 $t.$k.png | od -An -c | tr -s ' '; [ $(wc -c < $t.$k.png) -gt 8000 ] && echo "$k png: large enough"; if [ $k = forest ]; then n='1.37 \[1.35, 1.40\]'; else n='0.220 \[0.216, 0.223\]'; fi; for w in Black Asian Mixed Other White "$n"; do grep -q "$w" $t.$k.svg && echo "$k svg: $w"; done; done; rm -f $t.*
--- stdout
 211 P N G \r \n 032 \n
forest png: large enough
forest svg: Black
forest svg: Asian
forest svg: Mixed
forest svg: Other
forest svg: White
forest svg: 1.37 \[1.35, 1.40\]
 211 P N G \r \n 032 \n
rates png: large enough
rates svg: Black
rates svg: Asian
rates svg: Mixed
rates svg: Other
rates svg: White
rates svg: 0.220 \[0.216, 0.223\]

=== -o picks the format from the extension; a PDF too; an unknown extension is a usage error
cmd: disp-rate -r White -e arrests -n searches fixtures/stop-search-2016-17.csv | disp-plot forest -o /tmp/disp-plot-p.$$.pdf && head -c 4 /tmp/disp-plot-p.$$.pdf; echo; rm -f /tmp/disp-plot-p.$$.pdf; disp-plot forest -o chart.gif </dev/null; echo "exit $?"
--- stdout
%PDF
exit 64
--- stderr
disp-plot: -o takes a .png, .svg or .pdf file: 'chart.gif'
Try 'disp-plot --help' for more information.

=== gnuplot missing is exit 69; gnuplot failing is exit 70 with its message
cmd: p=$(command -v disp-plot); printf 'g,events,total\nA,1,2\nB,1,2\n' | disp-rate -r B > /tmp/disp-plot-g.$$; PATH=/nonexistent "$p" forest -o /tmp/x.png /tmp/disp-plot-g.$$ 2>&1; echo "exit $?"; "$p" forest -o /nonexistent/dir/x.png /tmp/disp-plot-g.$$ 2>/dev/null; echo "exit $?"; rm -f /tmp/disp-plot-g.$$
--- stdout
disp-plot: gnuplot is not installed (Debian: apt-get install gnuplot-nox); without -o the script is written to stdout
exit 69
exit 70

=== a table without the columns a chart needs, or with a bad number, is bad data
cmd: printf 'g,x\nA,1\n' | disp-plot forest; echo "exit $?"; printf 'g,rr,rr_lo,rr_hi\nA,1x,1,2\n' | disp-plot forest; echo "exit $?"; printf 'g,rr,rr_lo,rr_hi\n' | disp-plot forest; echo "exit $?"; disp-plot pie </dev/null; echo "exit $?"
--- stdout
exit 65
exit 65
exit 65
exit 64
--- stderr
disp-plot: stdin:1: unknown column 'rr' (columns: g, x)
disp-plot: stdin:2: column 'rr': not a number (or inf, nan, empty): '1x'
disp-plot: no rows to draw
disp-plot: unknown chart 'pie' (forest, rates, stages)
Try 'disp-plot --help' for more information.

=== stages: each group's rr along the stages, a line per group, the reference left out; Asian's rr 0 at dismissed (0 of 6) an arrow down from its upper bound 2.07674
cmd: printf 'g,complaints,upheld,hearing,dismissed\nBlack,100,30,8,3\nWhite,200,40,8,2\nAsian,80,20,6,0\n' | disp-stages -s complaints,upheld,hearing,dismissed -r White | disp-plot stages | sed -n '/^\$g1/,/^EOD/p;/^\$a1/,/^EOD/p' | cut -d' ' -f1-3; printf 'g,complaints,upheld,hearing,dismissed\nBlack,100,30,8,3\nWhite,200,40,8,2\nAsian,80,20,6,0\n' | disp-stages -s complaints,upheld,hearing,dismissed -r White | disp-plot stages | grep -c yerrorlines
--- stdout
$g1 << EOD
1.06 1.25 0.775427
2.06 1.5 0.601885

EOD
$a1 << EOD
3.06 2.07674 0
EOD
2

=== stages renders with gnuplot; its SVG names the groups and the stages
cmd: printf 'g,complaints,upheld,hearing,dismissed\nBlack,100,30,8,3\nWhite,200,40,8,2\nAsian,80,20,6,0\n' | disp-stages -s complaints,upheld,hearing,dismissed -r White | disp-plot stages -c cum_rr -o /tmp/disp-plot-st.$$.svg && for w in Black Asian upheld hearing dismissed cum_rr; do grep -q "$w" /tmp/disp-plot-st.$$.svg && echo "$w"; done; rm -f /tmp/disp-plot-st.$$.svg
--- stdout
Black
Asian
upheld
hearing
dismissed
cum_rr
