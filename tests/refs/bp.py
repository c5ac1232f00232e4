"""Baptista-Pike odds-ratio intervals from the definition at 40 digits ->
appended to fixtures/refs/odds.csv.

At odds ratio psi = e^u the tables k (same margins) have probabilities
P(k) proportional to C(k) psi^k, C(k) = C(n1, k) C(n2, m - k).  The
two-sided minimum-likelihood p-value of x1 is P(S) with
S = {k : C(k) psi^k <= (1 + 1e-7) C(x1) psi^x1}, and the interval is the
hull of {psi : p(psi) > alpha}.

This is computed exactly, by an argument independent of disp-rate's grid
search: table k enters or leaves S only at u_k = log(r_k) / (k - x1),
r_k = (1 + 1e-7) C(x1) / C(k), so S is constant between consecutive u_k.
Between them the complement of S is a fixed interval of tables (a
superlevel set of the log-concave P), and since the family is totally
positive in (k, u) the probability of an interval is unimodal in u
(variation diminishing, Karlin 1968); so p is quasi-convex there, and
its acceptance set in a segment is the segment's ends minus one middle
interval.  The lower bound is therefore found by walking the segments
upward: the first segment whose p just after its start exceeds alpha
gives that start; the first whose p just before its end exceeds alpha
holds a single crossing, found by bisection to 1e-25.  The upper bound
walks down.  Every p sums the whole support in mpmath, so only tables
whose support has at most 60 values are computed.
Published check: ORCI's BPexact.CI(2, 14, 1, 11) prints 0.1127829,
53.0112493.
Usage: python3 bp.py DIR"""
import sys

from mpmath import mp, mpf, log, exp, loggamma

mp.dps = 40
TOL = 1 + mpf(10) ** -7
DELTA = mpf(10) ** -20   # "just inside" a segment


def lchoose(n, k):
    return loggamma(n + 1) - loggamma(k + 1) - loggamma(n - k + 1)


def logc(n1, n2, m, k):
    # log-gamma, not math.comb: C(85827531, 47938619) has millions of digits
    return lchoose(mpf(n1), k) + lchoose(mpf(n2), m - k)


def pval(lc, x1, u):
    ks = sorted(lc)
    w = {k: exp(lc[k] + k * u - (lc[x1] + x1 * u)) for k in ks}
    tot = sum(w.values())
    return sum(v for v in w.values() if v <= TOL) / tot


def cross(lc, x1, alpha, a, b):
    """The single point in (a, b) where p crosses alpha."""
    pa = pval(lc, x1, a) > alpha
    while abs(b - a) > mpf(10) ** -25:
        c = (a + b) / 2
        if (pval(lc, x1, c) > alpha) == pa:
            a = c
        else:
            b = c
    return (a + b) / 2


def end(lc, x1, alpha, brk, side):
    """Lower (side -1) or upper (+1) end of the acceptance hull, in u."""
    pts = sorted(brk) if side < 0 else sorted(brk, reverse=True)
    # The outermost segment runs from -inf (+inf): there p falls to 0, so
    # step outwards until p <= alpha to bracket a crossing.
    first = pts[0]
    if pval(lc, x1, first + side * DELTA) > alpha:
        out, step = first + side, mpf(1)
        while pval(lc, x1, out) > alpha:
            step *= 2
            out += side * step
        return cross(lc, x1, alpha, out, first + side * DELTA)
    for s, e in zip(pts, pts[1:] + [None]):
        if pval(lc, x1, s - side * DELTA) > alpha:
            return s
        if e is None:
            return None
        if pval(lc, x1, e + side * DELTA) > alpha:
            return cross(lc, x1, alpha, s - side * DELTA, e + side * DELTA)
    return None


def bp(x1, n1, x2, n2, lev):
    m = x1 + x2
    lo, hi = max(0, m - n2), min(n1, m)
    if lo == hi:
        return mpf(0), mp.inf
    alpha = 1 - mpf(lev)
    lc = {k: logc(n1, n2, m, k) for k in range(lo, hi + 1)}
    brk = sorted({(log(TOL) + lc[x1] - lc[k]) / (k - x1) for k in lc if k != x1})
    # Dedupe breakpoints closer than the probe offset (ties by symmetry).
    pts = [brk[0]]
    for b in brk[1:]:
        if b - pts[-1] > 4 * DELTA:
            pts.append(b)
    L = end(lc, x1, alpha, pts, -1) if x1 > lo else None
    H = end(lc, x1, alpha, pts, +1) if x1 < hi else None
    return (exp(L) if L is not None else mpf(0)), (exp(H) if H is not None else mp.inf)


def main(d):
    rows = []
    tables = [l.split(",") for l in open(d + "/tables.csv").read().splitlines()[1:]]
    tables.append(["2", "14", "1", "11", "0.95"])
    for t in tables:
        x1, n1, x2, n2 = map(int, t[:4])
        m = x1 + x2
        if min(n1, m) - max(0, m - n2) > 60:
            continue
        L, H = bp(x1, n1, x2, n2, t[4])
        g = lambda v: "inf" if v == mp.inf else "%.17g" % float(v)
        rows.append("baptista-pike,%s,%s,%s,mpmath" % (",".join(t), g(L), g(H)))
    with open("fixtures/refs/odds.csv", "a") as fp:
        fp.write("\n".join(rows) + "\n")
    L, H = bp(2, 14, 1, 11, "0.95")
    print("odds: baptista-pike: %d tables at 40 digits; published (ORCI BPexact.CI) "
          "0.1127829, 53.0112493: ours %s, %s" % (len(rows), mp.nstr(L, 8), mp.nstr(H, 9)))


if __name__ == "__main__":
    main(sys.argv[1])
