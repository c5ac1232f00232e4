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
disp-plot: unknown chart 'pie' (forest, rates, stages, funnel)
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

=== stages renders with gnuplot: a PNG, and an SVG that names the groups and the stages
cmd: t=/tmp/disp-plot-st.$$; for e in svg png; do printf 'g,complaints,upheld,hearing,dismissed\nBlack,100,30,8,3\nWhite,200,40,8,2\nAsian,80,20,6,0\n' | disp-stages -s complaints,upheld,hearing,dismissed -r White | disp-plot stages -c cum_rr -o $t.$e || exit 1; done; head -c 8 $t.png | od -An -c | tr -s ' '; [ $(wc -c < $t.png) -gt 8000 ] && echo "png: large enough"; for w in Black Asian upheld hearing dismissed cum_rr; do grep -q "$w" $t.svg && echo "$w"; done; rm -f $t.svg $t.png
--- stdout
 211 P N G \r \n 032 \n
png: large enough
Black
Asian
upheld
hearing
dismissed
cum_rr

=== funnel: a unit table's points by the widest level they are outside (A only at 95%, B and E at 99.8%, D within), labels by smallest p, the curves through the units' limits in order of size, a unit of total 0 named in the title and not drawn
cmd: printf 'unit,events,total,rate,target,z,p,lo_95,hi_95,out_95,lo_99.8,hi_99.8,out_99.8,phi,tau2,overdispersion,method\nA,30,100,0.3,0.2,2.5,0.012,0.13,0.28,1,0.1,0.31,0,1.5,0.001,none,exact\nB,2,50,0.04,0.2,-2.8,0.004,0.1,0.32,-1,0.06,0.36,-1,1.5,0.001,none,exact\nC,0,0,nan,0.2,nan,nan,,,,,,,1.5,0.001,none,exact\nD,41,200,0.205,0.2,0.18,0.86,0.15,0.26,0,0.13,0.28,0,1.5,0.001,none,exact\nE,90,300,0.3,0.2,4.3,1e-5,0.16,0.25,1,0.14,0.27,1,1.5,0.001,none,exact\n' | disp-plot funnel | sed -n '/^set title/p;/^\$/,/^EOD/p'
--- stdout
set title "rate of each unit against the target 0.200 (exact limits; no\nover-dispersion); not drawn: 1 with total 0"
$limits << EOD
50 0.1 0.32 0.06 0.36
100 0.13 0.28 0.1 0.31
200 0.15 0.26 0.13 0.28
300 0.16 0.25 0.14 0.27
EOD
$out0 << EOD
200 0.205
EOD
$out1 << EOD
100 0.3
EOD
$out2 << EOD
50 0.04
300 0.3
EOD
$labels << EOD
300 0.3 "E"
50 0.04 "B"
100 0.3 "A"
EOD

=== funnel: stop and search by ethnicity through disp-funnel (arrest rates 11982/54532 = 0.219724 ... against 44335/266153 = 0.174092, every group outside 99.8%); --limits draws disp-funnel's curves (200 sizes from 5259 to 167229), --per scales rates and the target, over-dispersion is in the title
cmd: f=fixtures/stop-search-2016-17.csv; l=/tmp/disp-plot-l.$$; disp-funnel -e arrests -n searches --limits $f > $l; disp-funnel -e arrests -n searches $f | disp-plot funnel --limits $l --per 100 | sed -n '/^\$out2/,/^EOD/p;/^set title/p;/^plot/p'; disp-funnel -e arrests -n searches $f | disp-plot funnel --limits $l | sed -n '/^\$limits/,/^EOD/p' | sed '1d;$d' | sed -n '1p;$p;$='; disp-funnel -e arrests -n searches --overdispersion multiplicative $f | disp-plot funnel | grep '^set title'; rm -f $l
--- stdout
set title "rate of each ethnicity against the target 17.4 (exact limits; no\nover-dispersion)"
$out2 << EOD
54532 21.9724
167229 16.005
28768 16.1881
10365 20.4245
5259 15.4782
EOD
plot 17.4092 with lines lw 2 lc rgb "#000000" title "target 17.4", \
5259 0.163806 0.184494 0.158018 0.190519
167229 0.172273 0.175914 0.171229 0.176966
200
set title "rate of each ethnicity against the target 0.174 (exact limits;\nmultiplicative over-dispersion, phi 226)"

=== funnel: gnuplot draws it, a PNG and an SVG that names the units and the levels
cmd: t=/tmp/disp-plot-f.$$; disp-funnel -e arrests -n searches fixtures/stop-search-2016-17.csv | disp-plot funnel -o $t.svg && disp-funnel -e arrests -n searches fixtures/stop-search-2016-17.csv | disp-plot funnel -o $t.png && head -c 8 $t.png | od -An -c | tr -s ' '; [ $(wc -c < $t.png) -gt 8000 ] && echo "png: large enough"; for w in Black White Asian Mixed Other '95% limits' '99.8% limits' 'target 0.174' 'outside 99.8% (5)'; do grep -q "$w" $t.svg && echo "svg: $w"; done; rm -f $t.svg $t.png
--- stdout
 211 P N G \r \n 032 \n
png: large enough
svg: Black
svg: White
svg: Asian
svg: Mixed
svg: Other
svg: 95% limits
svg: 99.8% limits
svg: target 0.174
svg: outside 99.8% (5)

=== funnel: a table that is not disp-funnel's, a limits table without a level of the units', a cell that is not a number, and options of other charts are errors
cmd: f=$PWD/fixtures/stop-search-2016-17.csv; d=$(mktemp -d); cd $d; printf 'g,rr,rr_lo,rr_hi\nA,1,0.5,2\n' | disp-plot funnel; echo "exit $?"; disp-funnel -e arrests -n searches --limits --levels 0.9 $f > l.csv; disp-funnel -e arrests -n searches $f | disp-plot funnel --limits l.csv; echo "exit $?"; printf 'unit,total,rate,target,lo_95,hi_95,out_95\nA,10,0.x,0.2,0.1,0.3,0\n' | disp-plot funnel; echo "exit $?"; cd /; rm -rf $d; disp-plot forest --limits x /dev/null 2>&1 | head -1; disp-plot funnel -c rr /dev/null 2>&1 | head -1
--- stdout
exit 65
exit 65
exit 65
disp-plot: --limits is for funnel charts
disp-plot: -c is not for funnel charts
--- stderr
disp-plot: stdin:1: no column 'total' or 'expected': a funnel chart draws disp-funnel's output
disp-plot: l.csv:1: unknown column 'lo_95' (columns: total, target, lo_90, hi_90, phi, tau2, overdispersion, method)
disp-plot: stdin:2: column 'rate': not a number (or inf, nan, empty): '0.x'

=== one-sided bounds (disp-rate --alternative): the title says which, never "intervals"
cmd: f='g,events,total\nA,10,50\nB,20,200\n'; printf "$f" | disp-rate -r B --alternative greater | disp-plot forest | grep '^set title'; printf "$f" | disp-rate -r B --alternative less | disp-plot rates | grep '^set title'; printf "$f" | disp-rate -r B --alternative two-sided | disp-plot forest | grep '^set title'; printf 'g,rr,rr_lo,rr_hi,alternative\nA,2,1.1,inf,greater\nC,0.5,0,0.9,less\nB,1,,,\n' | disp-plot forest | grep '^set title'
--- stdout
set title "rr against B, with one-sided lower bounds"
set title "rate by group, with one-sided upper bounds; dashed: B"
set title "rr against B, with intervals"
set title "rr against the reference, with one-sided bounds"

=== values near the ends of the doubles: the axis stays finite (fuzz_disp_plot: an infinite range was cast to int), a power of ten every few decades
cmd: printf 'g,rr,rr_lo,rr_hi\nA,1e300,1e-300,1.7e308\nB,1,,\n' | disp-plot forest | grep -E '^set (xrange|xtics)'; printf 'g,rd,rd_lo,rd_hi\nA,1e308,-1.7e308,1.7e308\nB,0,,\n' | disp-plot forest | grep '^set xrange'
--- stdout
set xtics ("1e-299" 1e-299, "1e-224" 1e-224, "1e-149" 1e-149, "1e-74" 1e-74, "1e1" 1e1, "1e76" 1e76, "1e151" 1e151, "1e226" 1e226) nomirror
set xrange [1e-300:1e+300]
set xrange [-1e+300:1e+300]
