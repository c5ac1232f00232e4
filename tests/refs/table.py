"""Reference values for disp-test's tests of the whole k x 2 table ->
fixtures/refs/table.csv, from DIR/table-cases.csv (table_cases.py) and
DIR/table-R.csv (table.R).  Layout: method,events,totals,scores,statistic,
df,p,ref, the lists space-separated, df empty for the exact test.

Each test from its definition, on the groups with a positive total:
- chi2: X^2 = sum d_i^2 / (n_i m (N - m)), d_i = x_i N - n_i m, in exact
  rationals; p = Q(df/2, X^2/2) at 50 digits (mpmath).
- g: 2 sum [O log(O/E) - O + E] over the 2k cells at 80 digits (the added
  terms sum to 0 and keep the sum from cancelling); p as for chi2.
- trend: [sum x_i (s_i - s)]^2 N^2 / (m (N - m) sum n_i (s_i - s)^2),
  s = sum n_i s_i / N, in exact rationals (scores read as decimals);
  p = Q(1/2, T/2).
- exact: the tables with the observed margins whose weight prod C(n_i, y_i)
  is at most the observed one times 1 + 1e-7, summed in exact integers
  (every x of the k - 2 smallest groups enumerated; for the last two, the
  weights are unimodal in x, so the counted tails are found by bisection
  with exact comparisons, and the shorter of the tails and the middle is
  summed, the middle taken from C(n_a + n_b, r)); p = that sum / C(N, m),
  and the statistic the observed table's probability.  With one small
  group beside two of 10^5..10^9 the same is done with 40-digit logs
  (mpmath).  Tables with at most 20000 tables are also enumerated one by
  one, as a check of the above.

Stored: the package's values (R chisq.test, scipy chi2_contingency for g,
R prop.trend.test, R fisher.test) where both its statistic and p are
within 1e-12 of the definition's (p below DBL_MIN: on the scale of
DBL_MIN, as test_refs.c compares; a statistic that is exactly 0 must be
0), else the definition's, with ref naming
which.  The disagreements are summarised on stderr."""
import math
import sys
import warnings
from fractions import Fraction
from math import comb

from mpmath import mp, mpf, gammainc, inf, log, exp, loggamma, log1p
from scipy.stats import chi2_contingency

d = sys.argv[1]
DBL_MIN = 2.2250738585072014e-308
TOL_NUM, TOL_DEN = 10**7 + 1, 10**7


def relerr(a, b):
    a, b = float(a), float(b)
    if abs(a) < DBL_MIN and abs(b) < DBL_MIN:
        return abs(a - b) / DBL_MIN
    if b == 0:   # an exact 0 (proportional rows): only 0 will do
        return 0.0 if a == 0 else math.inf
    return abs(a - b) / abs(b)


def q_chisq(x, df):
    mp.dps = 50
    if x == 0:
        return mpf(1)
    return gammainc(mpf(df) / 2, mpf(x.numerator) / x.denominator / 2 if isinstance(x, Fraction) else x / 2,
                    inf, regularized=True)


def chi2_def(x, n):
    N, m = sum(n), sum(x)
    X = sum(Fraction((xi * N - ni * m) ** 2, ni * m * (N - m)) for xi, ni in zip(x, n))
    return X, q_chisq(X, len(x) - 1)


def g_def(x, n):
    mp.dps = 80
    N, m = sum(n), sum(x)
    G = mpf(0)
    for xi, ni in zip(x, n):
        for O, E in ((xi, mpf(ni) * m / N), (ni - xi, mpf(ni) * (N - m) / N)):
            G += E if O == 0 else O * log(O / E) - O + E
    G *= 2
    p = q_chisq(G, len(x) - 1) if G > 0 else mpf(1)
    return G, p


def trend_def(x, n, s):
    N, m = sum(n), sum(x)
    sbar = sum(ni * si for ni, si in zip(n, s)) / N
    num = sum(xi * (si - sbar) for xi, si in zip(x, s))
    S = sum(ni * (si - sbar) ** 2 for ni, si in zip(n, s))
    if S == 0:
        return None
    T = num * num * N * N / (m * (N - m) * S)
    return T, q_chisq(T, 1)


def exact_int(x, n, num=TOL_NUM, den=TOL_DEN):
    """Exact p (Fraction) and P(observed) by exact integers."""
    pairs = sorted(zip(n, x))
    n = [a for a, _ in pairs]
    x = [b for _, b in pairs]
    k, N, m = len(n), sum(n), sum(x)
    W0 = 1
    for a, b in zip(n, x):
        W0 *= comb(a, b)
    LIM = W0 * num
    rest = [sum(n[j:]) for j in range(k + 1)]

    def sumrange(na, nb, r, a, b):
        if a > b:
            return 0
        t = comb(na, a) * comb(nb, r - a)
        s = t
        for v in range(a, b):
            t = t * (na - v) * (r - v) // ((v + 1) * (nb - r + v + 1))
            s += t
        return s

    def leaf(prefix, na, nb, r):
        lo, hi = max(0, r - nb), min(na, r)
        P = prefix * den

        def counted(v):
            return P * comb(na, v) * comb(nb, r - v) <= LIM
        mode = min(max((r + 1) * (na + 1) // (na + nb + 2), lo), hi)
        if counted(mode):
            return prefix * comb(na + nb, r)
        a, b = lo - 1, mode
        while b - a > 1:
            c = (a + b) // 2
            if counted(c):
                a = c
            else:
                b = c
        left = a
        a, b = mode, hi + 1
        while b - a > 1:
            c = (a + b) // 2
            if counted(c):
                b = c
            else:
                a = c
        right = b
        if right - left - 1 <= (left - lo + 1) + (hi - right + 1):
            s = comb(na + nb, r) - sumrange(na, nb, r, left + 1, right - 1)
        else:
            s = sumrange(na, nb, r, lo, left) + sumrange(na, nb, r, right, hi)
        return prefix * s

    def rec(j, r, prefix):
        if j == k - 2:
            return leaf(prefix, n[j], n[j + 1], r)
        tot = 0
        for v in range(max(0, r - rest[j + 1]), min(n[j], r) + 1):
            tot += rec(j + 1, r - v, prefix * comb(n[j], v))
        return tot
    S = rec(0, m, 1)
    C = comb(N, m)
    return Fraction(S, C), Fraction(W0, C)


def exact_brute(x, n):
    k, m = len(n), sum(x)
    W0 = 1
    for a, b in zip(n, x):
        W0 *= comb(a, b)
    S = 0

    def rec(j, r, w):
        nonlocal S
        if j == k - 1:
            if r <= n[j]:
                w *= comb(n[j], r)
                if w * TOL_DEN <= W0 * TOL_NUM:
                    S += w
            return
        for v in range(0, min(n[j], r) + 1):
            rec(j + 1, r - v, w * comb(n[j], v))
    rec(0, m, 1)
    return Fraction(S, comb(sum(n), m))


def ntables(n, m):
    t = 1
    for a in n[:-1]:
        t *= min(a, m) + 1
    return t


def exact_mp(x, n):
    """The same as exact_int with 40-digit logs, for a small group beside
    huge ones (k = 3)."""
    mp.dps = 40
    pairs = sorted(zip(n, x))
    n = [a for a, _ in pairs]
    x = [b for _, b in pairs]
    assert len(n) == 3
    N, m = sum(n), sum(x)

    def lc(a, b):
        return loggamma(a + 1) - loggamma(b + 1) - loggamma(a - b + 1)
    lobs = sum(lc(a, b) for a, b in zip(n, x))
    cut = lobs + log1p(mpf(1) / 10**7)
    na, nb = n[1], n[2]
    total = mpf(0)
    for v0 in range(0, min(n[0], m) + 1):
        r = m - v0
        lo, hi = max(0, r - nb), min(na, r)
        if lo > hi:
            continue
        A = lc(n[0], v0)

        def lw(v):
            return A + lc(na, v) + lc(nb, r - v)
        mode = min(max((r + 1) * (na + 1) // (na + nb + 2), lo), hi)
        if lw(mode) <= cut:
            total += exp(A + lc(na + nb, r))
            continue
        a, b = lo - 1, mode
        while b - a > 1:
            c = (a + b) // 2
            if lw(c) <= cut:
                a = c
            else:
                b = c
        left = a
        a, b = mode, hi + 1
        while b - a > 1:
            c = (a + b) // 2
            if lw(c) <= cut:
                b = c
            else:
                a = c
        right = b

        def run(start, stop, dirn):
            # sum of exp(lw) from start toward stop (inclusive), relative
            # to exp(lw(start)); stops when terms no longer matter.
            if (stop - start) * dirn < 0:
                return mpf(0)
            s = t = mpf(1)
            v = start
            while v != stop:
                if dirn > 0:
                    t *= mpf(na - v) * (r - v) / ((v + 1) * (nb - r + v + 1))
                else:
                    t *= mpf(v) * (nb - r + v) / ((na - v + 1) * (r - v + 1))
                v += dirn
                s += t
                if t < s * mpf(10) ** -45:
                    break
            return s * exp(lw(start))
        sd = math.sqrt(r * na / (na + nb) * nb / (na + nb))
        if right - left - 1 < 12 * sd + 10:
            mid = run(mode, right - 1, +1) + run(mode, left + 1, -1) - exp(lw(mode))
            total += exp(A + lc(na + nb, r)) - mid
        else:
            if left >= lo:
                total += run(left, lo, -1)
            if right <= hi:
                total += run(right, hi, +1)
    lC = lc(N, m)
    return exp(log(total) - lC), exp(lobs - lC)


cases = [l.split(",") for l in open(d + "/table-cases.csv").read().splitlines()[1:]]
rres = {}
for l in open(d + "/table-R.csv").read().splitlines()[1:]:
    f = l.split(",")
    rres[f[0]] = [None if v == "NA" else float(v) for v in f[1:]]

rows = []
stats = {}


def note(method, ref, err=None):
    s = stats.setdefault(method, {"refs": {}, "worst": 0.0, "n": 0, "off": 0, "at": ""})
    s["refs"][ref] = s["refs"].get(ref, 0) + 1
    s["n"] += 1
    if err is not None:
        s["off"] += err > 1e-12
        if err > s["worst"]:
            s["worst"], s["at"] = err, current



def emit(method, ev, tot, sc, stat, df, p, ref):
    rows.append("%s,%s,%s,%s,%.17g,%s,%.17g,%s" % (method, ev, tot, sc, float(stat), df, float(p), ref))


fisher_off = []
checked = 0
for cid, ev, tot, sc, ex in cases:
    current = "%s of %s" % (ev, tot)
    x = [int(v) for v in ev.split()]
    n = [int(v) for v in tot.split()]
    s = [Fraction(v) for v in sc.split()]
    keep = [i for i in range(len(n)) if n[i] > 0]
    xk, nk, sk = [x[i] for i in keep], [n[i] for i in keep], [s[i] for i in keep]
    k = len(keep)
    R = rres[cid]
    # chi2
    X, p = chi2_def(xk, nk)
    if R[0] is not None and relerr(R[0], X) <= 1e-12 and relerr(R[1], p) <= 1e-12:
        emit("chi2", ev, tot, sc, R[0], k - 1, R[1], "R chisq.test")
        note("chi2", "R chisq.test", max(relerr(R[0], X), relerr(R[1], p)))
    else:
        emit("chi2", ev, tot, sc, X, k - 1, p, "exact rational")
        note("chi2", "exact rational",
             max(relerr(R[0], X), relerr(R[1], p)) if R[0] is not None else None)
    # g
    G, p = g_def(xk, nk)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tab = [[a, b - a] for a, b in zip(xk, nk)]
        try:
            sg, sp = chi2_contingency(tab, correction=False, lambda_="log-likelihood")[:2]
        except Exception:
            sg = sp = float("nan")
    e = max(relerr(sg, G), relerr(sp, p))
    if e <= 1e-12:
        emit("g", ev, tot, sc, sg, k - 1, sp, "scipy")
        note("g", "scipy", e)
    else:
        emit("g", ev, tot, sc, G, k - 1, p, "mpmath")
        note("g", "mpmath", e)
    # trend
    tr = trend_def(xk, nk, sk)
    if tr:
        T, p = tr
        if R[3] is not None and relerr(R[3], T) <= 1e-12 and relerr(R[4], p) <= 1e-12:
            emit("trend", ev, tot, sc, R[3], 1, R[4], "R prop.trend.test")
            note("trend", "R prop.trend.test", max(relerr(R[3], T), relerr(R[4], p)))
        else:
            emit("trend", ev, tot, sc, T, 1, p, "exact rational")
            note("trend", "exact rational",
                 max(relerr(R[3], T), relerr(R[4], p)) if R[3] is not None else None)
    # exact
    if ex != "1":
        continue
    if max(nk) > 10**4:
        if k != 3:
            continue   # beyond both enumerations
        pe, stat = exact_mp(xk, nk)
        ref = "mpmath"
    else:
        srt = sorted(nk)
        if ntables(srt[:-1], sum(xk)) > 3 * 10**5 and k > 2 and math.prod(v + 1 for v in srt[:-2]) > 30000:
            continue
        pe, stat = exact_int(xk, nk)
        ref = "exact rational"
        if ntables(srt, sum(xk)) <= 20000:
            assert exact_brute(xk, nk) == pe, (ev, tot)
            checked += 1
    fp = R[2]
    if fp is not None and relerr(fp, pe) <= 1e-12:
        emit("exact", ev, tot, sc, stat, "", fp, "R fisher.test")
        note("exact", "R fisher.test", relerr(fp, pe))
    else:
        emit("exact", ev, tot, sc, stat, "", pe, ref)
        note("exact", ref, relerr(fp, pe) if fp is not None else None)
        if fp is not None:
            # Is it FEXACT's tolerance (3.45254e-7 on the log scale)?
            t = Fraction(3452540, 10**13)
            tol = 1 + t + t * t / 2 + t ** 3 / 6
            pf = exact_int(xk, nk, tol.numerator, tol.denominator)[0] if ref != "mpmath" else None
            fisher_off.append((ev, tot, fp, float(pe), relerr(fp, pe),
                               pf is not None and relerr(fp, pf) <= 1e-12))

out = open("fixtures/refs/table.csv", "w")
out.write("method,events,totals,scores,statistic,df,p,ref\n")
out.write("\n".join(rows) + "\n")
out.close()
print("table.csv: %d rows; exact references checked by enumeration: %d" % (len(rows), checked),
      file=sys.stderr)
for mth, s in stats.items():
    print("  %s: %d rows, %s; the package off by more than 1e-12 on %d, by up to %.3g (%s)"
          % (mth, s["n"], ", ".join("%s %d" % kv for kv in s["refs"].items()), s["off"],
             s["worst"], s["at"]), file=sys.stderr)
for ev, tot, fp, pe, e, tolerance in fisher_off:
    print("  R fisher.test %s of %s: %.17g, exact %.17g (relative %.2g%s)"
          % (ev, tot, fp, pe, e, "; FEXACT's tolerance" if tolerance else ""), file=sys.stderr)
