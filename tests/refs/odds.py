"""Odds-ratio intervals -> fixtures/refs/odds.csv.

woolf: exp(log OR -/+ z sqrt(1/a + 1/b + 1/c + 1/d)); the rows of
  DIR/woolf.csv (R epitools, tables without a zero cell) are checked
  against the formula at 50 digits (mpmath) and stored unless more than
  1e-12 off; tables with a zero cell are stored as (0, inf), the
  convention, ref "definition".
gart: the same with 1/2 added to every cell; no Debian package has it, so
  the formula at 50 digits is stored for every table.
exact, midp: the rows of DIR/oddsx.csv (odds_exact.py), appended.
Usage: python3 odds.py DIR"""
import sys

from mpmath import mp, mpf, sqrt, log, exp, erfinv

mp.dps = 50
TOL = 1e-12


def rel(a, b):
    a, b = float(a), float(b)
    return 0.0 if a == b else abs(a - b) / abs(b)


def logit(a, b, c, d, level):
    a, b, c, d = map(mpf, (a, b, c, d))
    z = sqrt(2) * erfinv(mpf(level))
    u, se = log(a * d / (b * c)), sqrt(1 / a + 1 / b + 1 / c + 1 / d)
    return exp(u - z * se), exp(u + z * se)


def main(d):
    out = ["method,x1,n1,x2,n2,level,lo,hi,ref"]
    woolf = {}
    for l in open(d + "/woolf.csv").read().splitlines():
        f = l.split(",")
        woolf[tuple(f[1:6])] = f
    worst, stored = (0, ""), 0
    for l in open(d + "/tables.csv").read().splitlines()[1:]:
        f = l.split(",")
        x1, n1, x2, n2 = map(int, f[:4])
        if tuple(f) in woolf:
            r = woolf[tuple(f)]
            lo, hi = logit(x1, n1 - x1, x2, n2 - x2, f[4])
            e = max(rel(r[6], lo), rel(r[7], hi))
            worst = max(worst, (e, l))
            if e > TOL:
                r[6], r[7], r[8], stored = "%.17g" % lo, "%.17g" % hi, "mpmath", stored + 1
            out.append(",".join(r))
        else:
            out.append("woolf,%s,0,inf,definition" % l)
        lo, hi = logit(x1 + 0.5, n1 - x1 + 0.5, x2 + 0.5, n2 - x2 + 0.5, f[4])
        out.append("gart,%s,%.17g,%.17g,mpmath" % (l, lo, hi))
    out += open(d + "/oddsx.csv").read().splitlines()  # odds_exact.py
    with open("fixtures/refs/odds.csv", "w") as fp:
        fp.write("\n".join(out) + "\n")
    print("odds: woolf: epitools vs mpmath max relative difference %.3g (%s); "
          "%d of %d rows stored from mpmath" % (worst[0], worst[1], stored, len(woolf)))
    lo, hi = logit(189, 11034 - 189, 104, 11037 - 104, "0.95")
    print("odds: published: Physicians' Health OR 95%% CI (1.440042, 2.330780): "
          "woolf (%s, %s)" % (mp.nstr(lo, 7), mp.nstr(hi, 7)))


main(sys.argv[1])
