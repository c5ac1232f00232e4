# Tests of tests/bench/records, the counting benchmark's generator: the
# same seed gives the same bytes, the columns and their values are the ones
# the benchmark's commands name, the shares are the ones records.c states
# (its tables are the design; the tolerances are about 4 binomial standard
# deviations at these sizes), and -u gives every unit.

=== the same seed, the same bytes; another seed, others
cmd: r=${B}tests/bench/records; t=/tmp/disp-records-$$; $r -n 2000 -s 7 >$t; $r -n 2000 -s 7 | cmp - $t && echo same; $r -n 2000 -s 8 | cmp -s - $t || echo differs; $r -n 2000 >$t; $r -n 2000 -s 1 | cmp - $t && echo "default seed 1"; rm -f $t
--- stdout
same
differs
default seed 1

=== the header, ids 1 to n in order, every cell from its column's values
cmd: ${B}tests/bench/records -n 5000 -s 3 | awk -F, 'NR == 1 { print; next } NF != 8 || $1 != NR - 1 || $2 !~ /^(White|Asian|Black|Mixed|Other|Not stated)$/ || $3 !~ /^(Male|Female|Unknown)$/ || $4 !~ /^(Constable|Sergeant|Inspector|Chief Inspector|Superintendent|Chief Superintendent)$/ || $5 !~ /^20(1[5-9]|2[0-4])$/ || $6 !~ /^(no further action|management action|written warning|final written warning|no case to answer|dismissed)$/ || $7 !~ /^[01]$/ || $8 !~ /^[1-5]$/ { bad++ } END { print NR - 1 " rows, " bad + 0 " bad" }'
--- stdout
id,ethnicity,sex,rank,year,outcome,flag,weight
5000 rows, 0 bad

=== no rows: the header alone
cmd: ${B}tests/bench/records -n 0
--- stdout
id,ethnicity,sex,rank,year,outcome,flag,weight

=== ethnicity shares (White 81%, Asian 7%, Black 5%, Mixed 3.5%, Other 2%, Not stated 1.5%) and flag rates (10, 13, 18, 15, 12, 9%)
cmd: ${B}tests/bench/records -n 100000 -s 5 | awk -F, 'BEGIN { split("White Asian Black Mixed Other Not_stated", g, " "); split(".81 .07 .05 .035 .02 .015", p, " "); split(".10 .13 .18 .15 .12 .09", q, " ") } NR > 1 { sub(/ /, "_", $2); n[$2]++; f[$2] += $7 } END { for (i = 1; i <= 6; i++) { e = g[i]; share = n[e] / (NR - 1); rate = f[e] / n[e]; printf "%s %s %s\n", e, (share - p[i])^2 < (4 * sqrt(p[i] * (1 - p[i]) / (NR - 1)))^2 ? "share ok" : "share " share, (rate - q[i])^2 < (4 * sqrt(q[i] * (1 - q[i]) / n[e]))^2 ? "rate ok" : "rate " rate } }'
--- stdout
White share ok rate ok
Asian share ok rate ok
Black share ok rate ok
Mixed share ok rate ok
Other share ok rate ok
Not_stated share ok rate ok

=== outcome, sex, rank, year and weight shares
cmd: ${B}tests/bench/records -n 100000 -s 6 | awk -F, 'function near(x, p) { return (x / (NR - 1) - p)^2 < 16 * p * (1 - p) / (NR - 1) } NR > 1 { o[$6]++; s[$3]++; r[$4]++; y[$5]++; w[$8]++ } END { print near(o["no further action"], .45), near(o["management action"], .25), near(o["written warning"], .12), near(o["final written warning"], .08), near(o["no case to answer"], .06), near(o["dismissed"], .04); print near(s["Male"], .69), near(s["Female"], .30), near(s["Unknown"], .01); print near(r["Constable"], .75), near(r["Sergeant"], .15), near(r["Inspector"], .06), near(r["Chief Inspector"], .02), near(r["Superintendent"], .015), near(r["Chief Superintendent"], .005); print near(y[2015], .1), near(y[2019], .1), near(y[2024], .1); print near(w[1], .7), near(w[2], .2), near(w[3], .07), near(w[4], .02), near(w[5], .01) }'
--- stdout
1 1 1 1 1 1
1 1 1
1 1 1 1 1 1
1 1 1
1 1 1 1 1

=== -u: a ninth column; 5000 rows over 1000 units meet each unit 5 times
cmd: ${B}tests/bench/records -n 5000 -u 1000 -s 9 | awk -F, 'NR == 1 { print; next } NF != 9 || $9 !~ /^u[0-9]+$/ || substr($9, 2) + 0 >= 1000 { bad++ } { n[$9]++ } END { for (u in n) k[n[u]]++; for (c in k) print k[c] " units seen " c " times"; print bad + 0 " bad" }'
--- stdout
id,ethnicity,sex,rank,year,outcome,flag,weight,unit
1000 units seen 5 times
0 bad

=== -u: fewer rows than units give as many units as rows
cmd: ${B}tests/bench/records -n 700 -u 1000 -s 2 | awk -F, 'NR > 1 { n[$9]++ } END { for (u in n) k++; print k }'; ${B}tests/bench/records -n 10 -u 1 | awk -F, 'NR > 1 { n[$9]++ } END { for (u in n) print u, n[u] }'
--- stdout
700
u0 10

=== -u with an even count of units: the stride is coprime to it
cmd: for u in 2 6 64 1024 30030; do ${B}tests/bench/records -n $((u * 2)) -u $u -s 11 | awk -F, 'NR > 1 { n[$9]++ } END { for (x in n) k++; print k }'; done
--- stdout
2
6
64
1024
30030

=== usage: a bad number, units 0, an operand, an unknown option
cmd: r=${B}tests/bench/records; $r -n 1x; echo $?; $r -u 0; echo $?; $r -n 3 extra; echo $?; $r -x 2>/dev/null; echo $?; $r -s -1; echo $?
--- stdout
64
64
64
64
64
--- stderr
records: not a number of at least 0: '1x'
usage: records [-n ROWS] [-s SEED] [-u UNITS]
records: not a number of at least 1: '0'
usage: records [-n ROWS] [-s SEED] [-u UNITS]
usage: records [-n ROWS] [-s SEED] [-u UNITS]
records: not a number of at least 0: '-1'
usage: records [-n ROWS] [-s SEED] [-u UNITS]

=== a failed write is an error (exit 74)
cmd: ${B}tests/bench/records -n 10 >/dev/full
--- stderr
records: write error: No space left on device
--- exit 74
