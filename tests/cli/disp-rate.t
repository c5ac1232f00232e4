# Golden tests for disp-rate; errors at the end name file, line, column and value.  Numbers: Wilson bounds from R prop.test
# (correct=FALSE), Clopper-Pearson from R binom.test, Fisher from R
# fisher.test, chi2 from R chisq.test(correct=FALSE), Katz from the formula
# in R, Koopman from statsmodels confint_proportions_2indep(method='score',
# compare='ratio', correction=False).  Error texts are ours by design.

=== tea tasting: defaults (wilson, koopman, fisher), reference = largest total (first on tie)
cmd: disp-rate
--- stdin
g,events,total
a,3,4
b,1,4
--- stdout
g,events,total,rate,rate_lo,rate_hi,ref,rr,rr_lo,rr_hi,p
a,3,4,0.75,0.300642,0.954413,a,1,,,
b,1,4,0.25,0.0455873,0.699358,a,0.333333,0.0579233,1.45939,0.485714

=== explicit reference, katz and chi2, exact rate interval
cmd: disp-rate -r b --ratio katz --test chi2 --ci exact
--- stdin
g,events,total
a,3,4
b,1,4
--- stdout
g,events,total,rate,rate_lo,rate_hi,ref,rr,rr_lo,rr_hi,p
a,3,4,0.75,0.19412,0.993691,b,3,0.501284,17.9539,0.157299
b,1,4,0.25,0.00630946,0.80588,b,1,,,

=== koopman and fisher against reference b
cmd: disp-rate -r b
--- stdin
g,events,total
a,3,4
b,1,4
--- stdout
g,events,total,rate,rate_lo,rate_hi,ref,rr,rr_lo,rr_hi,p
a,3,4,0.75,0.300642,0.954413,b,3,0.685216,17.2642,0.485714
b,1,4,0.25,0.0455873,0.699358,b,1,,,

=== tea tasting, Yates and G tests (R: chisq.test(correct=TRUE) 0.4795001; 2 sum O log(O/E) with pchisq 0.147976)
cmd: in=$(cat); for t in chi2-yates g; do printf "%s\n" "$in" | disp-rate -r b --test $t --digits 7 | sed -n 2p | cut -d, -f11; done
--- stdin
g,events,total
a,3,4
b,1,4
--- stdout
0.4795001
0.147976

=== level 0.9 and --per scale the rate columns only
cmd: disp-rate -l 0.9 --per 100 -r b --ratio katz --test chi2
--- stdin
g,events,total
a,3,4
b,1,4
--- stdout any

=== per 100 rate of 3/4 at level 0.9 (R: 0.356168, 0.942093)
cmd: disp-rate -l 0.9 --per 100 | sed -n 2p | cut -d, -f1-6
--- stdin
g,events,total
a,3,4
--- stdout
a,3,4,75,35.6168,94.2093

=== zero cells: events = 0 and events = total; reference with no events gives inf and nan
cmd: disp-rate -r z --ratio katz --test chi2 --digits 4
--- stdin
g,events,total
none,0,5
all,5,5
z,0,5
--- stdout
g,events,total,rate,rate_lo,rate_hi,ref,rr,rr_lo,rr_hi,p
none,0,5,0,0,0.4345,z,nan,0,inf,nan
all,5,5,1,0.5655,1,z,inf,0,inf,0.001565
z,0,5,0,0,0.4345,z,1,,,

=== zero total: rate and comparisons are nan
cmd: disp-rate -r b
--- stdin
g,events,total
a,0,0
b,1,4
--- stdout
g,events,total,rate,rate_lo,rate_hi,ref,rr,rr_lo,rr_hi,p
a,0,0,nan,nan,nan,b,nan,nan,nan,nan
b,1,4,0.25,0.0455873,0.699358,b,1,,,

=== single group: it is its own reference
cmd: disp-rate
--- stdin
g,events,total
only,81,263
--- stdout
g,events,total,rate,rate_lo,rate_hi,ref,rr,rr_lo,rr_hi,p
only,81,263,0.307985,0.255289,0.36621,only,1,,,

=== header only is an error: no groups (a CI job must not pass on an empty table)
cmd: disp-rate -r White
--- stdin
g,events,total
--- stderr
disp-rate: no groups: the input has a header but no rows
--- exit 65

=== empty input is an error
cmd: disp-rate
--- stdout
--- stderr
disp-rate: stdin:1: no header row (empty input)
--- exit 65

=== named columns, CRLF, BOM and a quoted group name with a comma
cmd: disp-rate -g who -e hits -n n --ratio katz --test chi2 -r b
--- stdin escaped noeol
\xEF\xBB\xBFn,hits,who\r\n4,3,"a, the first"\r\n4,1,b\r\n
--- stdout
who,events,total,rate,rate_lo,rate_hi,ref,rr,rr_lo,rr_hi,p
"a, the first",3,4,0.75,0.300642,0.954413,b,3,0.501284,17.9539,0.157299
b,1,4,0.25,0.0455873,0.699358,b,1,,,

=== TSV in and out
cmd: disp-rate -t -r b --ratio katz --test chi2 --digits 3
--- stdin escaped noeol
g\tevents\ttotal\na\t3\t4\nb\t1\t4\n
--- stdout escaped noeol
g\tevents\ttotal\trate\trate_lo\trate_hi\tref\trr\trr_lo\trr_hi\tp\na\t3\t4\t0.75\t0.301\t0.954\tb\t3\t0.501\t18\t0.157\nb\t1\t4\t0.25\t0.0456\t0.699\tb\t1\t\t\t\n

=== several files with one header
cmd: printf 'g,events,total\nb,1,4\n' > /tmp/disp-rate-t2.csv; printf 'g,events,total\na,3,4\n' | disp-rate -r b - /tmp/disp-rate-t2.csv; rm -f /tmp/disp-rate-t2.csv
--- stdout
g,events,total,rate,rate_lo,rate_hi,ref,rr,rr_lo,rr_hi,p
a,3,4,0.75,0.300642,0.954413,b,3,0.685216,17.2642,0.485714
b,1,4,0.25,0.0455873,0.699358,b,1,,,

=== 17 digits round-trip and never -0
cmd: disp-rate --digits 17 | sed -n 2p | cut -d, -f4
--- stdin
g,events,total
a,1,3
--- stdout
0.33333333333333331


=== events above total
cmd: disp-rate
--- stdin
g,events,total
a,5,4
--- stderr
disp-rate: stdin:2: column 'events': events exceed total: '5'
--- exit 65

=== bad count
cmd: disp-rate
--- stdin
g,events,total
a,1,12a
--- stderr
disp-rate: stdin:2: column 'total': not a non-negative integer: '12a'
--- exit 65

=== negative count
cmd: disp-rate
--- stdin
g,events,total
a,-1,4
--- stderr
disp-rate: stdin:2: column 'events': not a non-negative integer (negative): '-1'
--- exit 65

=== empty count
cmd: disp-rate
--- stdin
g,events,total
a,,4
--- stderr
disp-rate: stdin:2: column 'events': not a non-negative integer (empty): ''
--- exit 65

=== count above 2^53
cmd: disp-rate
--- stdin
g,events,total
a,1,9007199254740993
--- stderr
disp-rate: stdin:2: column 'total': count too large (the limit is 2^53): '9007199254740993'
--- exit 65

=== count above int64
cmd: disp-rate
--- stdin
g,events,total
a,1,99999999999999999999
--- stderr
disp-rate: stdin:2: column 'total': count too large (the limit is 2^53): '99999999999999999999'
--- exit 65

=== repeated group
cmd: disp-rate
--- stdin
g,events,total
a,1,4
b,1,4
a,2,4
--- stderr
disp-rate: stdin:4: column 'g': group appears twice (first on line 2; sum the rows with disp-count --merge): 'a'
--- exit 65

=== unknown column lists the columns
cmd: disp-rate -e hits
--- stdin
g,events,total
a,1,4
--- stderr
disp-rate: stdin:1: unknown column 'hits' (columns: g, events, total)
--- exit 65

=== unknown reference group lists the groups
cmd: disp-rate -r c
--- stdin
g,events,total
a,1,4
b,1,4
--- stderr
disp-rate: reference group 'c' not found (groups: a, b)
--- exit 65

=== ragged row
cmd: disp-rate
--- stdin
g,events,total
a,1,4
b,1
--- stderr
disp-rate: stdin:3: expected 3 fields as in the header, found 2
--- exit 65

=== unterminated quote, reported at the line where the record starts
cmd: disp-rate
--- stdin
g,events,total
a,1,4
"b,1,4
c,1,4
--- stderr
disp-rate: stdin:3: unterminated quoted field
--- exit 65

=== quote inside an unquoted field
cmd: disp-rate
--- stdin
g,events,total
a"b,1,4
--- stderr
disp-rate: stdin:2: malformed CSV (a quote inside an unquoted field, or text after a closing quote)
--- exit 65

=== files with different headers
cmd: printf 'g,events,n\nb,1,4\n' > /tmp/disp-rate-t3.csv; printf 'g,events,total\na,3,4\n' | disp-rate - /tmp/disp-rate-t3.csv; s=$?; rm -f /tmp/disp-rate-t3.csv; exit $s
--- stderr
disp-rate: /tmp/disp-rate-t3.csv:1: header differs from that of: 'stdin'
--- exit 65

=== missing file
cmd: disp-rate /nonexistent/counts.csv
--- stderr
disp-rate: /nonexistent/counts.csv: No such file or directory
--- exit 66

=== write error
cmd: disp-rate fixtures/stop-search-2016-17.csv -e arrests -n searches > /dev/full
--- stderr
disp-rate: write error: No space left on device
--- exit 74

=== unknown method
cmd: disp-rate --ci wald-cc
--- stderr
disp-rate: unknown method for --ci: 'wald-cc' (methods: wilson, jeffreys, exact, wilson-cc, midp, agresti-coull, wald, blaker, logit, arcsine)
Try 'disp-rate --help' for more information.
--- exit 64

=== bad level
cmd: disp-rate -l 1
--- stderr
disp-rate: level must be a number in (0,1): '1'
Try 'disp-rate --help' for more information.
--- exit 64

=== bad digits
cmd: disp-rate --digits 18
--- stderr
disp-rate: --digits must be an integer from 1 to 17: '18'
Try 'disp-rate --help' for more information.
--- exit 64

=== bad per
cmd: disp-rate --per 0
--- stderr
disp-rate: --per must be a positive number: '0'
Try 'disp-rate --help' for more information.
--- exit 64

=== unknown option
cmd: disp-rate --frobnicate
--- stderr
disp-rate: unknown option '--frobnicate'
Try 'disp-rate --help' for more information.
--- exit 64

=== missing option argument
cmd: disp-rate -r
--- stderr
disp-rate: option '-r' needs an argument
Try 'disp-rate --help' for more information.
--- exit 64

=== --help lists the methods of every kind (tests/docs.pl holds each to the man page and README)
cmd: disp-rate --help | grep '^Methods for'
--- stdout
Methods for --ci (the first is the default):
Methods for --ratio (the first is the default):
Methods for --diff:
Methods for --odds:
Methods for --test (the first is the default):
Methods for --adjust:
Methods for --ci with -x (the first is the default):
Methods for --ratio with -x (the first is the default):
Methods for --test with -x (the first is the default):

=== --version
cmd: disp-rate --version
--- stdout
disp-rate (disparity) 0.1.0

=== --odds adds or, or_lo, or_hi before p (Physicians' Health Study: OR 1.832054, Woolf CI 1.440042 to 2.330780, Agresti)
cmd: printf 'arm,events,total\nplacebo,189,11034\naspirin,104,11037\n' | disp-rate -r aspirin --odds woolf --digits 7 | cut -d, -f1,11-13
--- stdout
arm,or,or_lo,or_hi
placebo,1.832054,1.440042,2.33078
aspirin,1,,

=== --diff adds rd, rd_lo, rd_hi (Newcombe 1998 table II, 56/70 - 48/80: method 10 0.0524 to 0.3339)
cmd: printf 'g,events,total\na,56,70\nb,48,80\n' | disp-rate -r b --diff newcombe --digits 3 | cut -d, -f1,11-13
--- stdout
g,rd,rd_lo,rd_hi
a,0.2,0.0524,0.334
b,0,,

=== --diff and --odds are not defined with -x
cmd: printf 'g,events,years\na,5,10.5\nb,3,20\n' | disp-rate -x years --odds woolf
--- stderr
disp-rate: --odds is not defined for person-time rates (-x)
Try 'disp-rate --help' for more information.
--- exit 64

=== an unknown --diff method is a usage error
cmd: disp-rate --diff nonesuch </dev/null
--- stderr
disp-rate: unknown method for --diff: 'nonesuch' (methods: newcombe, agresti-caffo, wald, mn, mee, mover-wilson, mover-jeffreys)
Try 'disp-rate --help' for more information.
--- exit 64

=== -x: person-time rates, reference = largest exposure; R poisson.test(c(41, 15), c(28010, 19017)): 1.855759, CI 1.005684 to 3.609300, p 0.04085203; poisson.test(41, 28010) 1.050422 to 1.985760 per 1000
cmd: printf 'g,events,years\nA,41,28010\nB,15,19017\n' | disp-rate -x years -r B --per 1000 --digits 7
--- stdout
g,events,exposure,rate,rate_lo,rate_hi,ref,rr,rr_lo,rr_hi,p
A,41,28010,1.463763,1.050422,1.98576,B,1.855759,1.005684,3.6093,0.04085203
B,15,19017,0.7887679,0.4414674,1.300953,B,1,,,

=== -x with mid-p and Byar: the mid-p definitions in R (pbinom on 41 of 56, uniroot): ratio 1.041075 to 3.449423, p 0.03545742; Byar by Breslow and Day's formula in R 1.050306 to 1.985811 and 0.4411455 to 1.301027 per 1000
cmd: printf 'g,events,years\nA,41,28010\nB,15,19017\n' | disp-rate -x years -r B --per 1000 --digits 7 --ci byar --ratio midp --test midp | cut -d, -f1,5,6,9-11
--- stdout
g,rate_lo,rate_hi,rr_lo,rr_hi,p
A,1.050306,1.985811,1.041075,3.449423,0.03545742
B,0.4411455,1.301027,,,

=== -x with Wald rate interval and score test: 41/28010 -/+ 1.959964 sqrt(41) is 1.015712 to 1.911813 per 1000 (15/19017: 0.3896036 to 1.187932); (x1 - m p0)^2 / (m p0 q0) gives p 0.03736289 (R pchisq)
cmd: printf 'g,events,years\nA,41,28010\nB,15,19017\n' | disp-rate -x years -r B --per 1000 --digits 7 --ci wald --test score | cut -d, -f1,4-6,11
--- stdout
g,rate,rate_lo,rate_hi,p
A,1.463763,1.015712,1.911813,0.03736289
B,0.7887679,0.3896036,1.187932,

=== -x with no events: R poisson.test(0, 100) 0 to 0.03688879, poisson.test(4, 80) 0.01362332 to 0.1280199; poisson.test(c(0, 4), c(100, 80)) 0 to 1.211893, p 0.03901844, with c(0, 4), c(50, 80) 0 to 2.423787, p 0.3053465
cmd: printf 'g,events,years\nA,0,100\nB,0,50\nC,4,80\n' | disp-rate -x years -r C --digits 7 | cut -d, -f1,4-6,8-11
--- stdout
g,rate,rate_lo,rate_hi,rr,rr_lo,rr_hi,p
A,0,0,0.03688879,0,0,1.211893,0.03901844
B,0,0,0.07377759,0,0,2.423787,0.3053465
C,0.05,0.01362332,0.1280199,1,,,

=== -x: the exposure must be a positive number
cmd: printf 'g,events,years\nA,4,0\n' | disp-rate -x years
--- stderr
disp-rate: stdin:2: column 'years': exposure must be a positive number: '0'
--- exit 65

=== -x: a method without a person-time form is a usage error
cmd: disp-rate -x years --ratio koopman </dev/null
--- stderr
disp-rate: unknown method for --ratio with -x: 'koopman' (methods: exact, midp, wald, minlike, blaker)
Try 'disp-rate --help' for more information.
--- exit 64

=== --odds exact and midp on the tea-tasting table (bounds from the conditional tail equations at 30 digits, tests/refs/odds_exact.py: exact 0.2117356 to 626.2435, mid-p 0.3100549 to 308.5568; R fisher.test's uniroot gives 0.2117329 to 621.9338)
cmd: printf 'g,events,total\na,3,4\nb,1,4\n' | disp-rate -r b --odds exact --digits 7 | cut -d, -f1,11-13; printf 'g,events,total\na,3,4\nb,1,4\n' | disp-rate -r b --odds midp --digits 7 | sed -n 2p | cut -d, -f12,13
--- stdout
g,or,or_lo,or_hi
a,9,0.2117356,626.2435
b,1,,
0.3100549,308.5568

=== --ratio scas with --test score (ratesci vignette: scasci(5, 56, 0, 29, contrast = "RR") 0.77 to Inf, two-sided p 0.082; 50-digit values from the definition, tests/refs/scas.py: 0.7696132 and, for 5/56 vs 3/29, 0.2241140 to 3.936232; p from the quadratic-root score at 30 digits 0.08199729 and 0.8088562)
cmd: printf 'g,events,total\nA,5,56\nB,0,29\nC,3,29\n' | disp-rate -r B --ratio scas --test score --digits 7 | sed -n 2p | cut -d, -f9-11; printf 'g,events,total\nA,5,56\nB,0,29\nC,3,29\n' | disp-rate -r C --ratio scas --test score --digits 7 | sed -n 2p | cut -d, -f9-11
--- stdout
0.7696132,inf,0.08199729
0.224114,3.936232,0.8088562

=== --odds baptista-pike (ORCI's BPexact.CI(2, 14, 1, 11) prints 0.1127829, 53.0112493; tests/refs/bp.py agrees at 30 digits)
cmd: printf 'g,events,total\na,2,14\nb,1,11\n' | disp-rate -r b --odds baptista-pike --digits 7 | cut -d, -f1,11-13
--- stdout
g,or,or_lo,or_hi
a,1.666667,0.1127829,53.01125
b,1,,

=== --test barnard and boschloo (tests/refs/uncond.py, exact regions: 0/10 vs 5/10 both 0.01277924, as scipy; 7/12 vs 8/15 barnard 0.8312204 counting the tied table 5/12 vs 7/15, which scipy's rounding drops (0.826007), boschloo 0.8493177 as scipy)
cmd: t=$(mktemp); printf 'g,events,total\na,0,10\nb,5,10\nc,7,12\nd,8,15\n' > $t; for m in barnard boschloo; do disp-rate -r b --test $m --digits 7 $t | sed -n 2p | cut -d, -f11; disp-rate -r d --test $m --digits 7 $t | sed -n 4p | cut -d, -f11; done; rm -f $t
--- stdout
0.01277924
0.8312204
0.01277924
0.8493177

=== --diff mn and --odds mn on Newcombe's 56/70 vs 48/80 (the definitions at 50 digits, tests/refs/mn.py: difference 0.05282971 to 0.3381729, odds ratio 1.281573 to 5.540202)
cmd: printf 'g,events,total\na,56,70\nb,48,80\n' | disp-rate -r b --diff mn --odds mn --digits 7 | cut -d, -f1,11-16
--- stdout
g,rd,rd_lo,rd_hi,or,or_lo,or_hi
a,0.2,0.05282971,0.3381729,2.666667,1.281573,5.540202
b,0,,,1,,

=== --ci exact, jeffreys and midp at totals of 10^12 and 10^13 (issue 9: rate_hi was 0.000399921 and both bounds of 5/10^13 0.00039992; the definitions at 50 digits, tests/refs/huge_beta.py: exact 9.389730e-10 to 1.063952e-09 and 1.623486e-13 to 1.166833e-12, jeffreys 9.394575e-10 to 1.063437e-09 and 1.907874e-13 to 1.096002e-12, midp 9.394499e-10 to 1.063445e-09 and 1.831995e-13 to 1.108242e-12)
cmd: for m in exact jeffreys midp; do printf 'g,events,total\na,1000,1000000000000\nb,5,10000000000000\n' | disp-rate --ci $m | sed 1d | cut -d, -f5,6; done
--- stdout
9.38973e-10,1.06395e-09
1.62349e-13,1.16683e-12
9.39458e-10,1.06344e-09
1.90787e-13,1.096e-12
9.3945e-10,1.06344e-09
1.83199e-13,1.10824e-12

=== -x --ratio exact and midp at 5x10^11 events (issue 9: rr_hi was 7.43006e+08 after 11 s, and rr_lo 4.2e-13 for 1358635597824000 events against 0; closed forms: with x1 = 0 the upper odds is expm1(-log(a)/m) (a = alpha/2 exact, alpha mid-p), so rr_hi = 13.70155 and 11.12701; with x2 = 0, rr_lo = (t2/t1)/expm1(-log(a)/m) = 0.06133524 and 0.07552688)
cmd: for m in exact midp; do printf 'g,events,years\nA,0,0.7\nB,500000000000,1300000000000\n' | disp-rate -x years -r B --ratio $m | sed -n 2p | cut -d, -f10; printf 'g,events,years\nC,1358635597824000,4503599208184932\nD,0,0.75\n' | disp-rate -x years -r D --ratio $m | sed -n 2p | cut -d, -f9,10; done
--- stdout
13.7016
0.0613352,inf
11.127
0.0755269,inf

=== -x tests and ratio with x1 + x2 = 2^54 (issue 9: p was nan, the intervals EDOM): equal rates give the symmetric binomial, p = 1 for every test, and rr_lo rr_hi = 1
cmd: for m in exact midp score; do printf 'g,events,years\nA,9007199254740992,2\nB,9007199254740992,2\n' | disp-rate -x years -r B --test $m --ratio exact --digits 9 | sed -n 2p | cut -d, -f8-11; done
--- stdout
1,0.999999971,1.00000003,1
1,0.999999971,1.00000003,1
1,0.999999971,1.00000003,1

=== --ratio scas at 999999999/10^9 vs 10/10 (issue 9: it gave [1.0078, 1.316], excluding its own estimate, with p 0.317): the definition at 50 digits, tests/refs/huge_ratio.py, 0.9999999952 to 1.316045314 and, at level 10^-6 (nan bounds before), 0.9999999988 to 1.016393492; the interval holds 1 at every level, so the test it inverts gives p 1
cmd: printf 'g,events,total\nA,999999999,1000000000\nB,10,10\n' | disp-rate -r B --ratio scas --test score --digits 10 | cut -d, -f1,8-11; printf 'g,events,total\nA,999999999,1000000000\nB,10,10\n' | disp-rate -r B --ratio scas --test score --digits 10 -l 0.000001 | sed -n 2p | cut -d, -f1,8-11
--- stdout
g,rr,rr_lo,rr_hi,p
A,0.999999999,0.9999999952,1.316045314,1
B,1,,,
A,0.999999999,0.9999999988,1.016393492,1

=== --test barnard and boschloo on 1/1 vs 5/10^5 (issue 9: 5/10^5 vs 0/1 took over 60 s): exact regions and scipy's binomial tails, tests/refs/huge_uncond.py, 3.168195e-05 and 6.336390e-05
cmd: for m in barnard boschloo; do printf 'g,events,total\nA,1,1\nB,5,100000\n' | disp-rate -r B --test $m --digits 7 | sed -n 2p | cut -d, -f11; done
--- stdout
3.168195e-05
6.33639e-05

=== --test boschloo past 10^5 in a group is an error naming the method and its limit (the cost grows with the larger group)
cmd: printf 'g,events,total\nA,5,100001\nB,0,1\n' | disp-rate -r B --test boschloo
--- stdout any
--- stderr
disp-rate: --test boschloo: group 'A' is beyond the method's limit (n1, n2 <= 10^5)
--- exit 65

=== --ratio mn and --diff mn with a margin past 2^53 (0/1 vs 2^53/2^53: N - m rounded to 0, and the MN test gave p 1 beside intervals excluding the null; diff mn gave nan)
cmd: printf 'g,events,total\nA,0,1\nB,9007199254740992,9007199254740992\n' | disp-rate -r B --ratio mn --test score --diff mn | cut -d, -f1,8-14
--- stdout
g,rr,rr_lo,rr_hi,rd,rd_lo,rd_hi,p
A,0,0,0.793451,-1,-1,-0.206549,0
B,1,,,0,,,

=== --odds baptista-pike at 2^53 - 2 of 2^53 against 2 of 2 (issue 9: wrote past a heap buffer; three tables, weights N(N-1)/2, 2N psi, psi^2 with N = 2^53, so the upper bound solves psi^2 + 2N psi = 19 N(N-1)/2: 2.017946e+16)
cmd: printf 'g,events,total\nA,9007199254740990,9007199254740992\nB,2,2\n' | disp-rate -r B --odds baptista-pike --digits 7 | cut -d, -f1,11-13
--- stdout
g,or,or_lo,or_hi
A,0,0,2.017946e+16
B,1,,

=== --odds baptista-pike and --test fisher-midp at 2^53 of 2^53 against 0 of 1 (issue 9: hung, and p was -1.8e16; two tables, P(x1) = psi/(2^53 + psi): lower bound 2^53/19 = 4.740631e+14, p = 1/(2^53 + 1))
cmd: printf 'g,events,total\nA,9007199254740992,9007199254740992\nB,0,1\n' | disp-rate -r B --odds baptista-pike --test fisher-midp --digits 7 | cut -d, -f1,11-14
--- stdout
g,or,or_lo,or_hi,p
A,inf,4.740631e+14,inf,1.110223e-16
B,1,,,

=== --odds exact at 1 of 10 against 2^53 of 2^53 (issue 9: or 0 but or_lo 2.8e-19; x1 = 1 is the smallest value the margins allow, so the lower bound is 0; upper 1.666810e-16 from the definition, tests/refs/huge_odds.py)
cmd: printf 'g,events,total\nA,1,10\nB,9007199254740992,9007199254740992\n' | disp-rate -r B --odds exact --digits 7 | cut -d, -f1,11-13
--- stdout
g,or,or_lo,or_hi
A,0,0,1.66681e-16
B,1,,

=== --odds exact, midp and baptista-pike at 10^12 (issue 9: over 1 s each; tests/refs/huge_odds.py at 24 digits: exact 0.99999045642624, 1.0000015436205; midp 0.99999045643024, 1.0000015436165; baptista-pike 0.99999045642947, 1.0000015436173)
cmd: for m in exact midp baptista-pike; do printf 'g,events,total\nA,500000000000,1000000000000\nB,500001000000,1000000000000\n' | disp-rate -r B --odds $m --digits 12 | sed -n 2p | cut -d, -f11-13; done
--- stdout
0.999996000008,0.999990456426,1.00000154362
0.999996000008,0.99999045643,1.00000154362
0.999996000008,0.999990456429,1.00000154362
