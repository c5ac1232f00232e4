"""One-sided intervals (issue 17) -> fixtures/refs/alt-propci.csv,
alt-ratio.csv, alt-diff.csv, alt-odds.csv, alt-ptrate.csv, alt-ptratio.csv:
the layout of propci.csv (ratio.csv, ...) with a column alternative after
method.  greater: (lo, the parameter's upper limit: 1, inf); less: (its lower
limit: 0, -1, hi).  L is the one-sided level, z = qnorm(L).

Stored from R (alt.R): wilson, wilson-cc, exact, blaker, jeffreys (propci),
exact, minlike, blaker (ptrate, ptratio).
From the one-sided definitions at 50 digits here, on the cases of alt.R:
  wald, agresti-coull, logit, arcsine (propci)
        their formulas with z: wald p -/+ z sqrt(p q/n) clipped to [0, 1];
        agresti-coull the same about (x + z^2/2)/(n + z^2) with n + z^2;
        logit expit(logit p -/+ z sqrt(1/x + 1/(n-x))), at x = 0 the
        one-sided Clopper-Pearson 1 - (1-L)^(1/n) (x = n mirrored);
        arcsine sin^2(asin sqrt((x+3/8)/(n+3/4)) -/+ z/(2 sqrt n)) within
        [0, pi/2]
  koopman (ratio)  the root of the one-sided score equation Z(phi) = z
        (greater) or -z (less), Z(phi) = (x1/n1 - phi x2/n2)/sqrt(V(phi)) at the
        constrained maximum (p2 the smaller root of the MN quadratic), bisected
        in log phi to 1e-30; 0 at x1 = 0, inf at x2 = 0
  katz (ratio), woolf (odds), wald (diff)   log rr -/+ z sqrt(1/x1 - 1/n1 +
        1/x2 - 1/n2), log or -/+ z sqrt(sum 1/cell), p1 - p2 -/+ z sqrt(p1 q1/n1
        + p2 q2/n2) clipped to [-1, 1]; tables with every cell > 0
  exact, baptista-pike (odds)  Cornfield's one-sided bound: the psi where
        P(X >= x1; psi) = 1 - L (greater) or P(X <= x1; psi) = 1 - L (less), X
        Fisher's noncentral hypergeometric; root by mpmath findroot to 1e-40
        (bisection if it fails); R's fisher.test conf.int (uniroot) printed as a
        comparison; Baptista-Pike's one-sided bound is Cornfield's
  newcombe (diff)  p1 - p2 - sqrt((p1 - l1)^2 + (u2 - p2)^2) (greater), or +
        sqrt((u1 - p1)^2 + (p2 - l2)^2) (less), l, u Wilson's limits at z
R's one-sided Wilson limits are checked against the formula at 50 digits
(printed).
Usage: python3 alt_ci.py DIR"""
import csv
import random
import sys

from mpmath import mp, mpf, sqrt, log, exp, asin, sin, pi, erfinv, inf

mp.dps = 50
DIR = sys.argv[1]


def g17(v):
    if v == inf:
        return "inf"
    return "%.17g" % float(v)


def zq(L):
    return sqrt(2) * erfinv(2 * mpf(L) - 1)


def read(path):
    with open(path) as fp:
        return list(csv.DictReader(fp))


def wilson(x, n, z):
    x, n = mpf(x), mpf(n)
    p = x / n
    c = (p + z * z / (2 * n)) / (1 + z * z / n)
    h = z / (1 + z * z / n) * sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (mpf(0) if x == 0 else c - h), (mpf(1) if x == n else c + h)


def prop_two(meth, x, n, z):
    """The (lo, hi) of the formula at z (each end is the one-sided bound)."""
    x, n = mpf(x), mpf(n)
    if meth == "wald":
        p = x / n
        h = z * sqrt(p * (1 - p) / n)
        return max(p - h, mpf(0)), min(p + h, mpf(1))
    if meth == "agresti-coull":
        nt = n + z * z
        p = (x + z * z / 2) / nt
        h = z * sqrt(p * (1 - p) / nt)
        return max(p - h, mpf(0)), min(p + h, mpf(1))
    if meth == "logit":
        a = 1 - erfc_half(z)          # the one-sided level
        if x == 0:
            return mpf(0), 1 - (1 - a) ** (1 / n)
        if x == n:
            return (1 - a) ** (1 / n), mpf(1)
        u, s = log(x / (n - x)), z * sqrt(1 / x + 1 / (n - x))
        return 1 / (1 + exp(s - u)), 1 / (1 + exp(-u - s))
    if meth == "arcsine":
        t, w = asin(sqrt((x + mpf(3) / 8) / (n + mpf(3) / 4))), z / (2 * sqrt(n))
        a, b = max(t - w, mpf(0)), min(t + w, pi / 2)
        return sin(a) ** 2, (mpf(1) if b == pi / 2 else sin(b) ** 2)
    raise ValueError(meth)


def erfc_half(z):                     # P(Z > z)
    from mpmath import erfc
    return erfc(z / sqrt(2)) / 2


def koopman_one(x1, n1, x2, n2, z, side):
    """The one-sided bound: side +1 lower (greater), -1 upper (less)."""
    x1, n1, x2, n2 = map(mpf, (x1, n1, x2, n2))
    if side > 0 and x1 == 0:
        return mpf(0)
    if side < 0 and x2 == 0:
        return inf

    def Z(u):
        phi = exp(u)
        A, B, C = (n1 + n2) * phi, -(n1 * phi + x1 + n2 + x2 * phi), x1 + x2
        p2 = 2 * C / (-B + sqrt(max(B * B - 4 * A * C, 0)))
        p1 = phi * p2
        d = x1 / n1 - phi * x2 / n2
        v = p1 * (1 - p1) / n1 + phi ** 2 * p2 * (1 - p2) / n2
        if d == 0:
            return mpf(0)
        return d / sqrt(v) if v > 0 else (inf if d > 0 else -inf)
    # Z falls as phi rises; the root of Z = side z, bracketed by steps
    t = side * z
    a, b = mpf(-1), mpf(1)
    while Z(a) < t:
        a *= 2
    while Z(b) > t:
        b *= 2
    while b - a > mpf(10) ** -30:
        c = (a + b) / 2
        if Z(c) > t:
            a = c
        else:
            b = c
    return exp((a + b) / 2)


def cornfield_one(x1, n1, x2, n2, L, side):
    """The one-sided exact conditional bound of the odds ratio: greater (side
    +1), the psi where P(X >= x1; psi) = 1 - L (0 at x1 at the bottom of the
    support); less, where P(X <= x1; psi) = 1 - L (inf at the top)."""
    m = x1 + x2
    lo, hi = max(0, m - n2), min(n1, m)
    if (side > 0 and x1 == lo) or (side < 0 and x1 == hi):
        return mpf(0) if side > 0 else inf
    lc = {}
    import math
    for k in range(lo, hi + 1):
        lc[k] = log(mpf(math.comb(n1, k) * math.comb(n2, m - k)))

    def tail(u):          # P(X >= x1) or P(X <= x1) at psi = e^u
        t = [lc[k] + k * u for k in range(lo, hi + 1)]
        top = max(t)
        w = [exp(v - top) for v in t]
        part = sum(w[k - lo] for k in range(lo, hi + 1) if (k >= x1 if side > 0 else k <= x1))
        return part / sum(w)
    a = 1 - L
    # greater: P(X >= x1) rises with psi; less: P(X <= x1) falls
    f = (lambda u: tail(u) - a) if side > 0 else (lambda u: a - tail(u))
    u0 = log(mpf(max(x1, 0.5)) * max(n2 - x2, 0.5) / (max(n1 - x1, 0.5) * max(x2, 0.5)))
    a_, b_ = u0 - 1, u0 + 1
    while f(a_) > 0:
        a_ -= 2 * (b_ - a_)
    while f(b_) < 0:
        b_ += 2 * (b_ - a_)
    from mpmath import findroot
    try:
        r = findroot(f, (a_, b_), solver="anderson", tol=mpf(10) ** -40)
    except Exception:
        while b_ - a_ > mpf(10) ** -25:
            c = (a_ + b_) / 2
            a_, b_ = (c, b_) if f(c) < 0 else (a_, c)
        r = (a_ + b_) / 2
    return exp(r)


def main():
    rnd = random.Random(20261201)
    out = {"propci": ["method,alternative,x,n,level,lo,hi,ref"]}
    worst = 0
    for r in read(DIR + "/alt-propci-R.csv"):
        out["propci"].append(",".join(r[k] for k in ("method", "alternative", "x", "n", "level",
                                                     "lo", "hi", "ref")))
        if r["method"] == "wilson":
            lo, hi = wilson(int(r["x"]), int(r["n"]), zq(r["level"]))
            v, w = (lo, r["lo"]) if r["alternative"] == "greater" else (hi, r["hi"])
            if v > 0:
                worst = max(worst, abs(v - mpf(w)) / v)
    print("alt_ci: R prop.test's one-sided wilson against the formula: max relative "
          "difference %.2g" % float(worst))
    for c in read(DIR + "/alt-props.csv"):
        x, n, L = int(c["x"]), int(c["n"]), c["level"]
        z = zq(L)
        for meth in ("wald", "agresti-coull", "logit", "arcsine"):
            lo, hi = prop_two(meth, x, n, z)
            out["propci"].append("%s,greater,%d,%d,%s,%s,1,mpmath formula" % (meth, x, n, L, g17(lo)))
            out["propci"].append("%s,less,%d,%d,%s,0,%s,mpmath formula" % (meth, x, n, L, g17(hi)))
    pair = "method,alternative,x1,n1,x2,n2,level,lo,hi,ref"
    out["ratio"], out["diff"], out["odds"] = [pair], [pair], [pair]
    worst = 0
    for r in read(DIR + "/alt-odds-R.csv"):
        if r["method"] != "exact":
            continue
        x1, n1, x2, n2 = (int(r[k]) for k in ("x1", "n1", "x2", "n2"))
        side = +1 if r["alternative"] == "greater" else -1
        v = cornfield_one(x1, n1, x2, n2, mpf(r["level"]), side)
        lo, hi = (v, "inf") if side > 0 else ("0", v)
        for meth in ("exact", "baptista-pike"):
            out["odds"].append("%s,%s,%d,%d,%d,%d,%s,%s,%s,mpmath" % (
                meth, r["alternative"], x1, n1, x2, n2, r["level"],
                lo if lo == "0" else g17(lo), hi if hi == "inf" else g17(hi)))
        w = mpf(r["lo"] if side > 0 else r["hi"])
        if v not in (0, inf):
            worst = max(worst, abs(w - v) / v)
    print("alt_ci: R fisher.test's one-sided conf.int against the definition: max "
          "relative difference %.2g (uniroot's tolerance)" % float(worst))
    for c in read(DIR + "/alt-tables.csv"):
        x1, n1, x2, n2 = (int(c[k]) for k in ("x1", "n1", "x2", "n2"))
        L = rnd.choice(("0.95", "0.9", "0.99", "0.975"))
        z = zq(L)
        key = "%d,%d,%d,%d,%s" % (x1, n1, x2, n2, L)
        if not (x1 == 0 and x2 == 0) and not (x1 == n1 and x2 == n2):
            out["ratio"].append("koopman,greater,%s,%s,inf,mpmath" % (
                key, g17(koopman_one(x1, n1, x2, n2, z, +1))))
            out["ratio"].append("koopman,less,%s,0,%s,mpmath" % (
                key, g17(koopman_one(x1, n1, x2, n2, z, -1))))
        if min(x1, x2, n1 - x1, n2 - x2) == 0:
            continue
        X1, N1, X2, N2 = map(mpf, (x1, n1, x2, n2))
        u, s = log(X1 / N1 / (X2 / N2)), z * sqrt(1 / X1 - 1 / N1 + 1 / X2 - 1 / N2)
        out["ratio"].append("katz,greater,%s,%s,inf,mpmath formula" % (key, g17(exp(u - s))))
        out["ratio"].append("katz,less,%s,0,%s,mpmath formula" % (key, g17(exp(u + s))))
        u = log(X1 * (N2 - X2) / ((N1 - X1) * X2))
        s = z * sqrt(1 / X1 + 1 / (N1 - X1) + 1 / X2 + 1 / (N2 - X2))
        out["odds"].append("woolf,greater,%s,%s,inf,mpmath formula" % (key, g17(exp(u - s))))
        out["odds"].append("woolf,less,%s,0,%s,mpmath formula" % (key, g17(exp(u + s))))
        p1, p2 = X1 / N1, X2 / N2
        s = z * sqrt(p1 * (1 - p1) / N1 + p2 * (1 - p2) / N2)
        out["diff"].append("wald,greater,%s,%s,1,mpmath formula" % (key, g17(max(p1 - p2 - s, -1))))
        out["diff"].append("wald,less,%s,-1,%s,mpmath formula" % (key, g17(min(p1 - p2 + s, 1))))
        l1, u1 = wilson(x1, n1, z)
        l2, u2 = wilson(x2, n2, z)
        out["diff"].append("newcombe,greater,%s,%s,1,mpmath formula" % (
            key, g17(p1 - p2 - sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2))))
        out["diff"].append("newcombe,less,%s,-1,%s,mpmath formula" % (
            key, g17(p1 - p2 + sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2))))
    for name in ("ptrate", "ptratio"):
        rows = read(DIR + "/alt-%s-R.csv" % name)
        cols = list(rows[0].keys())
        out[name] = [",".join(cols)] + [",".join(r[k] for k in cols) for r in rows]
    for name, rows in out.items():
        with open("fixtures/refs/alt-%s.csv" % name, "w") as fp:
            fp.write("\n".join(rows) + "\n")
        print("alt_ci: alt-%s.csv %d rows" % (name, len(rows) - 1))


main()
