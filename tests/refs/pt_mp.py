"""Person-time references: checks R's rate intervals (DIR/ptrate-R.csv) at
40 digits with mpmath and writes fixtures/refs/ptrate.csv, ptratio.csv and
pttest.csv.

exact, midp (rate): each bound is refined by Newton's method on its
  defining tail equation, P(X >= x | mu) = alpha/2 (lower) or P(X <= x |
  mu) = alpha/2 (upper), half of P(X = x) taken off for mid-p, with
  mpmath's regularised incomplete gamma; R's value is kept unless it is
  more than 1e-12 off the refined one, else the refined value is stored
  with ref "mpmath".
byar, wald (rate): the formulas at 40 digits, the same rule.
Ratio and test rows are R's (see pt.R), copied unchanged.
Usage: python3 pt_mp.py DIR"""
import sys

from mpmath import mp, mpf, gammainc, exp, log, loggamma, sqrt, erfinv

mp.dps = 40
TOL = 1e-12


def rel(a, b):
    a, b = float(a), float(b)
    return 0.0 if a == b else abs(a - b) / abs(b)


def dpois(k, mu):
    return exp(k * log(mu) - mu - loggamma(k + 1)) if k >= 0 else mpf(0)


def upper(x, mu):   # P(X >= x) = 1 - P(X <= x - 1); the tails sought are
    return 1 - lower(x - 1, mu) if x > 0 else mpf(1)   # >= 5e-4, 40 digits


def lower(x, mu):   # P(X <= x)
    return gammainc(x + 1, mu, mp.inf, regularized=True)


def refine(x, mu, a, side, mid):
    """mu with the tail on `side` equal to a, Newton from R's value."""
    mu = mpf(mu)
    for _ in range(60):
        if side == "lo":
            f = upper(x, mu) - (dpois(x, mu) / 2 if mid else 0) - a
            df = dpois(x - 1, mu) - ((dpois(x - 1, mu) - dpois(x, mu)) / 2 if mid else 0)
        else:
            f = lower(x, mu) - (dpois(x, mu) / 2 if mid else 0) - a
            df = -dpois(x, mu) - ((dpois(x - 1, mu) - dpois(x, mu)) / 2 if mid else 0)
        step = f / df
        mu -= step
        if abs(step) < mu * mpf(10) ** -30:
            return mu
    raise RuntimeError("no convergence at x=%d" % x)


def formula(method, x, lev):
    z = sqrt(2) * erfinv(mpf(lev))
    x = mpf(x)
    if method == "wald":
        return max(x - z * sqrt(x), 0), x + z * sqrt(x)
    y = x + 1
    b = 1 - 1 / (9 * x) - z / (3 * sqrt(x)) if x > 0 else mpf(-1)
    return (x * b ** 3 if b > 0 else mpf(0)), y * (1 - 1 / (9 * y) + z / (3 * sqrt(y))) ** 3


def main(d):
    out, worst, stored = ["method,x,t,level,lo,hi,ref"], {}, 0
    for l in open(d + "/ptrate-R.csv").read().splitlines()[1:]:
        f = l.split(",")
        m, x, t, lev = f[0], int(f[1]), mpf(f[2]), f[3]
        a = (1 - mpf(lev)) / 2
        if m in ("exact", "midp"):
            mid = m == "midp"
            lo = 0 if x == 0 else refine(x, mpf(f[4]) * t, a, "lo", mid) / t
            if mid and x == 0:
                hi = -log(1 - mpf(lev)) / t
            else:
                hi = refine(x, mpf(f[5]) * t, a, "hi", mid) / t
        else:
            lo, hi = (v / t for v in formula(m, x, lev))
        e = max(rel(f[4], lo), rel(f[5], hi))
        if e > worst.get(m, (0, ""))[0]:
            worst[m] = (e, l)
        if e > TOL:
            f[4], f[5], f[6], stored = "%.17g" % lo, "%.17g" % hi, "mpmath", stored + 1
        out.append(",".join(f))
    with open("fixtures/refs/ptrate.csv", "w") as fp:
        fp.write("\n".join(out) + "\n")
    for m, (e, l) in sorted(worst.items()):
        print("pt: rate %s: R vs mpmath max relative difference %.3g (%s)" % (m, e, l))
    print("pt: rate: %d of %d rows stored from mpmath" % (stored, len(out) - 1))
    for name in ("ptratio", "pttest"):
        with open("fixtures/refs/%s.csv" % name, "w") as fp:
            fp.write(open("%s/%s-R.csv" % (d, name)).read())


main(sys.argv[1])
