# Golden tests for disp-stages.  Where the expected numbers are computed, they
# come from R (tests/refs/stages.R: prop.test's Wilson interval, the Katz log
# interval written out, fisher.test), run on the same counts:
#   Rscript tests/refs/stages.R FILE GROUPCOL STAGES REF [first] [MIN]
# The score intervals (koopman, mn, scas) and the other tests are disp-rate's
# own, verified against their references there: here disp-stages is held to
# disp-rate on the same 2x2 tables (tests/cli/stages-vs-rate.sh).  The
# published figures are the OJJDP's (fixtures/README.md).

=== a funnel of three groups, Katz intervals and Fisher p (R: stages.R syn.csv group officers,allegation,case,hearing,dismissed White)
cmd: disp-stages -s officers,allegation,case,hearing,dismissed -r White --ratio katz
--- stdin
group,officers,allegation,case,hearing,dismissed
Black,400,120,40,12,5
White,3000,500,150,30,8
Asian,300,60,20,0,0
--- stdout
group,stage,base,events,total,rate,rate_lo,rate_hi,ref,rr,rr_lo,rr_hi,p,cum_rate,cum_rr,cum_rr_lo,cum_rr_hi,cum_p,small
Black,allegation,officers,120,400,0.3,0.257168,0.346637,White,1.8,1.51899,2.13299,8.77364e-10,0.3,1.8,1.51899,2.13299,8.77364e-10,0
White,allegation,officers,500,3000,0.166667,0.153759,0.180427,White,1,,,,0.166667,1,,,,0
Asian,allegation,officers,60,300,0.2,0.158657,0.248929,White,1.2,0.94391,1.52557,0.146624,0.2,1.2,0.94391,1.52557,0.146624,0
Black,case,allegation,40,120,0.333333,0.255317,0.421689,White,1.11111,0.83451,1.47939,0.508637,0.1,2,1.43381,2.78976,0.000169208,0
White,case,allegation,150,500,0.3,0.261482,0.341568,White,1,,,,0.05,1,,,,0
Asian,case,allegation,20,60,0.333333,0.227293,0.459431,White,1.11111,0.758277,1.62812,0.655966,0.0666667,1.33333,0.849136,2.09363,0.216836,0
Black,hearing,case,12,40,0.3,0.180748,0.4543,White,1.5,0.847082,2.65618,0.199684,0.03,3,1.54858,5.81179,0.00241729,1
White,hearing,case,30,150,0.2,0.143841,0.271141,White,1,,,,0.01,1,,,,0
Asian,hearing,case,0,20,0,0,0.161125,White,0,0,inf,0.0262517,0,0,0,inf,0.105825,1
Black,dismissed,hearing,5,12,0.416667,0.19326,0.680489,White,1.5625,0.638707,3.82242,0.463455,0.0125,4.6875,1.541,14.2587,0.0126589,1
White,dismissed,hearing,8,30,0.266667,0.141827,0.44448,White,1,,,,0.00266667,1,,,,1
Asian,dismissed,hearing,0,0,nan,nan,nan,White,nan,nan,nan,nan,0,0,0,inf,1,1

=== --base first: every rate out of the first stage (R: stages.R ... White first 10)
cmd: disp-stages -s officers,allegation,case,hearing,dismissed -r White --ratio katz --base first --min-count 10
--- stdin
group,officers,allegation,case,hearing,dismissed
Black,400,120,40,12,5
White,3000,500,150,30,8
Asian,300,60,20,0,0
--- stdout
group,stage,base,events,total,rate,rate_lo,rate_hi,ref,rr,rr_lo,rr_hi,p,cum_rate,cum_rr,cum_rr_lo,cum_rr_hi,cum_p,small
Black,allegation,officers,120,400,0.3,0.257168,0.346637,White,1.8,1.51899,2.13299,8.77364e-10,0.3,1.8,1.51899,2.13299,8.77364e-10,0
White,allegation,officers,500,3000,0.166667,0.153759,0.180427,White,1,,,,0.166667,1,,,,0
Asian,allegation,officers,60,300,0.2,0.158657,0.248929,White,1.2,0.94391,1.52557,0.146624,0.2,1.2,0.94391,1.52557,0.146624,0
Black,case,officers,40,400,0.1,0.0742993,0.133311,White,2,1.43381,2.78976,0.000169208,0.1,2,1.43381,2.78976,0.000169208,0
White,case,officers,150,3000,0.05,0.0427603,0.0583906,White,1,,,,0.05,1,,,,0
Asian,case,officers,20,300,0.0666667,0.0435675,0.100723,White,1.33333,0.849136,2.09363,0.216836,0.0666667,1.33333,0.849136,2.09363,0.216836,0
Black,hearing,officers,12,400,0.03,0.017243,0.0516985,White,3,1.54858,5.81179,0.00241729,0.03,3,1.54858,5.81179,0.00241729,0
White,hearing,officers,30,3000,0.01,0.0070137,0.0142396,White,1,,,,0.01,1,,,,0
Asian,hearing,officers,0,300,0,0,0.012643,White,0,0,inf,0.105825,0,0,0,inf,0.105825,1
Black,dismissed,officers,5,400,0.0125,0.00535075,0.0289237,White,4.6875,1.541,14.2587,0.0126589,0.0125,4.6875,1.541,14.2587,0.0126589,1
White,dismissed,officers,8,3000,0.00266667,0.00135186,0.0052535,White,1,,,,0.00266667,1,,,,1
Asian,dismissed,officers,0,300,0,0,0.012643,White,0,0,inf,1,0,0,0,inf,1,1

=== the Met's racism complaints, 2017-21: one group, rates only (R: stages.R fixtures/met-racism-2017-21.csv force complaints,upheld,hearing,dismissed Met)
cmd: disp-stages -s complaints,upheld,hearing,dismissed fixtures/met-racism-2017-21.csv
--- stdout
force,stage,base,events,total,rate,rate_lo,rate_hi,ref,rr,rr_lo,rr_hi,p,cum_rate,cum_rr,cum_rr_lo,cum_rr_hi,cum_p,small
Met,upheld,complaints,76,300,0.253333,0.20745,0.305454,Met,1,,,,0.253333,1,,,,0
Met,hearing,upheld,14,76,0.184211,0.113026,0.285783,Met,1,,,,0.0466667,1,,,,1
Met,dismissed,hearing,4,14,0.285714,0.117214,0.546491,Met,1,,,,0.0133333,1,,,,1

=== Casey: 1,809 of 8,917 with more than one case (the BBC's 20%), 13 of them dismissed (0.72%, published as 0.71%) (R)
cmd: disp-stages -s accused,repeat,dismissed fixtures/casey-2022-repeat.csv
--- stdout
force,stage,base,events,total,rate,rate_lo,rate_hi,ref,rr,rr_lo,rr_hi,p,cum_rate,cum_rr,cum_rr_lo,cum_rr_hi,cum_p,small
Met,repeat,accused,1809,8917,0.202871,0.194653,0.211345,Met,1,,,,0.202871,1,,,,0
Met,dismissed,repeat,13,1809,0.00718629,0.00420453,0.0122566,Met,1,,,,0.00145789,1,,,,1

=== "just 5%" of the 76 disciplined were dismissed: 4/76 = 0.0526, Wilson (0.0207, 0.128) by hand: (4 + 1.92 -/+ 1.96 sqrt(4 * 72/76 + 0.96)) / (76 + 3.84)
cmd: disp-stages -s upheld,hearing,dismissed --base first --digits 3 fixtures/met-racism-2017-21.csv | cut -d, -f2-8
--- stdout
stage,base,events,total,rate,rate_lo,rate_hi
hearing,upheld,14,76,0.184,0.113,0.286
dismissed,upheld,4,76,0.0526,0.0207,0.128

=== the reference's rate is 0: rr inf, Katz 0 to inf (R: stages.R zr.csv g a,b,c R)
cmd: disp-stages -s a,b,c -r R --ratio katz
--- stdin
g,a,b,c
A,50,20,5
R,40,10,0
--- stdout
g,stage,base,events,total,rate,rate_lo,rate_hi,ref,rr,rr_lo,rr_hi,p,cum_rate,cum_rr,cum_rr_lo,cum_rr_hi,cum_p,small
A,b,a,20,50,0.4,0.276084,0.538186,R,1.6,0.847811,3.01954,0.177874,0.4,1.6,0.847811,3.01954,0.177874,1
R,b,a,10,40,0.25,0.141871,0.40194,R,1,,,,0.25,1,,,,1
A,c,b,5,20,0.25,0.111862,0.468701,R,inf,0,inf,0.140036,0.1,inf,0,inf,0.0631812,1
R,c,b,0,10,0,0,0.277533,R,1,,,,0,1,,,,1

=== no one left: a base of 0 is nan for the group, and for every group when it is the reference's (R: stages.R nl.csv g a,b,c R)
cmd: disp-stages -s a,b,c -r R --ratio katz
--- stdin
g,a,b,c
A,50,20,5
R,40,0,0
B,0,0,0
--- stdout
g,stage,base,events,total,rate,rate_lo,rate_hi,ref,rr,rr_lo,rr_hi,p,cum_rate,cum_rr,cum_rr_lo,cum_rr_hi,cum_p,small
A,b,a,20,50,0.4,0.276084,0.538186,R,inf,0,inf,1.05591e-06,0.4,inf,0,inf,1.05591e-06,1
R,b,a,0,40,0,0,0.0876216,R,1,,,,0,1,,,,1
B,b,a,0,0,nan,nan,nan,R,nan,nan,nan,nan,nan,nan,nan,nan,nan,1
A,c,b,5,20,0.25,0.111862,0.468701,R,nan,nan,nan,nan,0.1,inf,0,inf,0.0631812,1
R,c,b,0,0,nan,nan,nan,R,1,,,,0,1,,,,1
B,c,b,0,0,nan,nan,nan,R,nan,nan,nan,nan,nan,nan,nan,nan,nan,1

=== every stage and cumulative comparison is disp-rate's on the same table: default methods, on the OJJDP matrix (a branching process)
cmd: sh tests/cli/stages-vs-rate.sh fixtures/red-2020-males.csv White population,referred,diverted/referred,detained/referred,petitioned/referred,adjudicated,probation,placement/adjudicated
--- stdout
referred (stage, base population): same as disp-rate
referred (cum, base population): same as disp-rate
diverted (stage, base referred): same as disp-rate
diverted (cum, base population): same as disp-rate
detained (stage, base referred): same as disp-rate
detained (cum, base population): same as disp-rate
petitioned (stage, base referred): same as disp-rate
petitioned (cum, base population): same as disp-rate
adjudicated (stage, base petitioned): same as disp-rate
adjudicated (cum, base population): same as disp-rate
probation (stage, base adjudicated): same as disp-rate
probation (cum, base population): same as disp-rate
placement (stage, base adjudicated): same as disp-rate
placement (cum, base population): same as disp-rate

=== the same with mn, score and jeffreys; scas, chi2 and exact at 90%; bailey, g and midp; katz, fisher-midp and wilson-cc; zero cells and all events
cmd: f=/tmp/disp-svr-in.$$; printf 'group,officers,allegation,case,hearing,dismissed\nBlack,400,120,40,12,5\nWhite,3000,500,150,30,8\nAsian,300,60,20,0,0\nMixed,10,10,10,10,10\n' >$f; for m in '--ratio mn --test score --ci jeffreys' '--ratio scas --test chi2 --ci exact -l 0.9' '--ratio bailey --test g --ci midp' '--ratio katz --test fisher-midp --ci wilson-cc'; do out=$(sh tests/cli/stages-vs-rate.sh $f White officers,allegation,case,hearing,dismissed $m); echo "$m: $(echo "$out" | grep -c 'same as disp-rate') of 8 the same"; echo "$out" | grep -v 'same as disp-rate'; done; rm -f $f
--- stdout
--ratio mn --test score --ci jeffreys: 8 of 8 the same
--ratio scas --test chi2 --ci exact -l 0.9: 8 of 8 the same
--ratio bailey --test g --ci midp: 8 of 8 the same
--ratio katz --test fisher-midp --ci wilson-cc: 8 of 8 the same

=== the product of a group's stage ratios along its path is its cumulative ratio (OJJDP matrix, every group and stage)
cmd: disp-stages -r White --digits 17 -s population,referred,diverted/referred,detained/referred,petitioned/referred,adjudicated,probation,placement/adjudicated fixtures/red-2020-males.csv | awk -F, 'NR == 1 { next } NR == 2 { first = $3 } { P[$1, $2] = ($3 == first ? 1 : P[$1, $3]) * $10; e = P[$1, $2] / $15 - 1; if (e < 0) e = -e; if (e > m) m = e; n++ } END { printf "%d rows, largest relative difference %s 1e-15\n", n, m < 1e-15 ? "below" : "ABOVE" }'
--- stdout
35 rows, largest relative difference below 1e-15

=== the product holds wherever every ratio on the way is defined; after a base of 0 it is nan while the cumulative ratio is 0
cmd: disp-stages -s officers,allegation,case,hearing,dismissed -r White --digits 17 | awk -F, 'NR == 1 { next } NR == 2 { first = $3 } { P[$1, $2] = ($3 == first ? 1 : P[$1, $3]) * $10; N[$1, $2] = ($3 == first ? 0 : N[$1, $3]) || $10 == "nan"; q = P[$1, $2]; print $1, $2, N[$1, $2] ? "no product (a nan on the way), cum_rr " $15 : q == $15 || (q - $15) / $15 < 1e-15 && ($15 - q) / $15 < 1e-15 ? "equal" : "product " q ", cum_rr " $15 }'
--- stdin
group,officers,allegation,case,hearing,dismissed
Black,400,120,40,12,5
White,3000,500,150,30,8
Asian,300,60,20,0,0
--- stdout
Black allegation equal
White allegation equal
Asian allegation equal
Black case equal
White case equal
Asian case equal
Black hearing equal
White hearing equal
Asian hearing equal
Black dismissed equal
White dismissed equal
Asian dismissed no product (a nan on the way), cum_rr 0

=== the OJJDP's published rates and ratios of rates (boys, 2020): each as computed to its one decimal, or within what counts rounded to the nearest 100 allow
cmd: disp-stages -r White -s population,referred,diverted/referred,detained/referred,petitioned/referred,adjudicated,probation,placement/adjudicated --digits 17 fixtures/red-2020-males.csv | awk -v ref=White -f tests/cli/red-published.awk fixtures/red-2020-males.csv fixtures/red-2020-males-published.csv -
--- stdout
White diverted rate: published 30.1, computed 30.1508; within the range rounded counts allow (30.1099 to 30.1916)
AIAN diverted rate: published 21.0, computed 21.7391; within the range rounded counts allow (20.8633 to 22.6277)
ANHPI diverted rate: published 25.2, computed 24.4444; within the range rounded counts allow (23.0769 to 25.8427)
Hispanic diverted rate: published 23.1, computed 22.9805; within the range rounded counts allow (22.8949 to 23.0662)
Black detained ratio: published 1.6, computed 1.5485; within the range rounded counts allow (1.5431 to 1.5538)
AIAN detained rate: published 28.8, computed 28.9855; within the range rounded counts allow (28.0576 to 29.9270)
ANHPI detained rate: published 29.4, computed 28.8889; within the range rounded counts allow (27.4725 to 30.3371)
AIAN petitioned rate: published 62.8, computed 62.3188; within the range rounded counts allow (61.1511 to 63.5036)
ANHPI petitioned rate: published 55.1, computed 55.5556; within the range rounded counts allow (53.8462 to 57.3034)
White adjudicated rate: published 50.6, computed 50.6587; within the range rounded counts allow (50.5685 to 50.7490)
ANHPI adjudicated rate: published 53.8, computed 52.0000; within the range rounded counts allow (49.0196 to 55.1020)
ANHPI adjudicated ratio: published 1.1, computed 1.0265; within the range rounded counts allow (0.9659 to 1.0897)
White probation rate: published 68.7, computed 68.5579; within the range rounded counts allow (68.3589 to 68.7574)
AIAN probation rate: published 67.7, computed 69.5652; within the range rounded counts allow (65.9574 to 73.3333)
ANHPI probation rate: published 69.0, computed 69.2308; within the range rounded counts allow (62.9630 to 76.0000)
Hispanic probation rate: published 65.5, computed 65.6109; within the range rounded counts allow (65.2370 to 65.9864)
AIAN placement rate: published 24.1, computed 26.0870; within the range rounded counts allow (23.4043 to 28.8889)
AIAN placement ratio: published 1.1, computed 1.1616; within the range rounded counts allow (1.0354 to 1.2947)
ANHPI placement rate: published 22.4, computed 23.0769; within the range rounded counts allow (18.5185 to 28.0000)
Hispanic placement rate: published 31.8, computed 31.6742; within the range rounded counts allow (31.3770 to 31.9728)
rates: 18 as published, 17 within rounding; ratios: 25 as published, 3 within rounding

=== record-level flags counted by disp-count -f, then the funnel (by hand: A 3/4, 2/3, 1/2; B 1/4, 0/1, 0/0; rr 1/3, 0, nan; cum 3/4 1/2 1/4 and 1/4 0 0)
cmd: disp-count -g g -f alleged,case,hearing | disp-stages -s total,alleged,case,hearing -r A --min-count 0 | cut -d, -f1-6,10,14,15,19
--- stdin
id,g,alleged,case,hearing
1,A,1,1,1
2,A,1,1,0
3,A,yes,0,0
4,A,0,0,0
5,B,1,0,0
6,B,0,0,0
7,B,false,0,0
8,B,0,no,0
--- stdout
g,stage,base,events,total,rate,rr,cum_rate,cum_rr,small
A,alleged,total,3,4,0.75,1,0.75,1,0
B,alleged,total,1,4,0.25,0.333333,0.25,0.333333,0
A,case,alleged,2,3,0.666667,1,0.5,1,0
B,case,alleged,0,1,0,0,0,0,0
A,hearing,case,1,2,0.5,1,0.25,1,0
B,hearing,case,0,0,nan,nan,0,0,0

=== one stage's rows read straight into disp-rate: the same rates, ratios and p (R's, as in the first case)
cmd: disp-stages -s officers,allegation,case,hearing,dismissed -r White --ratio katz | awk -F, 'NR == 1 || $2 == "hearing"' | disp-rate -g group -r White --ratio katz
--- stdin
group,officers,allegation,case,hearing,dismissed
Black,400,120,40,12,5
White,3000,500,150,30,8
Asian,300,60,20,0,0
--- stdout
group,events,total,rate,rate_lo,rate_hi,ref,rr,rr_lo,rr_hi,p
Black,12,40,0.3,0.180748,0.4543,White,1.5,0.847082,2.65618,0.199684
White,30,150,0.2,0.143841,0.271141,White,1,,,
Asian,0,20,0,0,0.161125,White,0,0,inf,0.0262517

=== every cell reads back through the kit, at 6 and 17 digits, CSV and TSV (the counts are integers, written whole)
cmd: for d in 6 17; do disp-stages -r White -s population,referred,diverted/referred,detained/referred,petitioned/referred,adjudicated,probation,placement/adjudicated --digits $d fixtures/red-2020-males.csv | roundtrip $d group stage base events total ref; printf 'g\ta\tb\tc\nA\t50\t20\t5\nR\t40\t0\t0\nB\t0\t0\t0\n' | disp-stages -t -s a,b,c -r R --digits $d | roundtrip -t $d g stage base events total ref; done
--- stdout
455 cells read back
78 cells read back
455 cells read back
78 cells read back

=== --per 1000 scales the rates, not the ratios; --min-count 77 flags the 76 upheld (by hand: 76/300, 14/76, 4/14 and 14/300, 4/300, per 1000)
cmd: disp-stages -s complaints,upheld,hearing,dismissed --per 1000 --min-count 77 fixtures/met-racism-2017-21.csv | cut -d, -f2,6,10,14,15,19
--- stdout
stage,rate,rr,cum_rate,cum_rr,small
upheld,253.333,1,253.333,1,1
hearing,184.211,1,46.6667,1,1
dismissed,285.714,1,13.3333,1,1

=== --min-count 0 flags nothing; a group column named with -g need not be the first
cmd: disp-stages -g group -s a,b -r W --min-count 0 | cut -d, -f1,2,4,5,19
--- stdin
a,group,b
10,B,1
10,W,2
--- stdout
group,stage,events,total,small
B,b,1,10,0
W,b,2,10,0

=== counts up to 2^53 are exact (by hand: 2^52/2^53, 2^50/2^52, 1/2^52; rr 2^50; Katz from R)
cmd: disp-stages -s a,b,c -r Y --ratio katz | cut -d, -f1,2,4-6,10-12,14
--- stdin
g,a,b,c
X,9007199254740992,4503599627370496,1125899906842624
Y,9007199254740992,4503599627370496,1
--- stdout
g,stage,events,total,rate,rr,rr_lo,rr_hi,cum_rate
X,b,4503599627370496,9007199254740992,0.5,1,1,1,0.5
Y,b,4503599627370496,9007199254740992,0.5,1,,,0.5
X,c,1125899906842624,4503599627370496,0.25,1.1259e+15,1.58598e+14,7.99284e+15,0.125
Y,c,1,4503599627370496,2.22045e-16,1,,,1.11022e-16

=== a count past 2^53 is an error
cmd: disp-stages -s a,b
--- stdin
g,a,b
X,9007199254740993,1
--- stderr
disp-stages: stdin:2: column 'a': count too large (the limit is 2^53): '9007199254740993'
--- exit 65

=== a stage larger than the one before it names the file, line, group, both stages and both counts
cmd: t=$(mktemp -d); printf 'group,allegation,case_to_answer,hearing\nWhite,100,40,10\nBlack,50,14,20\n' >$t/counts.csv; cd $t && disp-stages -s allegation,case_to_answer,hearing counts.csv; s=$?; rm -rf $t; exit $s
--- stderr
disp-stages: counts.csv:3: column 'hearing': group 'Black' has 20 here, more than the 14 at 'case_to_answer', the stage it comes from (stages are nested): '20'
--- exit 65

=== a branch is held to the stage it comes from, and still with --base first
cmd: disp-stages -s pop,referred,detained/referred --base first
--- stdin
g,pop,referred,detained
A,100,10,11
--- stderr
disp-stages: stdin:2: column 'detained': group 'A' has 11 here, more than the 10 at 'referred', the stage it comes from (stages are nested): '11'
--- exit 65

=== --stages is required
cmd: disp-stages
--- stdin
g,a,b
x,2,1
--- stderr
disp-stages: --stages COL,COL... is required
Try 'disp-stages --help' for more information.
--- exit 64

=== one stage is not a process
cmd: disp-stages -s a
--- stderr
disp-stages: --stages needs at least two stages (a first stage and one that comes from it)
Try 'disp-stages --help' for more information.
--- exit 64

=== a stage listed twice
cmd: disp-stages -s a,b,a
--- stderr
disp-stages: --stages: stage 'a' is listed twice
Try 'disp-stages --help' for more information.
--- exit 64

=== a base must be listed before its stage
cmd: disp-stages -s a,b/c,c
--- stderr
disp-stages: --stages: the base of 'b', 'c', is not a stage listed before it
Try 'disp-stages --help' for more information.
--- exit 64

=== the first stage has no base
cmd: disp-stages -s a/b,c
--- stderr
disp-stages: --stages: the first stage 'a' has no base
Try 'disp-stages --help' for more information.
--- exit 64

=== an empty stage name
cmd: disp-stages -s a,,b
--- stderr
disp-stages: --stages: an empty stage name in 'a,,b'
Try 'disp-stages --help' for more information.
--- exit 64

=== --base takes previous or first
cmd: disp-stages -s a,b --base last
--- stderr
disp-stages: --base must be previous or first: 'last'
Try 'disp-stages --help' for more information.
--- exit 64

=== --min-count takes a count
cmd: disp-stages -s a,b --min-count 1.5
--- stderr
disp-stages: --min-count must be a non-negative integer: '1.5'
Try 'disp-stages --help' for more information.
--- exit 64

=== a method name is checked as in disp-rate
cmd: disp-stages -s a,b --test nope
--- stderr
disp-stages: unknown method for --test: 'nope' (methods: fisher, chi2, chi2-yates, g, fisher-midp, score, barnard, barnard-unpooled, boschloo, boschloo-minlike)
Try 'disp-stages --help' for more information.
--- exit 64

=== -g naming a stage
cmd: disp-stages -s a,b -g a
--- stderr
disp-stages: the group column 'a' is also a stage
Try 'disp-stages --help' for more information.
--- exit 64

=== a table without a group column
cmd: disp-stages -s complaints,upheld
--- stdin
complaints,upheld
300,76
--- stderr
disp-stages: the group column 'complaints' is also a stage (it is the first column unless -g names another; a table of stage counts needs a group column, even for one group)
--- exit 65

=== an unknown stage column lists the columns
cmd: disp-stages -s a,c
--- stdin
g,a,b
x,2,1
--- stderr
disp-stages: stdin:1: unknown column 'c' (columns: g, a, b)
--- exit 65

=== a count with a thousands separator, with the hint
cmd: disp-stages -s a,b
--- stdin
g,a,b
x,"1,809",13
--- stderr
disp-stages: stdin:2: column 'a': not a non-negative integer (no thousands separators: write 1809, not 1,809): '1,809'
--- exit 65

=== a repeated group, with the merge that sums it
cmd: disp-stages -s a,b
--- stdin
g,a,b
x,2,1
x,3,1
--- stderr
disp-stages: stdin:3: column 'g': group appears twice (first on line 2; sum the rows with disp-count --merge -f): 'x'
--- exit 65

=== a header and no rows
cmd: disp-stages -s a,b
--- stdin
g,a,b
--- stderr
disp-stages: no groups: the input has a header but no rows
--- exit 65

=== empty input
cmd: disp-stages -s a,b
--- stderr
disp-stages: stdin:1: no header row (empty input)
--- exit 65

=== an unknown reference group: did you mean
cmd: disp-stages -s a,b -r white
--- stdin
g,a,b
White,2,1
Black,3,1
--- stderr
disp-stages: reference group 'white' not found; did you mean 'White'? (groups: White, Black)
--- exit 65

=== the default reference is the largest first stage; --pretty (by hand: Wilson for 5/10 and 5/20; Katz 2 exp(-/+ 1.96 sqrt(1/5 - 1/10 + 1/5 - 1/20)); R's fisher.test 0.231)
cmd: disp-stages -s a,b --min-count 0 --digits 3 --pretty --ratio katz
--- stdin
g,a,b
small,10,5
large,20,5
--- stdout
g      stage  base  events  total  rate  rate_lo  rate_hi  ref    rr  rr_lo  rr_hi      p  cum_rate  cum_rr  cum_rr_lo  cum_rr_hi  cum_p  small
small  b      a          5     10   0.5    0.237    0.763  large   2  0.751   5.33  0.231       0.5       2      0.751       5.33  0.231      0
large  b      a          5     20  0.25    0.112    0.469  large   1                           0.25       1                                   0

=== several files with one header are read in order
cmd: t=$(mktemp -d); printf 'g,a,b\nx,4,1\n' >$t/1.csv; printf 'g,a,b\ny,8,4\n' >$t/2.csv; disp-stages -s a,b -r y $t/1.csv $t/2.csv | cut -d, -f1,4-6,10; s=$?; rm -rf $t; exit $s
--- stdout
g,events,total,rate,rr
x,1,4,0.25,0.5
y,4,8,0.5,1

=== counts beyond a method's limit: exit 65 naming method, group and stage, and no partial table
cmd: t=/tmp/disp-st.$$; disp-stages -s a,b --test barnard >$t.out 2>$t.err; echo "exit $?"; sed 's/ (.*//' $t.err; wc -c <$t.out; rm -f $t.out $t.err
--- stdin
g,a,b
X,1000000,10
Y,1000000,20
--- stdout
exit 65
disp-stages: --test barnard: group 'Y' at stage 'b' is beyond the method's limit
0

