"""The transformed Wald intervals for one proportion, at 50 digits, for the
rates of DIR/props.csv -> fixtures/refs/transform-propci.csv.

logit: logit(x/n) -/+ z sqrt(1/x + 1/(n - x)), back-transformed; at x = 0
  the interval is 0 to the Clopper-Pearson bound 1 - (alpha/2)^(1/n), at
  x = n its mirror (R's binom package's convention).
arcsine: sin^2(asin(sqrt(pt)) -/+ z/(2 sqrt n)) with Anscombe's pt =
  (x + 3/8)/(n + 3/4), the angle clipped to [0, pi/2].
No Debian package has either (binom, DescTools and contingencytables are
not packaged); these are the formulas, written out here independently of
stats/propci.c, and the published examples are unit tests.
Usage: python3 transform.py DIR"""
import sys

from mpmath import mp, mpf, sqrt, log, exp, asin, sin, pi, erfinv

mp.dps = 50


def logit(x, n, z, alpha):
    if x == 0:
        return mpf(0), 1 - (alpha / 2) ** (mpf(1) / n)
    if x == n:
        return (alpha / 2) ** (mpf(1) / n), mpf(1)
    u, s = log(mpf(x) / (n - x)), z * sqrt(mpf(1) / x + mpf(1) / (n - x))
    return 1 / (1 + exp(s - u)), 1 / (1 + exp(-u - s))


def arcsine(x, n, z, alpha):
    t, w = asin(sqrt((x + mpf(3) / 8) / (n + mpf(3) / 4))), z / (2 * sqrt(n))
    a, b = max(t - w, mpf(0)), min(t + w, pi / 2)
    return sin(a) ** 2, sin(b) ** 2


def main(d):
    rows = ["method,x,n,level,lo,hi,ref"]
    for l in open(d + "/props.csv").read().splitlines()[1:]:
        x, n, level = l.split(",")
        x, n, level = int(x), int(n), mpf(level)
        z = sqrt(2) * erfinv(level)
        for name, fn in (("logit", logit), ("arcsine", arcsine)):
            lo, hi = fn(x, n, z, 1 - level)
            rows.append("%s,%s,%.17g,%.17g,mpmath formula" % (name, l, float(lo), float(hi)))
    with open("fixtures/refs/transform-propci.csv", "w") as fp:
        fp.write("\n".join(rows) + "\n")
    print("transform-propci: logit, arcsine: %d rates each at 50 digits" % (len(rows) // 2))


main(sys.argv[1])
