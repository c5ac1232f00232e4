# Golden tests of disp-funnel.  Expected values of the six-unit table come
# from R (tests/refs/funnel.R's definitions: its funnel(), winsorised_phi()
# and dl_tau2(), on qbinom/pbinom/dbinom, qnorm/pnorm; printed with
# sprintf("%.6g")), not from our output: the pooled target is 170/2490 =
# 0.0682731; phi 1.78461 is the mean square of the z-scores after the
# 10% winsorising (floor(6 x 0.1) = 0: none); tau2 = (6 phi - 5) / (sum w -
# sum w^2 / sum w).  Edge cases are derived by hand in their comments.

=== six units, default: exact, none
cmd: disp-funnel 
--- stdin
unit,events,total
A,12,250
B,45,600
C,3,90
D,80,1200
E,30,310
F,0,40
--- stdout
unit,events,total,rate,target,z,p,lo_95,hi_95,out_95,lo_99.8,hi_99.8,out_99.8,phi,tau2,overdispersion,method
A,12,250,0.048,0.0682731,-1.27093,0.245779,0.0366481,0.103192,0,0.0220508,0.124067,0,1.78461,0.000213634,none,exact
B,45,600,0.075,0.0682731,0.653314,0.556533,0.0479335,0.0899406,0,0.037721,0.102925,0,1.78461,0.000213634,none,exact
C,3,90,0.0333333,0.0682731,-1.31423,0.259372,0.0146892,0.13067,0,0,0.168362,0,1.78461,0.000213634,none,exact
D,80,1200,0.0666667,0.0682731,-0.220639,0.882895,0.053922,0.0832916,0,0.0464016,0.0922012,0,1.78461,0.000213634,none,exact
E,30,310,0.0967742,0.0682731,1.98963,0.070444,0.0398371,0.0993,0,0.0265324,0.118037,0,1.78461,0.000213634,none,exact
F,0,40,0,0.0682731,-1.71203,0.118189,0,0.169686,0,0,0.231649,0,1.78461,0.000213634,none,exact

=== six units, --method exact-cdf
cmd: disp-funnel --method exact-cdf
--- stdin
unit,events,total
A,12,250
B,45,600
C,3,90
D,80,1200
E,30,310
F,0,40
--- stdout
unit,events,total,rate,target,z,p,lo_95,hi_95,out_95,lo_99.8,hi_99.8,out_99.8,phi,tau2,overdispersion,method
A,12,250,0.048,0.0682731,-1.27093,0.245779,0.0366481,0.099192,0,0.0220508,0.120067,0,1.78461,0.000213634,none,exact-cdf
B,45,600,0.075,0.0682731,0.653314,0.456196,0.0479335,0.0882739,0,0.037721,0.101259,0,1.78461,0.000213634,none,exact-cdf
C,3,90,0.0333333,0.0682731,-1.31423,0.259372,0.0146892,0.119559,0,0,0.15725,0,1.78461,0.000213634,none,exact-cdf
D,80,1200,0.0666667,0.0682731,-0.220639,0.882895,0.053922,0.0824582,0,0.0464016,0.0913679,0,1.78461,0.000213634,none,exact-cdf
E,30,310,0.0967742,0.0682731,1.98963,0.044334,0.0398371,0.0960742,1,0.0265324,0.114812,0,1.78461,0.000213634,none,exact-cdf
F,0,40,0,0.0682731,-1.71203,0.118189,0,0.144686,0,0,0.206649,0,1.78461,0.000213634,none,exact-cdf

=== six units, --method normal
cmd: disp-funnel --method normal
--- stdin
unit,events,total
A,12,250
B,45,600
C,3,90
D,80,1200
E,30,310
F,0,40
--- stdout
unit,events,total,rate,target,z,p,lo_95,hi_95,out_95,lo_99.8,hi_99.8,out_99.8,phi,tau2,overdispersion,method
A,12,250,0.048,0.0682731,-1.27093,0.203754,0.0370089,0.0995373,0,0.0189795,0.117567,0,1.78461,0.000213634,none,normal
B,45,600,0.075,0.0682731,0.653314,0.513554,0.0480921,0.088454,0,0.0364542,0.100092,0,1.78461,0.000213634,none,normal
C,3,90,0.0333333,0.0682731,-1.31423,0.188768,0.0161661,0.12038,0,0,0.150429,0,1.78461,0.000213634,none,normal
D,80,1200,0.0666667,0.0682731,-0.220639,0.825374,0.054003,0.0825432,0,0.0457738,0.0907724,0,1.78461,0.000213634,none,normal
E,30,310,0.0967742,0.0682731,1.98963,0.0466312,0.040197,0.0963492,1,0.0240062,0.11254,0,1.78461,0.000213634,none,normal
F,0,40,0,0.0682731,-1.71203,0.0868918,0,0.146434,0,0,0.191507,0,1.78461,0.000213634,none,normal

=== six units, --overdispersion multiplicative
cmd: disp-funnel --overdispersion multiplicative
--- stdin
unit,events,total
A,12,250
B,45,600
C,3,90
D,80,1200
E,30,310
F,0,40
--- stdout
unit,events,total,rate,target,z,p,lo_95,hi_95,out_95,lo_99.8,hi_99.8,out_99.8,phi,tau2,overdispersion,method
A,12,250,0.048,0.0682731,-0.95137,0.417971,0.0260256,0.114921,0,0.00652505,0.142808,0,1.78461,0.000213634,multiplicative,exact
B,45,600,0.075,0.0682731,0.489047,0.66913,0.0411016,0.0972185,0,0.0274588,0.114565,0,1.78461,0.000213634,multiplicative,exact
C,3,90,0.0333333,0.0682731,-0.983786,0.459941,0,0.151628,0,0,0.20198,0,1.78461,0.000213634,multiplicative,exact
D,80,1200,0.0666667,0.0682731,-0.165162,0.927096,0.0491016,0.0883362,0,0.0390552,0.100239,0,1.78461,0.000213634,multiplicative,exact
E,30,310,0.0967742,0.0682731,1.48937,0.177844,0.0302856,0.109722,0,0.012512,0.134753,0,1.78461,0.000213634,multiplicative,exact
F,0,40,0,0.0682731,-1.28156,0.356056,0,0.203749,0,0,0.286525,0,1.78461,0.000213634,multiplicative,exact

=== six units, --overdispersion additive
cmd: disp-funnel --overdispersion additive
--- stdin
unit,events,total
A,12,250
B,45,600
C,3,90
D,80,1200
E,30,310
F,0,40
--- stdout
unit,events,total,rate,target,z,p,lo_95,hi_95,out_95,lo_99.8,hi_99.8,out_99.8,phi,tau2,overdispersion,method
A,12,250,0.048,0.0682731,-0.937043,0.427076,0.0253796,0.115634,0,0.00558093,0.143947,0,1.78461,0.000213634,additive,exact
B,45,600,0.075,0.0682731,0.376249,0.752387,0.0329557,0.105896,0,0.0152229,0.128442,0,1.78461,0.000213634,additive,exact
C,3,90,0.0333333,0.0682731,-1.15166,0.358048,0.00712513,0.139478,0,0,0.18249,0,1.78461,0.000213634,additive,exact
D,80,1200,0.0666667,0.0682731,-0.0983774,0.980307,0.0360868,0.101956,0,0.0192202,0.121939,0,1.78461,0.000213634,additive,exact
E,30,310,0.0967742,0.0682731,1.39265,0.208806,0.0276473,0.1126,0,0.00863933,0.13937,0,1.78461,0.000213634,additive,exact
F,0,40,0,0.0682731,-1.60746,0.175971,0,0.176283,0,0,0.242276,0,1.78461,0.000213634,additive,exact

=== six units, additive over-dispersion, normal limits at one level
cmd: disp-funnel --overdispersion additive --method normal --levels 0.9
--- stdin
unit,events,total
A,12,250
B,45,600
C,3,90
D,80,1200
E,30,310
F,0,40
--- stdout
unit,events,total,rate,target,z,p,lo_90,hi_90,out_90,phi,tau2,overdispersion,method
A,12,250,0.048,0.0682731,-0.937043,0.348736,0.0326864,0.10386,0,1.78461,0.000213634,additive,normal
B,45,600,0.075,0.0682731,0.376249,0.706731,0.038865,0.0976812,0,1.78461,0.000213634,additive,normal
C,3,90,0.0333333,0.0682731,-1.15166,0.249461,0.0183705,0.118176,0,1.78461,0.000213634,additive,normal
D,80,1200,0.0666667,0.0682731,-0.0983774,0.921633,0.0414139,0.0951323,0,1.78461,0.000213634,additive,normal
E,30,310,0.0967742,0.0682731,1.39265,0.163726,0.0346105,0.101936,0,1.78461,0.000213634,additive,normal
F,0,40,0,0.0682731,-1.60746,0.107954,0,0.138134,0,1.78461,0.000213634,additive,normal

=== the limits over the sizes
# The grid: 4 sizes from 40 to 1200 spaced on a log scale, 40 30^(1/3) =
# 124.29 and 40 30^(2/3) = 386.20 rounded; limits from R as above.
cmd: disp-funnel --limits --points 4
--- stdin
unit,events,total
A,12,250
B,45,600
C,3,90
D,80,1200
E,30,310
F,0,40
--- stdout
total,target,lo_95,hi_95,lo_99.8,hi_99.8,phi,tau2,overdispersion,method
40,0.0682731,0,0.169686,0,0.231649,1.78461,0.000213634,none,exact
124,0.0682731,0.0233806,0.119933,0.0048194,0.151671,1.78461,0.000213634,none,exact
386,0.0682731,0.0428222,0.095739,0.0307025,0.112346,1.78461,0.000213634,none,exact
1200,0.0682731,0.053922,0.0832916,0.0464016,0.0922012,1.78461,0.000213634,none,exact

=== published: PHE's exact Poisson limits, p on the limit
# Public Health England's ratio funnels (PHEindicatormethods,
# tests/testthat/testdata_funnel_ratio_outputs.csv): for each observed count
# O, the expected counts at which O is on the exact Poisson 95% (2s) and
# 99.8% (3s) limits of the ratio against 1.  At each, one tail of O is
# 0.025 or 0.001, so p = 0.05 or 0.002 (to the 10 digits PHE prints).
cmd: disp-funnel -e observed -x expected --target 1 --digits 4 | cut -d, -f1,7
--- stdin
trust,observed,expected
O1-lower2s,1,5.571644585
O1-upper2s,1,0.025317898
O1-lower3s,1,9.233410143
O1-upper3s,1,0.001000547
O10-lower2s,10,18.39035799
O10-upper2s,10,4.795387629
O100-lower3s,100,134.9243187
O100-upper3s,100,71.92139974
O716-lower2s,716,770.4222128
O716-upper3s,716,636.1521174
--- stdout
trust,p
O1-lower2s,0.05
O1-upper2s,0.05
O1-lower3s,0.002
O1-upper3s,0.002
O10-lower2s,0.05
O10-upper2s,0.05
O100-lower3s,0.002
O100-upper3s,0.002
O716-lower2s,0.05
O716-upper3s,0.002

=== no events, all events, a total of 0
# Target 0.5, n = 10: P(X = 0) = P(X = 10) = 1/1024, p = 2/1024 =
# 0.00195312; z = (0 - 0.5) / sqrt(0.25/10) = -3.16228.  Lower 95% limit:
# r = 2 (F(1) = 11/1024 < 0.025 <= F(2) = 56/1024), a = (56/1024 - 0.025) /
# (45/1024) = 0.675556, (2 - a)/10 = 0.132444; the upper is its mirror.
# At 99.8%: r = 1, a = (11/1024 - 0.001)/(10/1024) = 0.9976, 0.00024.  A
# total of 0 is kept, with nan and empty cells, and counts for nothing.
cmd: disp-funnel --target 0.5
--- stdin
u,events,total
A,0,10
B,10,10
C,0,0
--- stdout
u,events,total,rate,target,z,p,lo_95,hi_95,out_95,lo_99.8,hi_99.8,out_99.8,phi,tau2,overdispersion,method
A,0,10,0,0.5,-3.16228,0.00195312,0.132444,0.867556,-1,0.00024,0.99976,-1,10,0.475,none,exact
B,10,10,1,0.5,3.16228,0.00195312,0.132444,0.867556,1,0.00024,0.99976,1,10,0.475,none,exact
C,0,0,nan,0.5,nan,nan,,,,,,,10,0.475,none,exact

=== target 0
# Target 0: X = 0 always.  Lower limit (0 - 1)/10 clipped to 0; upper (0 +
# (1 - t))/10 = 0.0975 (t = 0.025), 0.0999 (t = 0.001).  One event is above
# both (P(X >= 1) = 0): z inf, p 0.  phi and tau2 cannot be estimated.
cmd: disp-funnel --target 0
--- stdin
u,events,total
A,0,10
B,1,10
--- stdout
u,events,total,rate,target,z,p,lo_95,hi_95,out_95,lo_99.8,hi_99.8,out_99.8,phi,tau2,overdispersion,method
A,0,10,0,0,0,1,0,0.0975,0,0,0.0999,0,nan,nan,none,exact
B,1,10,0.1,0,inf,0,0,0.0975,1,0,0.0999,1,nan,nan,none,exact

=== target 1: all events are within the exact limits
# Target 1, X = 10 always: exact's lower limit (10 - (1 - t))/10 = 0.9025,
# its upper (10 + (1 - t))/10 clipped to 1: all events are within.
cmd: disp-funnel --target 1 | cut -d, -f1,6-13
--- stdin
u,events,total
A,10,10
B,9,10
--- stdout
u,z,p,lo_95,hi_95,out_95,lo_99.8,hi_99.8,out_99.8
A,0,1,0.9025,1,0,0.9001,1,0
B,-inf,0,0.9025,1,-1,0.9001,1,-1

=== target 1: exact-cdf puts all events above its upper limit
# exact-cdf as printed: its upper limit (10 - t)/10 = 0.9975 is below 1, so
# the unit with all events is above it, at a target of 1.
cmd: disp-funnel --target 1 --method exact-cdf | cut -d, -f1,7-10
--- stdin
u,events,total
A,10,10
--- stdout
u,p,lo_95,hi_95,out_95
A,0,0.9025,0.9975,1

=== a single unit
# One unit: the pooled target is its own rate, z = 0, p = 1; phi = 0^2 = 0;
# tau2 needs two units.
cmd: disp-funnel | cut -d, -f1,4-7,14,15
--- stdin
u,events,total
A,7,20
--- stdout
u,rate,target,z,p,phi,tau2
A,0.35,0.35,0,1,0,nan

=== phi below 1 is not an adjustment
# phi = (0 + 0.2^2 + 0.2^2)/3 = 0.0266667 < 1: no adjustment, the limits
# are the null model's (those of none: R's exact limits of Binomial(100,
# 0.5) as above, 0.3968 0.6032 and 0.3412 0.6588) and z = 0.01/sqrt(0.25/100)
# = 0.2.
cmd: disp-funnel --overdispersion multiplicative --digits 4
--- stdin
u,events,total
A,50,100
B,51,100
C,49,100
--- stdout
u,events,total,rate,target,z,p,lo_95,hi_95,out_95,lo_99.8,hi_99.8,out_99.8,phi,tau2,overdispersion,method
A,50,100,0.5,0.5,0,1,0.3968,0.6032,0,0.3412,0.6588,0,0.02667,0,multiplicative,exact
B,51,100,0.51,0.5,0.2,0.9204,0.3968,0.6032,0,0.3412,0.6588,0,0.02667,0,multiplicative,exact
C,49,100,0.49,0.5,-0.2,0.9204,0.3968,0.6032,0,0.3412,0.6588,0,0.02667,0,multiplicative,exact

=== p-values feed disp-adjust
# Bonferroni over two units: twice the p as written (0.00195312, 6 digits).
cmd: disp-funnel --target 0.5 | disp-adjust -m bonferroni | cut -d, -f1,7,18
--- stdin
u,events,total
A,0,10
B,5,10
--- stdout
u,p,p_adj
A,0.00195312,0.00390624
B,1,1

=== the output reads back
cmd: f=/tmp/disp-funnel-rt.$$; cat >$f; disp-funnel --digits 17 $f | roundtrip 17 u overdispersion method && disp-funnel --limits --points 3 $f | roundtrip 6 overdispersion method; s=$?; rm -f $f; exit $s
--- stdin
u,events,total
A,3,10
B,0,0
C,9,40
--- stdout any

=== huge counts: the normal limits to 2^53
cmd: disp-funnel --method normal --target 0.5 | cut -d, -f1,6,7,10
--- stdin
u,events,total
A,4503599627370496,9007199254740992
--- stdout
u,z,p,out_95
A,0,1,0

=== huge counts: exact stops at its limit, before any output
cmd: disp-funnel
--- stdin
u,events,total
A,1,10
B,3,1000000000001
--- stderr
disp-funnel: --method exact: unit 'B' is beyond the method's limit (n <= 10^12; with -x, target x expected <= 10^12)
--- exit 65

=== events above the total
cmd: disp-funnel
--- stdin
u,events,total
A,11,10
--- stderr
disp-funnel: stdin:2: column 'events': events exceed total: '11'
--- exit 65

=== no rows
cmd: disp-funnel
--- stdin
u,events,total
--- stderr
disp-funnel: no units: the input has a header but no rows
--- exit 65

=== every total 0: no pooled target
cmd: disp-funnel
--- stdin
u,events,total
A,0,0
--- stderr
disp-funnel: no unit has a positive total: the pooled target is undefined (give --target)
--- exit 65

=== additive over-dispersion needs two units
cmd: disp-funnel --overdispersion additive --target 0.3
--- stdin
u,events,total
A,7,20
--- stderr
disp-funnel: --overdispersion additive needs at least two units with a positive total
--- exit 65

=== over-dispersion at a target without variance
cmd: disp-funnel --overdispersion multiplicative --target 0
--- stdin
u,events,total
A,1,20
--- stderr
disp-funnel: --overdispersion multiplicative: the rates have no variance at a target of 0 (it must be strictly between 0 and 1)
--- exit 65

=== an expected count of 0
cmd: disp-funnel -x expected
--- stdin
u,events,expected
A,1,0
--- stderr
disp-funnel: stdin:2: column 'expected': exposure must be a positive number: '0'
--- exit 65

=== a proportion's target above 1
cmd: disp-funnel --target 1.5
--- stdin
u,events,total
A,1,2
--- stderr
disp-funnel: --target must be at most 1 for proportions (without -x): '1.5'
Try 'disp-funnel --help' for more information.
--- exit 64

=== a bad level
cmd: disp-funnel --levels 0.95,1
--- stderr
disp-funnel: --levels: each level must be a number in (0, 1): '1'
Try 'disp-funnel --help' for more information.
--- exit 64

=== a level twice
cmd: disp-funnel --levels 0.95,0.950
--- stderr
disp-funnel: --levels: level 95% is given twice
Try 'disp-funnel --help' for more information.
--- exit 64

=== an unknown method
cmd: disp-funnel --method wald
--- stderr
disp-funnel: unknown method for --method: 'wald' (methods: exact, exact-cdf, normal)
Try 'disp-funnel --help' for more information.
--- exit 64

=== the methods as CSV
cmd: disp-funnel --methods | cut -d, -f2,4,5
--- stdout
option,method,default
--method,exact,1
--method,exact-cdf,0
--method,normal,0
--overdispersion,none,1
--overdispersion,multiplicative,0
--overdispersion,additive,0
