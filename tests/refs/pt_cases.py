"""The person-time cases, drawn once with a fixed seed: DIR/ptrate-cases.csv
(x, t, level) and DIR/ptratio-cases.csv (x1, t1, x2, t2, level).  Counts are
integers up to 10^9 (log scale, with 0, 1, 2, 3 and huge ones); exposures
are reals from 0.37 to 10^9 with fractional parts, written with %.17g so
that every reader gets the same double.
Usage: python3 pt_cases.py DIR"""
import random
import sys

rnd = random.Random(20261125)
levels = [0.95] * 6 + [0.9, 0.99, 0.999, 0.5]
lognum = lambda top: int(10 ** rnd.uniform(0, top))
expo = lambda: float("%.17g" % (0.37 * 10 ** rnd.uniform(0, 9.4)))
small = [0, 1, 2, 3, 5, 10]
d = sys.argv[1]
with open(d + "/ptrate-cases.csv", "w") as f:
    f.write("x,t,level\n")
    for i in range(700):
        x = rnd.choice(small) if i % 4 == 0 else lognum(9)
        f.write("%d,%.17g,%s\n" % (x, expo(), rnd.choice(levels)))
    for x in (0, 1, 10, 1000, 10 ** 6, 10 ** 9):
        for lev in (0.95, 0.5, 0.999):
            f.write("%d,%.17g,%s\n" % (x, 1.0, lev))
    f.write("41,28010,0.95\n15,19017,0.95\n")
with open(d + "/ptratio-cases.csv", "w") as f:
    f.write("x1,t1,x2,t2,level\n")
    for i in range(700):
        x1 = rnd.choice(small) if i % 5 == 0 else lognum(9 if i % 3 else 4)
        x2 = rnd.choice(small) if i % 5 == 1 else lognum(9 if i % 3 else 4)
        t1, t2 = expo(), expo()
        if i % 3 == 0:                  # near the null: rates alike
            t2 = float("%.17g" % (t1 * (x2 + 0.5) / (x1 + 0.5) * rnd.uniform(0.8, 1.25)))
        f.write("%d,%.17g,%d,%.17g,%s\n" % (x1, t1, x2, t2, rnd.choice(levels)))
    for a, b in ((0, 0), (0, 5), (5, 0), (1, 1), (10 ** 9, 10 ** 9), (10 ** 9, 1), (1, 10 ** 9)):
        f.write("%d,1.5,%d,2.5,0.95\n" % (a, b))
    f.write("41,28010,15,19017,0.95\n")
