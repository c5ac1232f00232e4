# Golden tests for --alternative (disp-rate, disp-stages): one-sided tests
# and bounds.  Numbers from R 4.2: binom.test(alternative=)$conf.int
# (Clopper-Pearson), fisher.test(alternative=) (p and the odds ratio's
# conf.int), prop.test(alternative=, correct=FALSE), poisson.test
# (alternative=) one- and two-sample; Katz's bound exp(log 3 -/+ qnorm(0.95)
# sqrt(1/3 - 1/4 + 1 - 1/4)) in R.  Error texts are ours by design.

=== greater: lower bounds, the other end the limit; Fisher's upper tail (R: 0.248605, 0.0127415; katz 0.668361; p 0.242857; the or bound 0.313574 solves P(X >= 3; psi) = 0.05 at 50 digits, tests/refs/alt_ci.py's cornfield_one: R's fisher.test conf.int says 0.313569, its uniroot's tolerance)
cmd: disp-rate -r b --alternative greater --ci exact --ratio katz --odds exact
--- stdin
g,events,total
a,3,4
b,1,4
--- stdout
g,events,total,alternative,rate,rate_lo,rate_hi,ref,rr,rr_lo,rr_hi,or,or_lo,or_hi,p
a,3,4,greater,0.75,0.248605,1,b,3,0.668361,inf,9,0.313574,inf,0.242857
b,1,4,greater,0.25,0.0127415,1,b,1,,,1,,,

=== less: upper bounds from 0 (R: 0.987259, 0.751395; katz 13.4658; p 0.985714; the or bound 306.237 solves P(X <= 3; psi) = 0.05 at 50 digits, tests/refs/alt_ci.py's cornfield_one: R's fisher.test says 306.247, its uniroot's tolerance)
cmd: disp-rate -r b --alternative less --ci exact --ratio katz --odds exact
--- stdin
g,events,total
a,3,4
b,1,4
--- stdout
g,events,total,alternative,rate,rate_lo,rate_hi,ref,rr,rr_lo,rr_hi,or,or_lo,or_hi,p
a,3,4,less,0.75,0,0.987259,b,3,0,13.4658,9,0,306.237,0.985714
b,1,4,less,0.25,0,0.751395,b,1,,,1,,,

=== Pearson's z, one-sided (R prop.test: 0.0786496); Wald's lower bound on the difference 0.5 - qnorm(0.95) sqrt(6/64) = -0.00363151, its upper end 1
cmd: disp-rate -r b --alternative greater --test chi2 --diff wald | cut -d, -f4,13-
--- stdin
g,events,total
a,3,4
b,1,4
--- stdout
alternative,rd_lo,rd_hi,p
greater,-0.00363151,1,0.0786496
greater,,,

=== two-sided given: the column, and nothing else changes
cmd: disp-rate -r b --alternative two-sided
--- stdin
g,events,total
a,3,4
b,1,4
--- stdout
g,events,total,alternative,rate,rate_lo,rate_hi,ref,rr,rr_lo,rr_hi,p
a,3,4,two-sided,0.75,0.300642,0.954413,b,3,0.685216,17.2642,0.485714
b,1,4,two-sided,0.25,0.0455873,0.699358,b,1,,,

=== person-time, greater (R poisson.test: rate 1.10911, 0.486214 per 1000; ratio 1.09801; p 0.0238301)
cmd: disp-rate -x years -r B --per 1000 --alternative greater
--- stdin
g,events,years
A,41,28010
B,15,19017
--- stdout
g,events,exposure,alternative,rate,rate_lo,rate_hi,ref,rr,rr_lo,rr_hi,p
A,41,28010,greater,1.46376,1.10911,inf,B,1.85576,1.09801,inf,0.0238301
B,15,19017,greater,0.788768,0.486214,inf,B,1,,,

=== person-time, less (R poisson.test: rate 1.89923, 1.21455; ratio 3.24703; p 0.988373)
cmd: disp-rate -x years -r B --per 1000 --alternative less
--- stdin
g,events,years
A,41,28010
B,15,19017
--- stdout
g,events,exposure,alternative,rate,rate_lo,rate_hi,ref,rr,rr_lo,rr_hi,p
A,41,28010,less,1.46376,0,1.89923,B,1.85576,0,3.24703,0.988373
B,15,19017,less,0.788768,0,1.21455,B,1,,,

=== disp-stages: the same one-sided Fisher p and Katz bound, stage and cumulative
cmd: disp-stages -s n,x -r b --alternative greater --ratio katz --ci exact | cut -d, -f1,6,8,12,14,17,19
--- stdin
g,n,x
a,4,3
b,4,1
--- stdout
g,alternative,rate_lo,rr_lo,p,cum_rr_lo,cum_p
a,greater,0.248605,0.668361,0.242857,0.668361,0.242857
b,greater,0.0127415,,,,

=== an unknown alternative lists the valid ones
cmd: disp-rate --alternative bigger
--- stdin
g,events,total
a,3,4
--- stderr
disp-rate: --alternative takes two-sided, greater or less: 'bigger'
Try 'disp-rate --help' for more information.
--- exit 64

=== a test with no one-sided form is refused, not guessed
cmd: disp-rate --alternative less --test boschloo-minlike
--- stdin
g,events,total
a,3,4
--- stderr
disp-rate: --test boschloo-minlike has no one-sided form (it orders the tables by a two-sided p-value)
Try 'disp-rate --help' for more information.
--- exit 64

=== a one-sided level at most 0.5 is refused
cmd: disp-rate --alternative greater -l 0.5
--- stdin
g,events,total
a,3,4
--- stderr
disp-rate: --alternative greater needs a level above 0.5 (a one-sided bound at level L is a two-sided one at 2L - 1)
Try 'disp-rate --help' for more information.
--- exit 64

=== disp-stages refuses the same
cmd: disp-stages -s n,x --alternative greater --test boschloo-minlike
--- stdin
g,n,x
a,4,3
--- stderr
disp-stages: --test boschloo-minlike has no one-sided form (it orders the tables by a two-sided p-value)
Try 'disp-stages --help' for more information.
--- exit 64

=== disp-strata: one-sided CMH, exact test and the Mantel-Haenszel odds ratio's bound (R mantelhaen.test(alternative = "greater"): p 0.01181975, or_lo 1.36867583; exact = TRUE: 0.02045788); homogeneity stays two-sided
cmd: in=$(cat); for t in cmh exact; do printf "%s\n" "$in" | disp-strata -s s -r B --alternative greater --odds mh --test $t --digits 7 | sed -n 2p | cut -d, -f4,14,15,19; done
--- stdin
g,s,events,total
A,1,10,20
B,1,5,20
A,2,8,15
B,2,4,16
--- stdout
greater,1.368676,inf,0.01181975
greater,1.368676,inf,0.02045788

=== disp-strata: no one-sided standardised rates
cmd: disp-strata -s s --standardise direct --standard w --alternative less
--- stdin
g,s,events,total,w
A,1,10,20,5
--- stderr
disp-strata: --alternative does not apply with --standardise (its rates have two-sided intervals only)
Try 'disp-strata --help' for more information.
--- exit 64

=== disp-test: the trend one-sided (R prop.trend.test: X^2 7.380049; pnorm(-sqrt(X^2)) 0.003297569, the rates rising)
cmd: disp-test --order a,b,c --tests trend --alternative greater --digits 7 | cut -d, -f1-5
--- stdin
g,events,total
a,5,50
b,10,50
c,16,50
--- stdout
test,alternative,statistic,df,p
trend,greater,7.380049,1,0.003297569

=== disp-test: less on the same table (pnorm(sqrt(X^2)) 0.9967024)
cmd: disp-test --order a,b,c --tests trend --alternative less --digits 7 | cut -d, -f1-5
--- stdin
g,events,total
a,5,50
b,10,50
c,16,50
--- stdout
test,alternative,statistic,df,p
trend,less,7.380049,1,0.9967024

=== disp-test: a test of the whole table has no direction
cmd: disp-test --order a,b,c --alternative greater
--- stdin
g,events,total
a,5,50
b,10,50
c,16,50
--- stderr
disp-test: --alternative greater: --tests chi2 has no one-sided form (a test of the whole table, k - 1 df, has no direction; disp-rate --alternative compares each group), only trend
Try 'disp-test --help' for more information.
--- exit 64
