# Golden tests for disp-test.  Numbers: chi2 from R chisq.test(correct=FALSE),
# g as 2 sum O log(O/E) in R with pchisq, exact from R fisher.test and (the
# statistic) exp(sum lchoose(n, x) - lchoose(N, m)) in R, trend from R
# prop.trend.test with the scores stated; all printed with sprintf("%.6g").
# The method notes and error texts are ours by design.  Monte Carlo results
# are checked against R's exact p within 4 standard errors, not as text.

=== three groups, the default tests (R: X-squared 5.41063 p 0.0668493; G 5.29998 p 0.0706519; fisher 0.0749473, P(table) 0.00191124)
cmd: disp-test
--- stdin
g,events,total
A,10,50
B,20,50
C,15,60
--- stdout
test,statistic,df,p,p_se,method
chi2,5.41063,2,0.0668493,,"Pearson, asymptotic"
g,5.29998,2,0.0706519,,"likelihood ratio, asymptotic"
exact,0.00191124,,0.0749473,,"exact, network algorithm"

=== --order adds trend (R prop.trend.test scores 1:3: 0.216425, p 0.641777)
cmd: disp-test --order A,B,C --tests trend
--- stdin
g,events,total
A,10,50
B,20,50
C,15,60
--- stdout
test,statistic,df,p,p_se,method
trend,0.216425,1,0.641777,,"Cochran-Armitage, scores 1, 2, ... in --order; rates rise with the score"

=== another order, other scores (R: scores 2, 3, 1 for A, B, C: 2.76052, p 0.0966166)
cmd: disp-test --order C,A,B
--- stdin
g,events,total
A,10,50
B,20,50
C,15,60
--- stdout
test,statistic,df,p,p_se,method
chi2,5.41063,2,0.0668493,,"Pearson, asymptotic"
g,5.29998,2,0.0706519,,"likelihood ratio, asymptotic"
exact,0.00191124,,0.0749473,,"exact, network algorithm"
trend,2.76052,1,0.0966166,,"Cochran-Armitage, scores 1, 2, ... in --order; rates rise with the score"

=== a score column, any finite numbers (R: scores 1.5, 2, -1: 5.57119, p 0.0182584; chisq 5.83588; one expected count below 5)
cmd: disp-test --score dose --tests trend,chi2,exact
--- stdin
g,events,total,dose
A,3,10,1.5
B,4,12,2
C,9,12,-1
--- stdout
test,statistic,df,p,p_se,method
trend,5.57119,1,0.0182584,,"Cochran-Armitage, scores from column 'dose'; rates fall with the score"
chi2,5.83588,2,0.0540449,,"Pearson, asymptotic; 1 of 6 expected counts below 5"
exact,0.00592932,,0.0716913,,"exact, network algorithm"

=== scores written by another filter: 1e1 and 2.50 read as numbers (with 2 groups the trend is X^2: R chisq.test on 3/10, 4/12 0.0279365, p 0.867258)
cmd: disp-test --score s --tests trend,chi2 --digits 5
--- stdin
g,events,total,s
A,3,10,1e1
B,4,12,2.50
--- stdout
test,statistic,df,p,p_se,method
trend,0.027937,1,0.86726,,"Cochran-Armitage, scores from column 's'; rates fall with the score"
chi2,0.027937,1,0.86726,,"Pearson, asymptotic; 2 of 4 expected counts below 5"

=== two groups: the exact test is Fisher's (Black vs White arrests 2016/17; R: fisher 3.48314e-214, P(table) 6.89963e-215, X-squared 1015.54 p 7.50585e-223)
cmd: disp-test -e arrests -n searches | sed 3d
--- stdin
ethnicity,arrests,searches
Black,11982,54532
White,26765,167229
--- stdout
test,statistic,df,p,p_se,method
chi2,1015.54,1,7.50585e-223,,"Pearson, asymptotic"
exact,6.89963e-215,,3.48314e-214,,exact (Fisher)

=== a group with total 0 is left out, keeping its place in --order (R on 3/10, 5/12: chisq 0.320833 p 0.571107; fisher 0.674923; trend as chisq)
cmd: disp-test --order A,B,C
--- stdin
g,events,total
A,3,10
B,0,0
C,5,12
--- stdout
test,statistic,df,p,p_se,method
chi2,0.320833,1,0.571107,,"Pearson, asymptotic; 2 of 4 expected counts below 5; 1 group with total 0 left out"
g,0.323274,1,0.569647,,"likelihood ratio, asymptotic; 2 of 4 expected counts below 5; 1 group with total 0 left out"
exact,0.297214,,0.674923,,exact (Fisher); 1 group with total 0 left out
trend,0.320833,1,0.571107,,"Cochran-Armitage, scores 1, 2, ... in --order; rates rise with the score; 1 group with total 0 left out"

=== a single group: no test, said so, exit 0
cmd: disp-test --order A --tests chi2,exact,trend
--- stdin
g,events,total
A,3,10
--- stdout
test,statistic,df,p,p_se,method
chi2,,,,,no test: a single group
exact,,,,,no test: a single group
trend,,,,,no test: a single group

=== only one group with a positive total is a single group
cmd: disp-test --tests chi2
--- stdin
g,events,total
A,3,10
B,0,0
--- stdout
test,statistic,df,p,p_se,method
chi2,,,,,no test: a single group; 1 group with total 0 left out

=== no group with a positive total
cmd: disp-test --tests exact
--- stdin
g,events,total
A,0,0
B,0,0
--- stdout
test,statistic,df,p,p_se,method
exact,,,,,no test: no group has a positive total

=== no events anywhere: the statistics are 0/0 (nan, as R's chisq.test), the exact test has one table
cmd: disp-test --order A,B,C
--- stdin
g,events,total
A,0,10
B,0,5
C,0,7
--- stdout
test,statistic,df,p,p_se,method
chi2,nan,2,nan,,undefined: no events in any group
g,nan,2,nan,,undefined: no events in any group
exact,1,,1,,"exact: no events in any group, one table has these margins"
trend,nan,1,nan,,undefined: no events in any group

=== only events everywhere
cmd: disp-test --tests g,exact-mc
--- stdin
g,events,total
A,10,10
B,5,5
--- stdout
test,statistic,df,p,p_se,method
g,nan,1,nan,,undefined: only events in every group
exact-mc,1,,1,,"exact: only events in every group, one table has these margins"

=== every group at one score: the trend is 0/0
cmd: disp-test --score s --tests trend
--- stdin
g,events,total,s
A,3,10,2
B,5,12,2
--- stdout
test,statistic,df,p,p_se,method
trend,nan,1,nan,,undefined: every group has the same score

=== proportional rows at 10^12: statistics exactly 0, p 1 (X^2 = sum d^2/(n m (N-m)) with every d = x N - n m = 0)
cmd: disp-test --order A,B,C --tests chi2,g,trend
--- stdin
g,events,total
A,1000000000000,3000000000000
B,2000000000000,6000000000000
C,3000000000000,9000000000000
--- stdout
test,statistic,df,p,p_se,method
chi2,0,2,1,,"Pearson, asymptotic"
g,0,2,1,,"likelihood ratio, asymptotic"
trend,0,1,1,,"Cochran-Armitage, scores 1, 2, ... in --order; rates are flat with the score"

=== one event apart at 2^51 of 2^52 each: X^2 = 2^53/(2^104 - 1) = 2^-51 = 4.44089209850063e-16 (d = +-2^52), p = erfc(sqrt(X^2/2)) = 0.99999998318584 (mpmath)
cmd: disp-test --tests chi2,g --digits 15
--- stdin
g,events,total
A,2251799813685249,4503599627370496
B,2251799813685248,4503599627370496
--- stdout
test,statistic,df,p,p_se,method
chi2,4.44089209850063e-16,1,0.99999998318584,,"Pearson, asymptotic"
g,4.44089209850063e-16,1,0.99999998318584,,"likelihood ratio, asymptotic"

=== the smokers of Fleiss (1981) p. 139, R's prop.trend.test example: 8.2249, p 0.004132; prop.test 12.6 on 3 df, p 0.005585 (R: chisq 12.6004 p 0.00558548; G 10.6673 p 0.0136677; fisher 0.0144719, P(table) 5.77711e-05; trend 8.22492 p 0.0041319)
cmd: disp-test -e smokers -n patients --order '<45,45-54,55-64,65+'
--- stdin
age,smokers,patients
<45,83,86
45-54,90,93
55-64,129,136
65+,70,82
--- stdout
test,statistic,df,p,p_se,method
chi2,12.6004,3,0.00558548,,"Pearson, asymptotic"
g,10.6673,3,0.0136677,,"likelihood ratio, asymptotic"
exact,5.77711e-05,,0.0144719,,"exact, network algorithm"
trend,8.22492,1,0.0041319,,"Cochran-Armitage, scores 1, 2, ... in --order; rates fall with the score"

=== disp-count's output read directly (R on Asian 1/4, Black 4/10, Mixed 1/6, White 3/20: chisq 2.53286 p 0.469383; fisher 0.467549, P(table) 0.0210124)
cmd: disp-count -g group -e dismissed fixtures/example-records.csv | disp-test --tests chi2,exact
--- stdout
test,statistic,df,p,p_se,method
chi2,2.53286,3,0.469383,,"Pearson, asymptotic; 6 of 8 expected counts below 5"
exact,0.0210124,,0.467549,,"exact, network algorithm"

=== disp-rate's output read directly (its group, events and total columns)
cmd: disp-rate | disp-test --tests chi2
--- stdin
g,events,total
A,10,50
B,20,50
C,15,60
--- stdout
test,statistic,df,p,p_se,method
chi2,5.41063,2,0.0668493,,"Pearson, asymptotic"

=== TAB-separated, and --pretty
cmd: printf 'g\tevents\ttotal\nA\t10\t50\nB\t20\t50\nC\t15\t60\n' | disp-test -t --tests chi2; printf 'g,events,total\nA,10,50\nB,20,50\nC,15,60\n' | disp-test --pretty --tests chi2,exact
--- stdout escaped
test\tstatistic\tdf\tp\tp_se\tmethod
chi2\t5.41063\t2\t0.0668493\t\tPearson, asymptotic
test    statistic  df          p  p_se  method
chi2      5.41063   2  0.0668493        Pearson, asymptotic
exact  0.00191124      0.0749473        exact, network algorithm

=== every cell reads back through the kit at 17 digits
cmd: disp-test --order A,B,C --tests chi2,g,exact,exact-mc,trend --draws 1000 --digits 17 | roundtrip 17 test method
--- stdin
g,events,total
A,10,50
B,20,50
C,15,60
--- stdout
20 cells read back

=== exact-mc within 4 standard errors of R's fisher.test 0.0749473, with its seed and draws in the note
cmd: disp-test --tests exact-mc --draws 20000 --seed 5 --digits 17 | awk -F, 'NR == 2 { d = $4 - 0.0749473; print (d * d < 16 * $5 * $5 && $0 ~ /,"Monte Carlo, 20000 draws, seed 5, se 0\.00[0-9]+"$/) ? "ok" : "bad: " $0 }'
--- stdin
g,events,total
A,10,50
B,20,50
C,15,60
--- stdout
ok

=== the same seed, the same p; another seed, another
cmd: in=$(cat); a=$(printf '%s\n' "$in" | disp-test --tests exact-mc --draws 5000 --seed 9); b=$(printf '%s\n' "$in" | disp-test --tests exact-mc --draws 5000 --seed 9); c=$(printf '%s\n' "$in" | disp-test --tests exact-mc --draws 5000 --seed 10); [ "$a" = "$b" ] && [ "$a" != "$c" ] && echo ok
--- stdin
g,events,total
A,10,50
B,20,50
C,15,60
--- stdout
ok

=== past its work limit the exact test is Monte Carlo, said so (within 4 se of R's 0.0749473)
cmd: disp-test --tests exact --exact-limit 10 --draws 20000 --digits 17 | awk -F, 'NR == 2 { d = $4 - 0.0749473; print (d * d < 16 * $5 * $5 && $0 ~ /,"Monte Carlo, 20000 draws, seed 1, se 0\.00[0-9]+; exact needs more than 10 steps \(--exact-limit\)"$/) ? "ok" : "bad: " $0 }'
--- stdin
g,events,total
A,10,50
B,20,50
C,15,60
--- stdout
ok

=== past its work limit with --draws 0: exit 65 naming the limit
cmd: disp-test --tests exact --exact-limit 10 --draws 0
--- stdin
g,events,total
A,10,50
B,20,50
C,15,60
--- stderr
disp-test: --tests exact: the table is beyond the test's limit (--exact-limit steps of the network search), and --draws 0 allows no Monte Carlo
--- exit 65

=== trend needs an order
cmd: disp-test --tests chi2,trend
--- stdin
g,events,total
A,3,10
--- stderr
disp-test: --tests trend needs the groups' order: --order G1,G2,... or --score COL
Try 'disp-test --help' for more information.
--- exit 64

=== --order and --score together
cmd: disp-test --order A --score s
--- stderr
disp-test: --order and --score both give the trend's scores: use one
Try 'disp-test --help' for more information.
--- exit 64

=== an unknown test lists the tests
cmd: disp-test --tests chi2,fisher
--- stderr
disp-test: unknown method for --tests: 'fisher' (methods: chi2, g, exact, exact-mc, trend)
Try 'disp-test --help' for more information.
--- exit 64

=== a test named twice
cmd: disp-test --tests g,chi2,g
--- stderr
disp-test: --tests names 'g' twice
Try 'disp-test --help' for more information.
--- exit 64

=== an empty test list
cmd: disp-test --tests ,
--- stderr
disp-test: --tests names no test: ','
Try 'disp-test --help' for more information.
--- exit 64

=== bad numbers for --draws, --seed and --exact-limit
cmd: disp-test --draws 1.5 </dev/null; echo $?; disp-test --seed -1 </dev/null; echo $?; disp-test --exact-limit 0 </dev/null; echo $?
--- stdout
64
64
64
--- stderr
disp-test: --draws must be a whole number from 0 to 1000000000000: '1.5'
Try 'disp-test --help' for more information.
disp-test: --seed must be a whole number from 0 to 4294967295: '-1'
Try 'disp-test --help' for more information.
disp-test: --exact-limit must be at least 1: '0'
Try 'disp-test --help' for more information.

=== exact-mc with no draws
cmd: disp-test --tests exact-mc --draws 0
--- stdin
g,events,total
A,3,10
B,5,12
--- stderr
disp-test: --tests exact-mc needs draws: --draws 0 allows none
Try 'disp-test --help' for more information.
--- exit 64

=== a group missing from --order
cmd: disp-test --order A,C
--- stdin
g,events,total
A,3,10
B,5,12
C,1,9
--- stderr
disp-test: group 'B' is not in --order (every group must be placed)
--- exit 65

=== a group of --order not in the table lists the groups
cmd: disp-test --order A,B,D
--- stdin
g,events,total
A,3,10
B,5,12
--- stderr
disp-test: --order: group 'D' is not in the table (groups: A, B)
--- exit 65

=== a group named twice in --order
cmd: disp-test --order A,B,A
--- stdin
g,events,total
A,3,10
B,5,12
--- stderr
disp-test: --order names group 'A' twice
Try 'disp-test --help' for more information.
--- exit 64

=== a score that is not a number names the row
cmd: disp-test --score s
--- stdin
g,events,total,s
A,3,10,1
B,5,12,
--- stderr
disp-test: stdin:3: column 's': the score must be a finite number: ''
--- exit 65

=== an infinite score
cmd: disp-test --score s
--- stdin
g,events,total,s
A,3,10,inf
B,5,12,1
--- stderr
disp-test: stdin:2: column 's': the score must be a finite number: 'inf'
--- exit 65

=== an unknown score column
cmd: disp-test --score dose
--- stdin
g,events,total
A,3,10
--- stderr
disp-test: stdin:1: unknown column 'dose' (columns: g, events, total)
--- exit 65

=== bad counts are the counts layer's errors
cmd: disp-test
--- stdin
g,events,total
A,11,10
--- stderr
disp-test: stdin:2: column 'events': events exceed total: '11'
--- exit 65

=== a repeated group
cmd: disp-test
--- stdin
g,events,total
A,1,10
A,2,10
--- stderr
disp-test: stdin:3: column 'g': group appears twice (first on line 2; sum the rows with disp-count --merge): 'A'
--- exit 65

=== a header and no rows
cmd: disp-test
--- stdin
g,events,total
--- stderr
disp-test: no groups: the input has a header but no rows
--- exit 65

=== empty input
cmd: disp-test
--- stderr
disp-test: stdin:1: no header row (empty input)
--- exit 65

=== output that cannot be written
cmd: printf 'g,events,total\nA,1,10\nB,2,10\n' | disp-test > /dev/full
--- stderr
disp-test: write error: No space left on device
--- exit 74
