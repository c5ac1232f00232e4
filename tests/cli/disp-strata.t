# disp-strata: stratified comparisons.  Expected values come from R 4.2
# (mantelhaen.test; epiR 2.0.57 epi.2by2 with units = 1; epitools
# riskratio.wald, oddsratio.wald, ageadjust.direct; qgamma), statsmodels
# 0.13 (StratifiedTable.test_equal_odds), or by hand (the derivation in a
# comment), each printed with 6 significant digits (R: formatC(v, digits =
# 6, format = "g")), never from our own output.

=== UC Berkeley 1973, women against men: MH rr with the Greenland-Robins interval, the crude beside it
# R: epi.2by2(<women, men by department>, units = 1)$massoc.detail$RR.mh.wald
# = 1.05831 (0.970439, 1.15413); riskratio.wald on the summed table 0.68183
# (0.628697, 0.739454); mantelhaen.test(correct = FALSE)$p.value 0.216924;
# crude p: the MN score test of one stratum, pchisq(X^2 (N-1)/N) where X^2 =
# chisq.test(correct = FALSE) on the summed table, 7.89445e-22; statsmodels
# test_equal_odds(adjust = True).pvalue 0.0020714.
cmd: disp-strata -s dept -e admitted -n applicants -r Male fixtures/ucb-admissions-1973.csv
--- stdout
sex,events,total,ref,strata,rr,rr_lo,rr_hi,crude_rr,crude_rr_lo,crude_rr_hi,p,crude_p,p_homog,note
Male,1198,2691,Male,6,1,,,1,,,,,,
Female,557,1835,Male,6,1.05831,0.970439,1.15413,0.68183,0.628697,0.739454,0.216924,7.89445e-22,0.0020714,

=== UC Berkeley: --odds mh (Robins-Breslow-Greenland) and --diff sato, with the crude Woolf and Sato
# R epiR: OR.mh.wald 1.10534 (0.943103, 1.29549), ARisk.mh.sato 0.0184252
# (-0.010632, 0.0474824); oddsratio.wald on the summed table 0.543159
# (0.479227, 0.615621); Sato's variance of one stratum (the summed table)
# -0.141645 (-0.169844, -0.113447) (tests/refs/strata.py's definition).
cmd: disp-strata -s dept -e admitted -n applicants -r Male --odds mh --diff sato fixtures/ucb-admissions-1973.csv | cut -d, -f1,12-23
--- stdout
sex,rd,rd_lo,rd_hi,crude_rd,crude_rd_lo,crude_rd_hi,or,or_lo,or_hi,crude_or,crude_or_lo,crude_or_hi
Male,0,,,0,,,1,,,1,,
Female,0.0184252,-0.010632,0.0474824,-0.141645,-0.169844,-0.113447,1.10534,0.943103,1.29549,0.543159,0.479227,0.615621

=== the output of disp-count -g group,stratum is read as it is; by hand
# PC: Black 1/2, White 1/3; Sgt: Black 1/1, White 1/2.  MH rr = (1*3/5 +
# 1*2/3) / (1*2/5 + 1*1/3) = 19/11 = 1.72727; crude (2/3)/(2/5) = 5/3.
# GR variance of log rr: ([1*2*2 + 1*3*1]/25 + [1*1*1 + 0]/9) / (19/15 *
# 11/15) = 88/209; exp(log(19/11) -/+ 1.959964 sqrt(88/209)) = 0.484204,
# 6.1616.  Crude Katz: sqrt(1/2 - 1/3 + 1/2 - 1/5) = sqrt(7/15): 0.436885,
# 6.35814.  CMH: sum(x1 - E) = (1 - 4/5) + (1 - 2/3) = 8/15, sum V = 36/100
# + 4/18 = 131/225, X^2 = 64/131, p = 0.484575; crude: X^2 (N-1)/N of one
# table, p = 0.494525.  Breslow-Day with Tarone at or_MH = 3: p 0.550234.
cmd: printf 'group,rank,allegation\nBlack,PC,1\nBlack,PC,0\nBlack,Sgt,1\nWhite,PC,1\nWhite,PC,0\nWhite,PC,0\nWhite,Sgt,0\nWhite,Sgt,1\n' | disp-count -g group,rank -e allegation | disp-strata -s rank -r White
--- stdout
group,events,total,ref,strata,rr,rr_lo,rr_hi,crude_rr,crude_rr_lo,crude_rr_hi,p,crude_p,p_homog,note
Black,2,3,White,2,1.72727,0.484204,6.1616,1.66667,0.436885,6.35814,0.484575,0.494525,0.550234,
White,2,5,White,2,1,,,1,,,,,,

=== one stratum gives the crude answer (rr as disp-rate --ratio katz, p as its MN score test)
cmd: printf 'g,s,events,total\na,x,15,60\nb,x,9,70\n' > /tmp/disp-strata-one.$$; disp-strata -s s -r b /tmp/disp-strata-one.$$ | sed -n 2p | cut -d, -f6-11 | tr , '\n' > /tmp/disp-strata-one.$$.a; disp-rate -g g -r b --ratio katz /tmp/disp-strata-one.$$ 2>&1 | sed -n 2p | cut -d, -f8-10 | tr , '\n' > /tmp/disp-strata-one.$$.b; cat /tmp/disp-strata-one.$$.b /tmp/disp-strata-one.$$.b | cmp - /tmp/disp-strata-one.$$.a && echo same; rm -f /tmp/disp-strata-one.$$*
--- stdout
same

=== Cochran's rabbits: --test cmh-cc and exact against R's mantelhaen.test, the crude Fisher test
# R: mantelhaen.test(Rabbits)$p.value 0.0474723; mantelhaen.test(Rabbits,
# exact = TRUE)$p.value 0.0399449; fisher.test on the summed table (16/26
# against 13/28) 0.289832.
cmd: printf 'delay,level,cured,rabbits\nnone,1/8,0,6\nnone,1/4,3,6\nnone,1/2,6,6\nnone,1,5,6\nnone,4,2,2\nlate,1/8,0,5\nlate,1/4,0,6\nlate,1/2,2,6\nlate,1,6,6\nlate,4,5,5\n' | disp-strata -s level -e cured -n rabbits -r late --test cmh-cc | cut -d, -f1,12; printf 'delay,level,cured,rabbits\nnone,1/8,0,6\nnone,1/4,3,6\nnone,1/2,6,6\nnone,1,5,6\nnone,4,2,2\nlate,1/8,0,5\nlate,1/4,0,6\nlate,1/2,2,6\nlate,1,6,6\nlate,4,5,5\n' | disp-strata -s level -e cured -n rabbits -r late --test exact | cut -d, -f1,12,13
--- stdout
delay,p
none,0.0474723
late,
delay,p,crude_p
none,0.0399449,0.289832
late,,

=== --odds exact: the exact conditional interval, R's without uniroot's tolerance
# The definition at 40 digits (tests/refs/strata.py exact_ci): 1.07739,
# 531.513, and for the summed table (16/26 against 13/28) 0.549236,
# 6.28253; R's mantelhaen.test(exact = TRUE)$conf.int (1.077401,
# 529.837399) and fisher.test's (0.549206, 6.282694) are within uniroot's
# tolerance of them.
cmd: printf 'delay,level,cured,rabbits\nnone,1/8,0,6\nnone,1/4,3,6\nnone,1/2,6,6\nnone,1,5,6\nnone,4,2,2\nlate,1/8,0,5\nlate,1/4,0,6\nlate,1/2,2,6\nlate,1,6,6\nlate,4,5,5\n' | disp-strata -s level -e cured -n rabbits -r late --odds exact | cut -d, -f1,13,14,16,17
--- stdout
delay,or_lo,or_hi,crude_or_lo,crude_or_hi
none,1.07739,531.513,0.549236,6.28253
late,,,,

=== -x person-time: the MH rate ratio (Greenland-Robins) and test
# R epiR epi.2by2(method = "cohort.time")$massoc.detail$IRR.mh.wald 2.45483
# (1.54173, 3.90873); the MH test (sum(x1 - m t1/T))^2 / sum(m t1 t2/T^2)
# by hand in R, p 9.13516e-05; crude: 21/2900.5 over 115/39000.25 =
# 2.45536, exp(log rr -/+ 1.959964 sqrt(1/21 + 1/115)) = 1.54213, 3.90942;
# the score test of one stratum 9.08404e-05.  Homogeneity: sum (x1 -
# m pi)^2 / (m pi (1 - pi)), pi = rr t1 / (rr t1 + t2) at rr_MH, 1 df
# (tests/refs/strata.py pt_bd_p), 0.702682.  The summed exposure, a computed
# number, is written with 6 digits.
cmd: disp-strata -s year -x years -r White
--- stdin
group,year,events,years
Black,2019,12,1500.5
Black,2020,9,1400
White,2019,60,20000
White,2020,55,19000.25
--- stdout
group,events,exposure,ref,strata,rr,rr_lo,rr_hi,crude_rr,crude_rr_lo,crude_rr_hi,p,crude_p,p_homog,note
Black,21,2900.5,White,2,2.45483,1.54173,3.90873,2.45536,1.54213,3.90942,9.13516e-05,9.08404e-05,0.702682,
White,115,39000.2,White,2,1,,,1,,,,,,

=== --standardise direct with a --standard column: epitools' ageadjust.direct (Fay-Feuer)
# R: ageadjust.direct(c(240, 17, 3), c(1200, 150, 30), stdpop = c(100, 50,
# 10)) * 100: crude 18.8406, adj 16.6667 (14.3384, 19.4114); White's
# 13.2245 crude, 12.5625 (12.1208, 13.0184); rr 16.6667/12.5625 = 1.32670;
# crude_rr (260/1380)/(3240/24500) = 1.42467.
cmd: disp-strata -s rank -e allegations -n officers -r White --standardise direct --standard std --per 100
--- stdin
group,rank,allegations,officers,std
White,Constable,2700,18000,100
White,Sergeant,450,5000,50
White,Inspector,90,1500,10
Black,Constable,240,1200,100
Black,Sergeant,17,150,50
Black,Inspector,3,30,10
--- stdout
group,events,total,ref,strata,rate,rate_lo,rate_hi,crude_rate,rr,crude_rr,note
White,3240,24500,White,3,12.5625,12.1208,13.0184,13.2245,1,1,
Black,260,1380,White,3,16.6667,14.3384,19.4114,18.8406,1.3267,1.42467,

=== --standardise indirect: observed over expected at the reference's rates, Garwood's interval
# Expected for Black: 1200 * 0.15 + 150 * 0.09 + 30 * 0.06 = 195.3; 260 /
# 195.3 = 1.33129; R: qgamma(0.025, 260) / 195.3 = 1.17437, qgamma(0.975,
# 261) / 195.3 = 1.50333; crude_rr 1.42467.
cmd: disp-strata -s rank -e allegations -n officers -r White --standardise indirect
--- stdin
group,rank,allegations,officers
White,Constable,2700,18000
White,Sergeant,450,5000
White,Inspector,90,1500
Black,Constable,240,1200
Black,Sergeant,17,150
Black,Inspector,3,30
--- stdout
group,events,total,expected,ref,strata,smr,smr_lo,smr_hi,crude_rr,note
White,3240,24500,3240,White,3,1,,,1,
Black,260,1380,195.3,White,3,1.33129,1.17437,1.50333,1.42467,

=== a stratum with one group only is left out and named; a zero row likewise; --each says why
# By hand and by tests/refs/strata.py's definitions (3 digits): B's PC
# alone, 12/40 against 30/200: rr 2, Katz exp(log 2 -/+ 1.959964 sqrt(1/12
# - 1/40 + 1/30 - 1/200)) = 1.12, 3.56; MN score test (N-1)/N X^2 =
# 239/240 * 5.19481, p 0.0229.  B's only stratum with W is PC, so the
# pooled row is PC's; crude 12/40 against 36/260 = 2.17, Katz 1.23, 3.80,
# p 0.0096 (X^2 6.7308 * 299/300).  A: PC 3/20 against 30/200, rr 1 (0.335,
# 2.99), p 1; Sgt 0/5 against 5/50, rr 0 (0, inf), p 0.462; pooled over PC
# and Sgt: (3*200/220) / (30*20/220 + 5*5/55) = 0.857 (0.285, 2.57), CMH p
# 0.783; crude 5/34 against 36/260 = 1.06 (0.447, 2.52), p 0.892;
# Breslow-Day-Tarone over the two strata 0.464 (statsmodels
# test_equal_odds(adjust = True)).  B has one stratum with W: p_homog nan.
cmd: disp-strata -s rank -r W --each --digits 3
--- stdin
g,rank,events,total
W,PC,30,200
W,Sgt,5,50
W,Ch,1,10
B,PC,12,40
B,Sgt,0,0
A,PC,3,20
A,Sgt,0,5
A,Ch,0,0
A,Cadet,2,9
--- stdout
g,rank,scope,events,total,ref,strata,rr,rr_lo,rr_hi,crude_rr,crude_rr_lo,crude_rr_hi,p,crude_p,p_homog,note
W,PC,stratum,30,200,W,1,1,,,,,,,,,
W,Sgt,stratum,5,50,W,1,1,,,,,,,,,
W,Ch,stratum,1,10,W,1,1,,,,,,,,,
W,,pooled,36,260,W,3,1,,,1,,,,,,
B,PC,stratum,12,40,W,1,2,1.12,3.56,,,,0.0229,,,
B,Sgt,stratum,0,0,W,0,nan,nan,nan,,,,nan,,,no B in this stratum
B,Ch,stratum,,,W,0,nan,nan,nan,,,,nan,,,no B in this stratum
B,,pooled,12,40,W,1,2,1.12,3.56,2.17,1.23,3.8,0.0229,0.0096,nan,"left out, one group only: 'Ch' (no B), 'Sgt' (no B)"
A,PC,stratum,3,20,W,1,1,0.335,2.99,,,,1,,,
A,Sgt,stratum,0,5,W,1,0,0,inf,,,,0.462,,,
A,Ch,stratum,0,0,W,0,nan,nan,nan,,,,nan,,,no A in this stratum
A,Cadet,stratum,2,9,W,0,nan,nan,nan,,,,nan,,,no W (the reference) in this stratum
A,,pooled,5,34,W,2,0.857,0.285,2.57,1.06,0.447,2.52,0.783,0.892,0.464,"left out, one group only: 'Cadet' (no W), 'Ch' (no A)"

=== results do not depend on the order of the rows or of the strata
cmd: for o in "" "--ratio mn --diff scas --odds exact --test exact" "--ratio scas --diff mn --test score" "--standardise indirect" "--each"; do a=$(disp-strata -s dept -e admitted -n applicants -r Male $o --digits 17 fixtures/ucb-admissions-1973.csv | sort); b=$( (head -1 fixtures/ucb-admissions-1973.csv; tail -n +2 fixtures/ucb-admissions-1973.csv | sort -t, -k4,4n) | disp-strata -s dept -e admitted -n applicants -r Male $o --digits 17 | sort); [ "$a" = "$b" ] && echo "same: $o"; done
--- stdout
same: 
same: --ratio mn --diff scas --odds exact --test exact
same: --ratio scas --diff mn --test score
same: --standardise indirect
same: --each

=== every number reads back, and disp-plot and disp-adjust read the output
# Holm over Black's 1.4732e-06 and Asian's 0.0307221: 2 x 1.4732e-06, and
# max(that, 0.0307221).
cmd: for d in 6 17; do disp-strata -s dept -e admitted -n applicants -r Male --odds mh --diff mn --digits $d fixtures/ucb-admissions-1973.csv | roundtrip $d sex ref note; disp-strata -s rank -e allegations -n officers -r White --each --digits $d fixtures/example-strata.csv | roundtrip $d group rank scope ref note; done; disp-strata -s rank -e allegations -n officers -r White fixtures/example-strata.csv | disp-adjust | sed 's/.*,//'; disp-strata -s rank -e allegations -n officers -r White fixtures/example-strata.csv | disp-plot forest | grep -c 'Black'
--- stdout
48 cells read back
180 cells read back
48 cells read back
180 cells read back
p_adj

2.9464e-06
0.0307221
1

=== no rows
cmd: disp-strata -s s
--- stdin
g,s,events,total
--- stderr
disp-strata: no groups: the input has a header but no rows
--- exit 65

=== -s is required
cmd: disp-strata fixtures/ucb-admissions-1973.csv
--- stderr
disp-strata: --strata COL[,COL...] is required
Try 'disp-strata --help' for more information.
--- exit 64

=== a group and stratum twice names both rows
cmd: disp-strata -s s
--- stdin
g,s,events,total
a,x,1,2
b,x,1,2
a,x,1,3
--- stderr
disp-strata: stdin:4: column 'g': key 'a, x' appears twice (first on line 2; sum the rows with disp-count --merge): 'a'
--- exit 65

=== the group column cannot be a stratum
cmd: disp-strata -s g
--- stdin
g,s,events,total
a,x,1,2
--- stderr
disp-strata: the group column 'g' is also a stratum column (it is the first column unless -g names another)
--- exit 65

=== --diff and --odds are not defined for person-time
cmd: disp-strata -s s -x t --diff sato
--- stderr
disp-strata: --diff is not defined for person-time rates (-x)
Try 'disp-strata --help' for more information.
--- exit 64

=== an unknown method lists the methods
cmd: disp-strata -s s --ratio katz
--- stderr
disp-strata: unknown method for --ratio: 'katz' (methods: mh, mn, scas)
Try 'disp-strata --help' for more information.
--- exit 64

=== --standard without --standardise, --each with it
cmd: disp-strata -s s --standard w; disp-strata -s s --standardise direct --each
--- stderr
disp-strata: --standard is for --standardise
Try 'disp-strata --help' for more information.
disp-strata: --each does not apply with --standardise (each stratum's rates are disp-rate's)
Try 'disp-strata --help' for more information.
--- exit 64

=== a stratum with two standards is an error naming both rows
cmd: disp-strata -s s -r b --standardise direct --standard w
--- stdin
g,s,events,total,w
a,x,1,2,10
b,x,1,2,12
--- stderr
disp-strata: stdin:3: column 'w': stratum 'x' has another standard on line 2 ('10'): a stratum has one standard: '12'
--- exit 65

=== counts beyond the exact test's limit: exit 65 naming the limit
cmd: disp-strata -s s -r b --test exact
--- stdin
g,s,events,total
a,x,400000000000,1000000000000
b,x,400000000000,1000000000000
--- stderr
disp-strata: --test exact: group 'a' is beyond the method's limit (10^9 products in the convolution of the strata's conditional laws, 2x10^6 values of their sum)
--- exit 65

=== no stratum has both groups: nan, and the note says so
# crude 1/4 against 2/5: rr 0.625, Katz (0.0839, 4.66), p 0.655 (the MN
# score test of the summed table).
cmd: disp-strata -s s -r b --digits 3
--- stdin
g,s,events,total
a,x,1,4
b,y,2,5
--- stdout
g,events,total,ref,strata,rr,rr_lo,rr_hi,crude_rr,crude_rr_lo,crude_rr_hi,p,crude_p,p_homog,note
a,1,4,b,0,nan,nan,nan,0.625,0.0839,4.66,nan,0.655,nan,"left out, one group only: 'x' (no b), 'y' (no a); no stratum has both a and b"
b,2,5,b,1,1,,,1,,,,,,
