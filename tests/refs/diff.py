"""Rate-difference intervals (x1/n1 - x2/n2) for the tables of DIR/tables.csv,
-> fixtures/refs/diff.csv.

newcombe: Newcombe (1998) method 10: d - sqrt((p1 - l1)^2 + (u2 - p2)^2),
  d + sqrt((u1 - p1)^2 + (p2 - l2)^2), (l, u) Wilson limits.
agresti-caffo: the Wald interval after adding one event and one non-event
  to each group (Agresti & Caffo 2000).
wald: d -/+ z sqrt(p1 q1/n1 + p2 q2/n2).
All three are clipped to [-1, 1].  Each is computed from its definition at
50 digits (mpmath) and by statsmodels' confint_proportions_2indep(compare=
'diff', method='newcomb' | 'agresti-caffo' | 'wald'); statsmodels' value
is stored unless it is more than 1e-12 off relative, then mpmath's: it
loses digits where a bound is small (1 - l for a Wilson limit near 1).
Usage: python3 diff.py DIR"""
import sys
import warnings

from mpmath import mp, mpf, sqrt, erfinv
from statsmodels.stats.proportion import confint_proportions_2indep

mp.dps = 50
TOL = 1e-12


def dev(a, b):
    a, b = float(a), float(b)
    return 0.0 if a == b else abs(a - b) / max(abs(b), 1e-300)


def clip(v):
    return min(mpf(1), max(mpf(-1), v))


def wilson(x, n, z):
    x, n = mpf(x), mpf(n)
    c = (x + z * z / 2) / (n + z * z)
    h = z * sqrt(x * (n - x) / n + z * z / 4) / (n + z * z)
    return (0 if x == 0 else c - h), (1 if x == n else c + h)


def newcombe(x1, n1, x2, n2, z):
    l1, u1 = wilson(x1, n1, z)
    l2, u2 = wilson(x2, n2, z)
    p1, p2 = mpf(x1) / n1, mpf(x2) / n2
    d = p1 - p2
    return (clip(d - sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)),
            clip(d + sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)))


def wald(x1, n1, x2, n2, z, a=0):
    m1, m2 = mpf(n1) + 2 * a, mpf(n2) + 2 * a
    p1, p2 = (x1 + a) / m1, (x2 + a) / m2
    w = z * sqrt(p1 * (1 - p1) / m1 + p2 * (1 - p2) / m2)
    return clip(p1 - p2 - w), clip(p1 - p2 + w)


METHODS = [("newcombe", "newcomb", lambda t, z: newcombe(*t, z)),
           ("agresti-caffo", "agresti-caffo", lambda t, z: wald(*t, z, 1)),
           ("wald", "wald", lambda t, z: wald(*t, z))]


def main(d):
    lines = open(d + "/tables.csv").read().splitlines()[1:]
    out, worst, stored_mp = ["method,x1,n1,x2,n2,level,lo,hi,ref"], {}, {}
    for l in lines:
        f = l.split(",")
        t = tuple(map(int, f[:4]))
        z = sqrt(2) * erfinv(mpf(f[4]))
        for name, smname, fn in METHODS:
            lo, hi = fn(t, z)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    s = confint_proportions_2indep(t[0], t[1], t[2], t[3],
                                                   method=smname, compare="diff",
                                                   alpha=1 - float(f[4]))
                    s = [min(1.0, max(-1.0, float(v))) for v in s]
                except Exception:
                    s = [float("nan")] * 2
            e = max(dev(s[0], lo), dev(s[1], hi))
            e = float("inf") if e != e else e
            if e > worst.get(name, (-1,))[0]:
                worst[name] = (e, l)
            if e > TOL:
                stored_mp[name] = stored_mp.get(name, 0) + 1
                vals, ref = ("%.17g" % lo, "%.17g" % hi), "mpmath"
            else:
                vals, ref = ("%.17g" % s[0], "%.17g" % s[1]), "statsmodels"
            vals = tuple("0" if v in ("-0", "0") else v for v in vals)
            out.append("%s,%s,%s,%s,%s" % (name, l, vals[0], vals[1], ref))
    with open("fixtures/refs/diff.csv", "w") as fp:
        fp.write("\n".join(out) + "\n")
    for name, _, _ in METHODS:
        e, l = worst[name]
        print("diff: %-13s statsmodels vs mpmath max difference %.3g (%s); %d of %d "
              "rows stored from mpmath" % (name, e, l, stored_mp.get(name, 0), len(lines)))
    z = sqrt(2) * erfinv(mpf("0.95"))
    for t, pub in (((56, 70, 48, 80), "(0.0524, 0.3339)"), ((9, 10, 3, 10), "(0.1705, 0.8090)")):
        lo, hi = newcombe(*t, z)
        print("diff: published: Newcombe 1998 %s: %s, ours (%s, %s)"
              % (t, pub, mp.nstr(lo, 4), mp.nstr(hi, 4)))


main(sys.argv[1])
