"""Relative-risk intervals at 50 digits with mpmath, and fixtures/refs/ratio.csv.

koopman: Koopman's (1984) score interval for phi = p1/p2, from its
  definition: the phi with T(phi) <= z^2, where
    T(phi) = (x1/n1 - phi x2/n2)^2 / (p1 (1-p1)/n1 + phi^2 p2 (1-p2)/n2)
  and (p1, p2) = (phi p2, p2) is the likelihood maximum under p1 = phi p2:
  p2 is the smaller root of A p^2 + B p + C = 0, A = (n1+n2) phi,
  B = -(n1 phi + x1 + n2 + x2 phi), C = x1 + x2 (Miettinen & Nurminen 1985;
  Farrington & Manning 1990), taken as 2C / (-B + sqrt(B^2 - 4AC)) so that
  nothing cancels.  T is 0 at the estimate and rises on each side; each
  bound is bracketed by doubling steps in log(phi) and bisected to 1e-30.
  Conventions: x1 = 0 -> lo = 0; x2 = 0 -> hi = inf.  All rows are stored
  from here (ref mpmath): the definition evaluated at 50 digits is the
  reference.  It is checked against the closed form when x1 = n1 and
  x2 = n2 (lo = n1/(n1 + z^2), hi = 1 + z^2/n2), against statsmodels
  confint_proportions_2indep(method='score', compare='ratio',
  correction=False) and against epiR's zRRscore (DIR/koopman-epiR.csv);
  the largest relative differences are printed.
mn: Miettinen & Nurminen (1985): the same with T (N-1)/N <= z^2, N = n1 +
  n2; stored from here; statsmodels' score interval with correction=True
  (its MN variance factor) is compared.
adj-log: Katz's interval after adding 1/2 to x1, n1, x2, n2; bailey:
  Bailey (1987), rr [(1 -/+ z sqrt(q1/x1 + q2/x2 - z^2 q1 q2/(9 x1 x2))/3)
  / (1 - z^2 q2/(9 x2))]^3, (0, inf) when x1 or x2 is 0 or the
  denominator is not positive, lower bound 0 when its base is negative.
  No Debian package has either: the formulas at 50 digits are stored.
katz: the rows of DIR/katz.csv (R epitools) are compared with the log
  interval evaluated at 50 digits; a row off by more than 1e-12 relative is
  stored from mpmath instead.
Usage: python3 ratio_mp.py DIR"""
import sys
import warnings

from mpmath import mp, mpf, sqrt, log, exp, erfinv, inf

mp.dps = 50
TOL = 1e-12


def rel(a, b):
    a, b = float(a), float(b)
    return 0.0 if a == b else abs(a - b) / abs(b)


def koopman(x1, n1, x2, n2, level, mn=False):
    """Returns (lo, hi, monotone): monotone is False if T was seen to fall
    between the estimate and a bound (the set would not be an interval).
    mn: Miettinen-Nurminen's interval, T (N-1)/N <= z^2."""
    x1, n1, x2, n2 = map(mpf, (x1, n1, x2, n2))
    crit = 2 * erfinv(mpf(level)) ** 2            # z^2
    if mn:
        crit *= (n1 + n2) / (n1 + n2 - 1)

    def T(u):
        phi = exp(u)
        A, B, C = (n1 + n2) * phi, -(n1 * phi + x1 + n2 + x2 * phi), x1 + x2
        p2 = 2 * C / (-B + sqrt(max(B * B - 4 * A * C, 0)))
        p1 = phi * p2
        d = x1 / n1 - phi * x2 / n2
        return 0 if d == 0 else d * d / (p1 * (1 - p1) / n1 + phi ** 2 * p2 * (1 - p2) / n2)

    def bound(u, s):        # from u inside (T < crit), outward in direction s
        step = mpf(1)
        while T(u + s * step) < crit:
            u, step = u + s * step, 2 * step
        a, b = u, u + s * step
        while abs(b - a) > mpf(10) ** -30:
            c = (a + b) / 2
            a, b = (c, b) if T(c) < crit else (a, c)
        return (a + b) / 2

    def inside(s):          # a point with T < crit when the estimate is 0 or inf
        u = mpf(0)
        while T(u) >= crit:
            u += s
        return u

    if x1 == 0 and x2 == 0:
        return mpf(0), inf, True
    u0 = log(x1 * n2 / (x2 * n1)) if x1 > 0 and x2 > 0 else None
    ulo = None if x1 == 0 else bound(u0 if x2 > 0 else inside(+1), -1)
    uhi = None if x2 == 0 else bound(u0 if x1 > 0 else inside(-1), +1)
    monotone = True
    for ub, s in ((ulo, -1), (uhi, +1)):       # T along 16 points toward a bound
        if ub is not None:
            start = u0 if u0 is not None else ub - s * 40
            ts = [T(start + (ub - start) * k / 16) for k in range(17)]
            monotone &= all(a <= b for a, b in zip(ts, ts[1:]))
    return (mpf(0) if ulo is None else exp(ulo),
            inf if uhi is None else exp(uhi), monotone)


def T_score(x1, n1, x2, n2, phi):
    """T(phi) with the constrained maximum found by bisection on the score
    equation of the likelihood, not from the quadratic: a check of it."""
    x1, n1, x2, n2, phi = map(mpf, (x1, n1, x2, n2, phi))
    a, b = mpf(0), min(mpf(1), 1 / phi)
    for _ in range(400):                 # d loglik / d p2 is decreasing
        c = (a + b) / 2
        g = (x1 + x2) / c - (n1 - x1 and (n1 - x1) * phi / (1 - phi * c)) \
            - (n2 - x2 and (n2 - x2) / (1 - c))
        if g > 0:
            a = c
        else:
            b = c
    p2 = (a + b) / 2
    p1 = phi * p2
    return (x1 / n1 - phi * x2 / n2) ** 2 / (p1 * (1 - p1) / n1 + phi ** 2 * p2 * (1 - p2) / n2)


def adj_log(x1, n1, x2, n2, level):
    a, m, b, n = mpf(x1) + 0.5, mpf(n1) + 0.5, mpf(x2) + 0.5, mpf(n2) + 0.5
    z = sqrt(2) * erfinv(mpf(level))
    se = sqrt(1 / a - 1 / m + 1 / b - 1 / n)
    rr = (a / m) / (b / n)
    return rr * exp(-z * se), rr * exp(z * se)


def bailey(x1, n1, x2, n2, level):
    if x1 == 0 or x2 == 0:
        return mpf(0), inf
    x1, n1, x2, n2 = map(mpf, (x1, n1, x2, n2))
    z = sqrt(2) * erfinv(mpf(level))
    q1, q2 = 1 - x1 / n1, 1 - x2 / n2
    v = q1 / x1 + q2 / x2 - z ** 2 * q1 * q2 / (9 * x1 * x2)
    den = 1 - z ** 2 * q2 / (9 * x2)
    if den <= 0:
        return mpf(0), inf
    w = z * sqrt(max(v, 0)) / 3
    rr = (x1 / n1) / (x2 / n2)
    lo = (1 - w) / den
    return (rr * lo ** 3 if lo > 0 else mpf(0)), rr * ((1 + w) / den) ** 3


def g17(v):
    return "inf" if v == inf else "%.17g" % v


def summary(errs, what="tables"):
    errs = sorted(errs)
    return ("max relative difference %.3g, median %.3g over %d %s, %d beyond "
            "1e-9, %d beyond 1e-6" % (errs[-1], errs[len(errs) // 2], len(errs),
            what, sum(e > 1e-9 for e in errs), sum(e > 1e-6 for e in errs)))


def main(d):
    from statsmodels.stats.proportion import confint_proportions_2indep
    lines = open(d + "/tables.csv").read().splitlines()[1:]
    epir = {}
    for l in open(d + "/koopman-epiR.csv").read().splitlines()[1:]:
        f = l.split(",")
        epir[tuple(f[:5])] = (float(f[5]), float(f[6]))
    out = ["method,x1,n1,x2,n2,level,lo,hi,ref"]
    e_katz, e_closed, e_epir, e_sm, e_smedge, e_T, e_small = [], [], [], [], [], [], []
    sm_bad = nonmono = katz_mp = 0

    for l in open(d + "/katz.csv").read().splitlines():
        f = l.split(",")
        x1, n1, x2, n2 = map(int, f[1:5])
        z = sqrt(2) * erfinv(mpf(f[5]))
        se = sqrt(mpf(n1 - x1) / (x1 * n1) + mpf(n2 - x2) / (x2 * n2))
        rr = mpf(x1) * n2 / (mpf(x2) * n1)
        lo, hi = rr * exp(-z * se), rr * exp(z * se)
        e_katz.append(max(rel(f[6], lo), rel(f[7], hi)))
        if e_katz[-1] > TOL:
            f[6], f[7], f[8], katz_mp = g17(lo), g17(hi), "mpmath", katz_mp + 1
        out.append(",".join(f))

    e_mn, mn_bad = [], 0
    for l in lines:
        f = l.split(",")
        x1, n1, x2, n2 = map(int, f[:4])
        lo, hi, mono = koopman(x1, n1, x2, n2, f[4], mn=True)
        out.append("mn,%s,%s,%s,mpmath" % (",".join(f), g17(lo), g17(hi)))
        out.append("adj-log,%s,%s,%s,mpmath" % ((",".join(f),) + tuple(map(g17, adj_log(x1, n1, x2, n2, f[4])))))
        out.append("bailey,%s,%s,%s,mpmath" % ((",".join(f),) + tuple(map(g17, bailey(x1, n1, x2, n2, f[4])))))
        if 0 < x1 < n1 and 0 < x2 < n2:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    sm = [complex(v) for v in confint_proportions_2indep(
                        x1, n1, x2, n2, method="score", compare="ratio",
                        alpha=1 - float(f[4]), correction=True)]
                except Exception:
                    sm = [complex("nan")] * 2
            if all(v.imag == 0 and abs(v.real) < 1e300 for v in sm):
                e_mn.append(max(rel(sm[0].real, lo), rel(sm[1].real, hi)))
            else:
                mn_bad += 1

    for i, l in enumerate(lines):
        f = l.split(",")
        x1, n1, x2, n2 = map(int, f[:4])
        lo, hi, mono = koopman(x1, n1, x2, n2, f[4])
        nonmono += not mono
        out.append("koopman,%s,%s,%s,mpmath" % (",".join(f), g17(lo), g17(hi)))
        z2 = 2 * erfinv(mpf(f[4])) ** 2
        if x1 == n1 and x2 == n2:
            e_closed.append(max(abs(lo / (n1 / (n1 + z2)) - 1), abs(hi / (1 + z2 / n2) - 1)))
        if i % 10 == 0:
            e_T += [abs(T_score(x1, n1, x2, n2, b) / z2 - 1) for b in (lo, hi) if 0 < b < inf]
        if tuple(f) in epir:
            e_epir.append(max(rel(a, b) for a, b in zip(epir[tuple(f)], (lo, hi))))
        if x1 > 0 and x2 > 0:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    s = [complex(v) for v in confint_proportions_2indep(
                        x1, n1, x2, n2, method="score", compare="ratio",
                        alpha=1 - float(f[4]), correction=False)]
                except Exception:
                    s = [complex("nan")] * 2
            if not all(v.imag == 0 and abs(v.real) < 1e300 for v in s):
                sm_bad += 1
                continue
            e = max(rel(s[0].real, lo), rel(s[1].real, hi))
            (e_sm if x1 < n1 and x2 < n2 else e_smedge).append(e)
            if x1 < n1 and x2 < n2 and n1 + n2 <= 1000:
                e_small.append(e)

    with open("fixtures/refs/ratio.csv", "w") as fp:
        fp.write("\n".join(out) + "\n")
    p = lambda s: print(s)
    p("katz: epitools vs mpmath %s; %d rows stored from mpmath (epitools off "
      "by > %g)" % (summary(e_katz), katz_mp, TOL))
    p("mn: statsmodels (correction=True) vs mpmath (0 < x < n) %s; "
      "non-finite or complex on %d" % (summary(e_mn), mn_bad))
    p("koopman: %d tables (mpmath); T not monotone toward a bound on %d"
      % (len(lines), nonmono))
    p("koopman: closed form (x1 = n1, x2 = n2) vs mpmath %s" % summary(e_closed))
    p("koopman: T at the bounds, constrained MLE by bisection on the score "
      "equation, vs z^2: %s" % summary(e_T, "bounds"))
    p("koopman: epiR zRRscore vs mpmath (0 < x < n) %s" % summary(e_epir))
    p("koopman: statsmodels vs mpmath (0 < x < n) %s" % summary(e_sm))
    p("koopman: statsmodels vs mpmath (0 < x < n, n1 + n2 <= 1000) %s"
      % summary(e_small))
    p("koopman: statsmodels vs mpmath (x1 = n1 or x2 = n2) %s" % summary(e_smedge))
    p("koopman: statsmodels non-finite or complex on %d tables with x1, x2 > 0"
      % sm_bad)
    phs = [r.split(",") for r in out if r.split(",")[1:5] == ["189", "11034", "104", "11037"]]
    p("published: Physicians' Health RR 95%% CI (1.43, 2.30): %s" % "; ".join(
      "%s (%.4f, %.4f)" % (r[0], float(r[6]), float(r[7])) for r in phs))


main(sys.argv[1])
