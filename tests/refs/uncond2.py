"""barnard-unpooled and boschloo-minlike -> fixtures/refs/uncond2-test2x2.csv
(method,x1,n1,x2,n2,p,ref), on the tables of uncond.py.

The rejection regions in exact arithmetic from the definitions:
barnard-unpooled, the tables whose unpooled (Wald) statistic (p1 - p2) /
sqrt(p1 q1/n1 + p2 q2/n2) is at least the observed one in absolute value
(scipy's barnard_exact(pooled=False): 0 where p1 = p2, infinite where only
the variance is 0), compared as exact rationals; boschloo-minlike, the
tables whose Fisher two-sided minimum-likelihood p-value (the tables of
the margin whose weight C(n1, a) C(n2, m - a) is at most its own times
1 + 10^-7, as R's fisher.test, an exact rational) is at most the observed
one's times 1 + 10^-7 (StatXact's ordering; exact2x2's boschloo with
tsmethod = "minlike" is not packaged).  The p-value, the largest binomial
probability of the region over the common proportion, by uncond.py's
maxprob (4000-point arcsine grid, the five best refined by bounded Brent).
scipy's barnard_exact(pooled=False) is compared and the differences printed.
Usage: python3 uncond2.py DIR"""
import bisect
import math
import sys
import warnings
from fractions import Fraction

import numpy as np
from scipy.stats import barnard_exact


def load(name):
    """The definitions of another generator, without running its main()."""
    src = open("tests/refs/" + name).read()
    src = src[:src.rindex("\nmain(")]
    ns = {"__name__": name}
    exec(compile(src, name, "exec"), ns)
    return ns


U = load("uncond.py")
TIE = Fraction(10000001, 10000000)


def unpooled_region(x1, n1, x2, n2):
    def dv(a, b):
        return (Fraction(a, n1) - Fraction(b, n2),
                Fraction(a * (n1 - a), n1 ** 3) + Fraction(b * (n2 - b), n2 ** 3))
    do, vo = dv(x1, x2)
    R = np.zeros((n1 + 1, n2 + 1), bool)
    for a in range(n1 + 1):
        for b in range(n2 + 1):
            d, v = dv(a, b)
            if do == 0:
                R[a, b] = True
            elif d == 0:
                R[a, b] = False
            elif vo == 0:
                R[a, b] = v == 0
            else:
                R[a, b] = v == 0 or d * d * vo >= do * do * v
    return R


def minlike_region(x1, n1, x2, n2):
    """In integers: the weights w(a) = C(n1, a) C(n2, m - a) of each margin
    sorted, so that each table's sum of weights at most its own times
    1 + 10^-7 is one bisection; p = that sum / C(N, m)."""
    N = n1 + n2
    num, den = {}, {}
    for m in range(N + 1):
        lo, hi = max(0, m - n2), min(n1, m)
        w = [(math.comb(n1, a) * math.comb(n2, m - a), a) for a in range(lo, hi + 1)]
        ws = sorted(v for v, _ in w)
        cum, c = [], 0
        for v in ws:
            c += v
            cum.append(c)
        tot = math.comb(N, m)
        for wa, a in w:
            # the last i with ws[i] 10^7 <= wa (10^7 + 1)
            i = bisect.bisect_right(ws, (wa * 10000001) // 10000000) - 1
            num[a, m - a], den[a, m - a] = cum[i], tot
    co, to = num[x1, x2], den[x1, x2]
    R = np.zeros((n1 + 1, n2 + 1), bool)
    for (a, b), c in num.items():   # c/t <= (co/to)(1 + 10^-7)
        R[a, b] = c * to * 10000000 <= co * 10000001 * den[a, b]
    return R


def main():
    warnings.simplefilter("ignore")
    rows = ["method,x1,n1,x2,n2,p,ref"]
    worst, below, over, compared = 0.0, 0, 0, 0
    for x1, n1, x2, n2 in U["cases"]():
        pu = U["maxprob"](unpooled_region(x1, n1, x2, n2), n1, n2)
        pm = U["maxprob"](minlike_region(x1, n1, x2, n2), n1, n2)
        for meth, p in (("barnard-unpooled", pu), ("boschloo-minlike", pm)):
            rows.append("%s,%d,%d,%d,%d,%.17g,exact region + grid-Brent max" % (meth, x1, n1, x2, n2, p))
        s = barnard_exact([[x1, x2], [n1 - x1, n2 - x2]], pooled=False).pvalue
        if np.isfinite(s):
            compared += 1
            if s > pu * (1 + 1e-9):
                over += 1
            elif s < pu * (1 - 1e-6):
                below += 1
            else:
                worst = max(worst, abs(s - pu) / pu)
    with open("fixtures/refs/uncond2-test2x2.csv", "w") as fp:
        fp.write("\n".join(rows) + "\n")
    print("uncond2: %d tables; scipy barnard_exact(pooled=False) on %d: within 1e-6 "
          "(max %.3g) but below by more on %d, above on %d"
          % ((len(rows) - 1) // 2, compared, worst, below, over))


main()
