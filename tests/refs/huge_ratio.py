"""Ratio and difference intervals, and the score tests they invert, at counts
from 10^7 to 2^53, from the definitions at 100 digits (mpmath):
fixtures/refs/huge-ratio.csv (--ratio: method,x1,n1,x2,n2,level,lo,hi,ref),
huge-ratio-diff.csv (--diff, same columns) and huge-ratio-score.csv (the score
tests of --ratio mn and scas, method,x1,n1,x2,n2,p,ref; the method names the
interval whose test it is).

koopman, mn, katz, adj-log, bailey and the difference intervals (newcombe,
agresti-caffo, wald, mn) use the definitions of tests/refs/ratio_mp.py,
diff.py and mn.py (loaded without running their main); their cases there stop
at 10^9.  The difference mn bounds are searched here (from the estimate
outward: mn.py walks from a shrunk estimate, which can lie outside the
interval at 10^9 vs 10, and its root finder stalls at 2^53: see rd_stat).  katz: exp(log RR -/+ z sqrt((n1-x1)/(x1 n1) + (n2-x2)/(x2 n2))).

scas (Laud 2017): c(phi), the root near s = S/V^(1/2) of
    s - A (c^2 - 1) = c,  A = mu3 / (6 V^(3/2)),
i.e. 2 (s + A) / (1 + sqrt(1 + 4 A (s + A))) (as R's ratesci computes it;
+-inf, the sign of s, where that has no real root), with S, V (times
N/(N-1)) and mu3 at the table fitted under p1 = phi p2 (as scas.py).  c does
not depend on the level, and the interval is the hull of {phi : |c| <= z}
(disp-rate(1)).  The search here is not ours: a uniform grid of 4001 points
in log(phi) over MN's interval widened threefold each side (widened again
while its end is accepted), with offsets from 10^-20 to 10^3 either side
of the estimate; the outermost accepted points bisected outward against the
next grid point to 1e-35.  MN's interval stands in at x1 = n1,
x2 = n2; x1 = 0 gives lo = 0, x2 = 0 hi = inf.  Its test: p = 2 Phi(-z*),
z* the least z whose hull holds 1, from the same c: z* = max over the two
sides of 1 of the least |c| there (c is level-free, so the hull holds 1
exactly when both sides have a point with |c| <= z), each least |c| found on
a grid from 1 outward and refined by golden section.  mn's test: Pearson's
X^2 (N-1)/N in exact integers, chi-square 1 df.

Tables: 999999999/10^9 vs 10/10 (issue 9: scas gave [1.0078, 1.316], p
0.317), margins past 2^53, and a fixed random sample (seed 20261201) with n
in {10^7 .. 10^12, 2^53} against n in {1, 10, 10^3, 10^6, 10^7 .. 2^53}, x
at 0, 1, n/2, n - 1, n or uniform.  Levels 0.9, 0.95, 0.99 (and 0.5,
0.999999 for the issue's table).
Usage: /usr/bin/python3 tests/refs/huge_ratio.py  (from the repository root)"""
import random
import sys

from mpmath import mp, mpf, sqrt, log, exp, erfinv, erfc, inf, ncdf

mp.dps = 50
MAX = 2 ** 53


def load(name):
    """The definitions of another generator, without running its main()."""
    src = open("tests/refs/" + name).read()
    src = src[:src.rindex("\nmain(")]
    ns = {"__name__": name}
    exec(compile(src, name, "exec"), ns)
    return ns


RM, DF, MN = load("ratio_mp.py"), load("diff.py"), load("mn.py")
# 100 digits: the fitted p2 is the root of a quadratic whose roots close up
# as p1 or p2 nears 1, losing up to half the digits, and at 2^53 a q of
# 10^-16 is wanted to 10^-30 or so.
mp.dps = 100


def zof(level):
    return sqrt(2) * erfinv(mpf(level))


def katz(x1, n1, x2, n2, level):
    if x1 == 0 or x2 == 0:
        return mpf(0), inf
    x1, n1, x2, n2 = map(mpf, (x1, n1, x2, n2))
    se = sqrt((n1 - x1) / (x1 * n1) + (n2 - x2) / (x2 * n2))
    u, z = log((x1 / n1) / (x2 / n2)), zof(level)
    return exp(u - z * se), exp(u + z * se)


def scas_c(x1, n1, x2, n2, phi):
    N = n1 + n2
    A, B, C = N * phi, n1 * phi + x1 + n2 + x2 * phi, x1 + x2
    p2 = 2 * C / (B + sqrt(max(B * B - 4 * A * C, 0))) if C else mpf(0)
    p1 = min(phi * p2, mpf(1))
    q1, q2 = 1 - p1, 1 - p2
    S = mpf(x1) / n1 - phi * mpf(x2) / n2
    V = (p1 * q1 / n1 + phi ** 2 * p2 * q2 / n2) * N / (N - 1)
    mu3 = p1 * q1 * (q1 - p1) / n1 ** 2 - phi ** 3 * p2 * q2 * (q2 - p2) / n2 ** 2
    if V == 0:
        return mpf(0) if S == 0 else (inf if S > 0 else -inf)
    s, a = S / sqrt(V), mu3 / (6 * V * sqrt(V))
    w = s + a
    d = 1 + 4 * a * w
    if d < 0:
        return inf if s > 0 else -inf
    return 2 * w / (1 + sqrt(d))


def scas(x1, n1, x2, n2, level):
    if x1 == n1 and x2 == n2:
        lo, hi, _ = RM["koopman"](x1, n1, x2, n2, level, mn=True)
        return lo, hi
    if x1 == 0 and x2 == 0:
        return mpf(0), inf
    z = zof(level)
    lo_mn, hi_mn, _ = RM["koopman"](x1, n1, x2, n2, level, mn=True)
    ue = log((mpf(x1 or 1) / n1) / (mpf(x2 or 1) / n2))
    a = log(lo_mn) if lo_mn > 0 else log(hi_mn) - 40
    b = log(hi_mn) if hi_mn < inf else log(lo_mn) + 40
    w = max(b - a, mpf(10) ** -12)
    acc = lambda u: abs(scas_c(x1, n1, x2, n2, exp(u))) <= z
    while True:
        g0, g1 = a - 3 * w, b + 3 * w
        grid = [g0 + (g1 - g0) * k / 4000 for k in range(4001)]
        # and offsets 10^-20 .. 10^3 either side of the estimate, where a
        # fitted p reaching 1 can make c jump within 10^-17
        grid = sorted(set(grid + [ue + sg * mpf(10) ** (k / mpf(8))
                                  for k in range(-160, 25) for sg in (-1, 1)
                                  if g0 < ue + sg * mpf(10) ** (k / mpf(8)) < g1]))
        ok = [acc(u) for u in grid]
        if not any(ok):   # only at a zero cell: the end the estimate is at
            if x1 == 0 or x2 == 0:
                return (mpf(0), mpf(0)) if x1 == 0 else (inf, inf)
            raise ValueError("nothing accepted")
        i = ok.index(True)
        j = len(ok) - 1 - ok[::-1].index(True)
        if (i > 0 or x1 == 0) and (j < len(ok) - 1 or x2 == 0):
            break
        w *= 4

    def bisect(u_in, u_out):
        while abs(u_out - u_in) > mpf(10) ** -35:
            m = (u_in + u_out) / 2
            u_in, u_out = (m, u_out) if acc(m) else (u_in, m)
        return exp((u_in + u_out) / 2)
    lo = mpf(0) if x1 == 0 else bisect(grid[i], grid[i - 1])
    hi = inf if x2 == 0 else bisect(grid[j], grid[j + 1])
    return lo, hi


def scas_p(x1, n1, x2, n2):
    if (x1 == 0 and x2 == 0) or (x1 == n1 and x2 == n2):
        return mpf(1)
    c = lambda u: abs(scas_c(x1, n1, x2, n2, exp(u)))

    def least(side):
        # |c| from phi = 1 outward; a sign change is a zero (least 0)
        us = [side * mpf(10) ** (k / mpf(8)) for k in range(-160, 25)]
        us = [mpf(0)] + us
        vs = [scas_c(x1, n1, x2, n2, exp(u)) for u in us]
        for v, w in zip(vs, vs[1:]):
            if v * w <= 0:
                return mpf(0)
        k = min(range(len(us)), key=lambda i: abs(vs[i]))
        if k == 0 or k == len(us) - 1:
            return abs(vs[k])
        a, b = us[k - 1], us[k + 1]        # golden section on |c|
        g = (sqrt(5) - 1) / 2
        for _ in range(200):
            m1, m2 = b - g * (b - a), a + g * (b - a)
            if c(m1) < c(m2):
                b = m2
            else:
                a = m1
        return min(abs(vs[k]), c((a + b) / 2))
    # with x1 = 0 (x2 = 0) the lower (upper) end is 0 (inf) at every level
    zs = least(+1) if x1 == 0 else least(-1) if x2 == 0 else max(least(-1), least(+1))
    return 2 * ncdf(-zs)


def mn_p(x1, n1, x2, n2):
    if (x1 == 0 and x2 == 0) or (x1 == n1 and x2 == n2):
        return mpf(1)
    N, m = n1 + n2, x1 + x2
    x2s = mpf((x1 * n2 - x2 * n1) ** 2 * (N - 1)) / (n1 * n2 * m * (N - m))
    return erfc(sqrt(x2s / 2))


def rd_stat(x1, n1, x2, n2, d):
    """mn.py's statistic, its constrained MLE found by bisection (400 halvings
    at 70 digits) instead of Illinois, which stalls short of its 1e-45 at
    2^53: p2 = lo + w t, each of p1, q1, p2, q2 a constant that is exactly 0
    where it can vanish plus a multiple of t or 1 - t (as mn.py); the score
    falls with t."""
    with mp.workdps(max(mp.dps, 70)):
        lo, hi = max(mpf(0), -d), min(mpf(1), 1 - d)
        w = hi - lo
        parts = lambda t: (lo + d + w * t, 1 - d - hi + w * (1 - t), lo + w * t,
                           1 - hi + w * (1 - t))

        def g(t):
            p1, q1, p2, q2 = parts(t)
            return ((x1 and x1 / p1) - (n1 - x1 and (n1 - x1) / q1) +
                    (x2 and x2 / p2) - (n2 - x2 and (n2 - x2) / q2))
        a, b = mpf(0), mpf(1)
        for _ in range(400):
            m = (a + b) / 2
            if m == a or m == b:
                break
            try:
                up = g(m) > 0
            except ZeroDivisionError:
                up = m < mpf(1) / 2
            a, b = (m, b) if up else (a, m)
        p1, q1, p2, q2 = parts((a + b) / 2)
        e = mpf(x1) / n1 - mpf(x2) / n2 - d
        v = p1 * q1 / n1 + p2 * q2 / n2
        return mpf(0) if e == 0 else (e * e / v if v > 0 else inf)


def diff_mn(x1, n1, x2, n2, level):
    """mn.py's statistic; each bound bracketed outward from a point inside
    (the estimate, or 10^-40 in from -1 or 1 when the estimate is there,
    where T -> 0) by doubling steps in atanh(d), then bisected to 1e-35."""
    N = n1 + n2
    z = zof(level)
    crit = z * z * N / (N - 1)
    atanh, tanh = MN["atanh"], MN["tanh"]
    T = lambda u: rd_stat(x1, n1, x2, n2, tanh(u))
    e = mpf(x1) / n1 - mpf(x2) / n2
    u0 = atanh(e) if abs(e) < 1 else atanh(e - (e > 0 and 1 or -1) * mpf(10) ** -40)

    def bound(s):
        step = mpf(1) / 1024
        while T(u0 + s * step) < crit:
            step *= 2
        a, b = u0 + s * step / 2 if step > mpf(1) / 1024 else u0, u0 + s * step
        while abs(b - a) > mpf(10) ** -35:
            m = (a + b) / 2
            a, b = (m, b) if T(m) < crit else (a, m)
        return tanh((a + b) / 2)
    lo = mpf(-1) if x1 == 0 and x2 == n2 else bound(-1)
    hi = mpf(1) if x1 == n1 and x2 == 0 else bound(+1)
    return lo, hi


RATIO = [("koopman", lambda *t: RM["koopman"](*t)[:2]),
         ("mn", lambda *t: RM["koopman"](*t, mn=True)[:2]),
         ("scas", scas), ("katz", katz),
         ("adj-log", lambda *t: RM["adj_log"](*t)), ("bailey", lambda *t: RM["bailey"](*t))]
DIFF = [("newcombe", lambda x1, n1, x2, n2, l: DF["newcombe"](x1, n1, x2, n2, zof(l))),
        ("agresti-caffo", lambda x1, n1, x2, n2, l: DF["wald"](x1, n1, x2, n2, zof(l), 1)),
        ("wald", lambda x1, n1, x2, n2, l: DF["wald"](x1, n1, x2, n2, zof(l))),
        ("mn", diff_mn)]


def tables():
    big = [10 ** 7, 10 ** 8, 10 ** 9, 10 ** 10, 10 ** 11, 10 ** 12, MAX]
    other = [1, 10, 1000, 10 ** 6] + big
    rnd = random.Random(20261201)

    def x_of(n):
        k = rnd.randrange(7)
        return [0, 1, n // 2, n - 1, n, rnd.randint(0, n), rnd.randint(0, min(n, 50))][k]
    out = [(999999999, 10 ** 9, 10, 10, l) for l in ("0.5", "0.9", "0.95", "0.99", "0.999999")]
    out += [(MAX, MAX, 0, 1, "0.95"), (0, 1, MAX, MAX, "0.95"), (1, 1, MAX - 1, MAX, "0.95"),
            (MAX // 2, MAX, MAX // 2 + 2 ** 26, MAX, "0.95"), (10 ** 12 - 1, 10 ** 12, 1, 1, "0.9")]
    levels = ("0.9", "0.95", "0.99")
    while len(out) < 90:
        n1 = rnd.choice(big)
        n2 = rnd.choice(other)
        t = (x_of(n1), n1, x_of(n2), n2)
        if rnd.random() < 0.5:
            t = (t[2], t[3], t[0], t[1])
        if (t[0] == 0 and t[2] == 0) or (t[0] == t[1] and t[2] == t[3]):
            continue
        out.append(t + (levels[len(out) % 3],))
    return out


def main():
    g = lambda v: "inf" if v == inf else "%.17g" % float(v)
    rr, rd, tp = [], [], []
    for (x1, n1, x2, n2, level) in tables():
        key = "%d,%d,%d,%d,%s" % (x1, n1, x2, n2, level)
        for name, f in RATIO:
            lo, hi = f(x1, n1, x2, n2, level)
            rr.append("%s,%s,%s,%s,mpmath" % (name, key, g(lo), g(hi)))
        for name, f in DIFF:
            lo, hi = f(x1, n1, x2, n2, level)
            rd.append("%s,%s,%s,%s,mpmath" % (name, key, g(lo), g(hi)))
        tkey = "%d,%d,%d,%d" % (x1, n1, x2, n2)
        # 1/1 vs (2^53 - 1)/2^53: c changes sign between 1 and the
        # estimate, 2^-53 apart, where no double lies, so the test of the
        # interval in doubles (p 0.524) cannot be the exact one (1): left out.
        if level in ("0.9", "0.95", "0.99"):
            if (x1, n1, x2, n2) != (1, 1, MAX - 1, MAX):
                tp.append("scas,%s,%s,mpmath" % (tkey, g(scas_p(x1, n1, x2, n2))))
            tp.append("mn,%s,%s,mpmath" % (tkey, g(mn_p(x1, n1, x2, n2))))
        print(key, file=sys.stderr)
    head = "method,x1,n1,x2,n2,level,lo,hi,ref\n"
    for name, rows in (("huge-ratio.csv", rr), ("huge-ratio-diff.csv", rd)):
        with open("fixtures/refs/" + name, "w") as fp:
            fp.write(head + "\n".join(rows) + "\n")
    with open("fixtures/refs/huge-ratio-score.csv", "w") as fp:
        fp.write("method,x1,n1,x2,n2,p,ref\n" + "\n".join(sorted(set(tp))) + "\n")
    print("huge-ratio: %d ratio, %d difference bounds pairs, %d score-test p-values at 100 "
          "digits" % (len(rr), len(rd), len(set(tp))))


main()
