"""Skewness-corrected asymptotic score (SCAS) intervals for the ratio of two
proportions (Laud 2017; Gart & Nam 1988) at 50 digits, appended to
fixtures/refs/ratio.csv.

No Debian package implements SCAS (R's ratesci is not packaged), so the
interval is computed here from its definition, Laud (2017) eq. 3: the ends
are the phi where
    S / V^(1/2) - (z^2 - 1) mu3 / (6 V^(3/2)) = +z (lower), -z (upper),
with S = x1/n1 - phi x2/n2, and V and mu3 the variance (times N/(N-1)) and
third central moment of S at the table fitted under p1 = phi p2:
    V = (p1 q1/n1 + phi^2 p2 q2/n2) N/(N-1),
    mu3 = p1 q1 (q1 - p1)/n1^2 - phi^3 p2 q2 (q2 - p2)/n2^2,
where p2 is the smaller root of N phi p^2 - (n1 phi + x1 + n2 + x2 phi) p
+ x1 + x2 = 0 and p1 = phi p2.  Where a fitted p nears 0 or 1 in a small
group the skewness term can swing the corrected score back and forth, so
{phi : |score| <= z} need not be an interval: as disp-rate documents, the
interval is its hull (see hull() for the search, independent of ours).
Zero cells as for mn: x1 = 0 -> lower 0; x2 = 0 -> upper inf; no events
-> (0, inf).  With all events in both groups the fitted variance is 0 at
phi = 1 and the correction has no limit there; disp-rate documents MN's
interval for that table, and it is left out here.
Published check: the ratesci vignette "Basic contrasts" prints, for
scasci(5, 56, 0, 29, contrast = "RR"), the interval 0.77 to Inf.
Usage: python3 scas.py DIR"""
import sys

from mpmath import mp, mpf, sqrt, log, exp, erfinv, inf

mp.dps = 50


def g(x1, n1, x2, n2, phi, z):
    N = n1 + n2
    A, B, C = N * phi, n1 * phi + x1 + n2 + x2 * phi, x1 + x2
    p2 = 2 * C / (B + sqrt(B * B - 4 * A * C)) if C else mpf(0)
    p1 = phi * p2
    q1, q2 = 1 - p1, 1 - p2
    s = mpf(x1) / n1 - phi * mpf(x2) / n2
    v = (p1 * q1 / n1 + phi ** 2 * p2 * q2 / n2) * N / (N - 1)
    mu3 = p1 * q1 * (q1 - p1) / n1 ** 2 - phi ** 3 * p2 * q2 * (q2 - p2) / n2 ** 2
    return s / sqrt(v) - (z * z - 1) * mu3 / (6 * v * sqrt(v))


def hull(x1, n1, x2, n2, z):
    """The hull of {phi : |g(phi)| <= z}: a grid in u = log(phi) out from
    Gart's estimate, steps from 1/1000 growing by 3% to 150 on each side;
    the outermost accepted grid point on each side and the next one out
    bracket an end, refined by bisection to 1e-40.  None where nothing on
    the grid is accepted; 0 or inf when the grid's end is accepted."""
    acc = lambda u: abs(g(x1, n1, x2, n2, exp(u), z)) <= z
    h = mpf(1) / 2
    u0 = log(((x1 + h) / (n1 + h)) / ((x2 + h) / (n2 + h)))
    grid, step, u = [u0], mpf(1) / 1000, mpf(0)
    while u < 150:
        u += step
        step *= mpf(103) / 100
        grid = [u0 - u] + grid + [u0 + u]
    ok = [acc(v) for v in grid]
    if not any(ok):
        return None
    i = ok.index(True)
    j = len(ok) - 1 - ok[::-1].index(True)

    def bisect(a, b):                  # a accepted, b not
        while abs(b - a) > mpf(10) ** -40:
            c = (a + b) / 2
            if acc(c):
                a = c
            else:
                b = c
        return exp((a + b) / 2)
    lo = mpf(0) if i == 0 else bisect(grid[i], grid[i - 1])
    hi = inf if j == len(grid) - 1 else bisect(grid[j], grid[j + 1])
    return lo, hi


def scas(x1, n1, x2, n2, level):
    z = sqrt(2) * erfinv(mpf(level))
    r = hull(x1, n1, x2, n2, z)
    if r is None:
        return None, None
    lo, hi = r
    return (mpf(0) if x1 == 0 else lo), (inf if x2 == 0 else hi)


def main(d):
    rows = []
    tables = [l.split(",") for l in open(d + "/tables.csv").read().splitlines()[1:]]
    for t in tables:
        x1, n1, x2, n2 = map(int, t[:4])
        if (x1 == 0 and x2 == 0) or (x1 == n1 and x2 == n2):
            continue
        lo, hi = scas(x1, n1, x2, n2, t[4])
        if lo is None or hi is None:
            print("scas: no end found for", t, file=sys.stderr)
            continue
        f = lambda v: "inf" if v == inf else "%.17g" % float(v)
        rows.append("scas,%s,%s,%s,mpmath" % (",".join(t), f(lo), f(hi)))
    with open("fixtures/refs/ratio.csv", "a") as fp:
        fp.write("\n".join(rows) + "\n")
    lo, hi = scas(5, 56, 0, 29, "0.95")
    print("ratio: scas: %d tables at 50 digits; published (ratesci vignette) 0.77, Inf: "
          "ours %s, %s" % (len(rows), mp.nstr(lo, 6), hi))


if __name__ == "__main__":
    main(sys.argv[1])
