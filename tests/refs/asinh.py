"""The adjusted inverse hyperbolic sine intervals of Fagerland, Lydersen &
Laake (2015), at 50 digits, for the two-group tables of DIR/tables.csv ->
fixtures/refs/asinh-ratio.csv and asinh-odds.csv.

As their contingencytables package writes them (Adjusted_inv_sinh_CI_ratio_2x2
with its defaults psi1 = psi2 = psi3 = 0, psi4 = 1; Adjusted_inv_sinh_CI_OR_2x2
with psi1 = 0.45, psi2 = 0.25):
ratio: exp(log(rr) -/+ 2 asinh(z/2 sqrt(1/x1 + 1/x2 - 1/(n1 + 1) - 1/(n2 + 1)))),
  and at x1 = 0 the upper bound (z^2/n1)/(x2/n2), at x2 = 0 the lower bound
  (x1/n1)/(z^2/n2) (with no events at all, 0 to inf);
odds ratio: exp(log(th) -/+ 2 asinh(z/2 sqrt(sum 1/(cell + 0.25)))), th the
  odds ratio with 0.45 added to every cell.
contingencytables is not a Debian package: these are its formulas, written
out here independently of stats/.
Usage: python3 asinh.py DIR"""
import sys

from mpmath import mp, mpf, sqrt, log, exp, asinh, erfinv, inf

mp.dps = 50


def ratio(x1, n1, x2, n2, z):
    if x1 == 0 and x2 == 0:
        return mpf(0), inf
    if x1 == 0:
        return mpf(0), (z * z / n1) / (mpf(x2) / n2)
    if x2 == 0:
        return (mpf(x1) / n1) / (z * z / n2), inf
    u = log((mpf(x1) / n1) / (mpf(x2) / n2))
    w = 2 * asinh(z / 2 * sqrt(mpf(1) / x1 + mpf(1) / x2 - mpf(1) / (n1 + 1) - mpf(1) / (n2 + 1)))
    return exp(u - w), exp(u + w)


def odds(x1, n1, x2, n2, z):
    c = [mpf(x1), mpf(n1 - x1), mpf(x2), mpf(n2 - x2)]
    u = log((c[0] + mpf("0.45")) * (c[3] + mpf("0.45")) / ((c[1] + mpf("0.45")) * (c[2] + mpf("0.45"))))
    w = 2 * asinh(z / 2 * sqrt(sum(1 / (v + mpf("0.25")) for v in c)))
    return exp(u - w), exp(u + w)


def g(v):
    return "inf" if v == inf else "%.17g" % float(v)


def main(d):
    out = {k: ["method,x1,n1,x2,n2,level,lo,hi,ref"] for k in ("ratio", "odds")}
    lines = open(d + "/tables.csv").read().splitlines()[1:]
    for l in lines:
        f = l.split(",")
        x1, n1, x2, n2 = map(int, f[:4])
        z = sqrt(2) * erfinv(mpf(f[4]))
        for k, fn in (("ratio", ratio), ("odds", odds)):
            lo, hi = fn(x1, n1, x2, n2, z)
            out[k].append("asinh,%s,%s,%s,mpmath formula" % (l, g(lo), g(hi)))
    for k, rows in out.items():
        with open("fixtures/refs/asinh-%s.csv" % k, "w") as fp:
            fp.write("\n".join(rows) + "\n")
    print("asinh: %d tables; asinh-ratio.csv, asinh-odds.csv" % len(lines))


main(sys.argv[1])
