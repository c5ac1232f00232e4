# One-sided references from R 4.2 (issue 17) for the cases drawn here:
#   fisher      fisher.test(alternative)$p.value, the table
#               [[x1, n1-x1], [x2, n2-x2]] ("greater": odds ratio > 1)
#   chi2        prop.test(c(x1, x2), c(n1, n2), correct = FALSE, alternative)
#   chi2-yates  the same with correct = TRUE
#   exact (pt)  poisson.test(c(x1, x2), c(t1, t2), alternative)$p.value
# Usage: Rscript alt.R DIR -> DIR/alt-test2x2-R.csv, DIR/alt-pttest-R.csv,
# and the cases DIR/alt-tables.csv, DIR/alt-pt.csv for alt.py.
dir <- commandArgs(TRUE)[1]
g <- function(v) ifelse(is.infinite(v), "inf", sprintf("%.17g", v))
set.seed(20261201)
alts <- c("greater", "less")

# 2x2 tables: edge cases, then random ones (totals 1 to 5000 on a log
# scale, some near the null).
edge <- rbind(c(0, 10, 0, 12), c(10, 10, 12, 12), c(0, 1, 1, 1), c(1, 1, 0, 1),
              c(5, 10, 5, 10), c(0, 20, 7, 20), c(20, 20, 3, 20), c(1, 1, 1, 2),
              c(9, 10, 2, 10), c(2, 10, 9, 10), c(3, 4, 1, 4), c(7, 12, 8, 15),
              c(0, 5, 0, 7), c(5, 5, 7, 7), c(189, 11034, 104, 11037),
              c(1, 3000, 0, 2000), c(0, 1, 0, 1), c(1, 1, 1, 1))
rnd <- t(replicate(120, {
  n1 <- round(exp(runif(1, 0, log(5000)))); n2 <- round(exp(runif(1, 0, log(5000))))
  x1 <- sample(0:n1, 1)
  x2 <- if (runif(1) < 0.5) sample(0:n2, 1) else
    min(n2, max(0, round(x1 * n2 / n1 + rnorm(1, 0, 2 * sqrt(x1 + 1)))))
  c(x1, n1, x2, n2)
}))
tab <- rbind(edge, rnd)
write.csv(data.frame(x1 = sprintf("%d", tab[, 1]), n1 = sprintf("%d", tab[, 2]),
                     x2 = sprintf("%d", tab[, 3]), n2 = sprintf("%d", tab[, 4])),
          file.path(dir, "alt-tables.csv"), row.names = FALSE, quote = FALSE)
out <- character()
for (i in seq_len(nrow(tab))) {
  x1 <- tab[i, 1]; n1 <- tab[i, 2]; x2 <- tab[i, 3]; n2 <- tab[i, 4]
  m <- matrix(c(x1, n1 - x1, x2, n2 - x2), 2, byrow = TRUE)
  margin <- x1 + x2 == 0 || x1 + x2 == n1 + n2
  for (a in alts) {
    out <- c(out, sprintf("fisher,%s,%d,%d,%d,%d,%s,R fisher.test", a, x1, n1, x2, n2,
                          g(fisher.test(m, alternative = a)$p.value)))
    if (margin)
      next   # the statistic is undefined (R: NaN)
    for (cc in c(FALSE, TRUE))
      out <- c(out, sprintf("%s,%s,%d,%d,%d,%d,%s,R prop.test",
                            if (cc) "chi2-yates" else "chi2", a, x1, n1, x2, n2,
                            g(suppressWarnings(prop.test(c(x1, x2), c(n1, n2),
                                correct = cc, alternative = a)$p.value))))
  }
}
writeLines(c("method,alternative,x1,n1,x2,n2,p,ref", out), file.path(dir, "alt-test2x2-R.csv"))

# Person-time: events 0 to 2000, exposures 0.01 to 10^5 on a log scale.
pe <- rbind(c(0, 1, 0, 2), c(0, 2.5, 4, 1), c(4, 1, 0, 2.5), c(1, 1, 1, 1),
            c(10, 100, 10, 100), c(3, 0.5, 17, 12.25))
pr <- t(replicate(80, {
  x1 <- round(exp(runif(1, 0, log(2000)))) - 1; x2 <- round(exp(runif(1, 0, log(2000)))) - 1
  c(x1, exp(runif(1, log(0.01), log(1e5))), x2, exp(runif(1, log(0.01), log(1e5))))
}))
pn <- t(replicate(40, {   # near the null: x1/t1 close to x2/t2
  t1 <- exp(runif(1, log(1), log(1e4))); t2 <- exp(runif(1, log(1), log(1e4)))
  x2 <- sample(1:1500, 1)
  c(max(0, round(x2 * t1 / t2 + rnorm(1, 0, sqrt(x2 * t1 / t2 + 1)))), t1, x2, t2)
}))
pt <- rbind(pe, pr, pn)
write.csv(data.frame(x1 = sprintf("%d", pt[, 1]), t1 = g(pt[, 2]), x2 = sprintf("%d", pt[, 3]),
                     t2 = g(pt[, 4])),
          file.path(dir, "alt-pt.csv"), row.names = FALSE, quote = FALSE)
out <- character()
for (i in seq_len(nrow(pt))) {
  x1 <- pt[i, 1]; t1 <- as.numeric(g(pt[i, 2])); x2 <- pt[i, 3]; t2 <- as.numeric(g(pt[i, 4]))
  for (a in alts)
    out <- c(out, sprintf("exact,%s,%d,%s,%d,%s,%s,R poisson.test", a, x1, g(t1), x2, g(t2),
                          g(poisson.test(c(x1, x2), c(t1, t2), alternative = a)$p.value)))
}
writeLines(c("method,alternative,x1,t1,x2,t2,p,ref", out), file.path(dir, "alt-pttest-R.csv"))

# ---- one-sided intervals: greater gives (lo, limit), less (limit, hi) ----
#   wilson, wilson-cc  prop.test(x, n, alternative, correct)$conf.int, the
#                      null put far from x/n (so that R's Yates term is 1/2)
#   exact, blaker      binom.test(x, n, alternative)$conf.int (Clopper-Pearson:
#                      blaker's one-sided bound, as exactci gives for any tsmethod)
#   jeffreys           qbeta(1 - L, x + 1/2, n - x + 1/2) (0 at x = 0), or
#                      qbeta(L, ...) (1 at x = n)
#   odds exact, baptista-pike  fisher.test(alternative, conf.level)$conf.int
#   pt exact, minlike, blaker  poisson.test(x, t, alternative)$conf.int; and
#                      the ratio's, poisson.test(c(x1, x2), c(t1, t2), ...)
# -> DIR/alt-propci-R.csv, alt-odds-R.csv, alt-ptrate-R.csv, alt-ptratio-R.csv,
# and the cases DIR/alt-props.csv.
levels <- c(0.95, 0.9, 0.99, 0.6, 0.999)
pedge <- rbind(c(0, 1), c(1, 1), c(0, 10), c(10, 10), c(1, 10), c(9, 10), c(5, 10),
               c(0, 1000), c(1000, 1000), c(3, 100000), c(294, 539))
prnd <- t(replicate(120, {
  n <- round(exp(runif(1, 0, log(1e6)))); c(sample(0:n, 1), n)
}))
props <- rbind(pedge, prnd)
plev <- c(rep(0.95, nrow(pedge)), sample(levels, nrow(prnd), replace = TRUE))
write.csv(data.frame(x = sprintf("%d", props[, 1]), n = sprintf("%d", props[, 2]), level = plev),
          file.path(dir, "alt-props.csv"), row.names = FALSE, quote = FALSE)
out <- character()
row <- function(m, a, x, n, L, ci, ref)
  sprintf("%s,%s,%d,%d,%s,%s,%s,%s", m, a, x, n, L, g(ci[1]), g(ci[2]), ref)
for (i in seq_len(nrow(props))) {
  x <- props[i, 1]; n <- props[i, 2]; L <- plev[i]
  far <- if (x / n < 0.5) 1 - 1e-9 else 1e-9
  for (a in alts) {
    for (cc in c(FALSE, TRUE))
      out <- c(out, row(if (cc) "wilson-cc" else "wilson", a, x, n, L,
                        suppressWarnings(prop.test(x, n, p = far, alternative = a,
                                                   conf.level = L, correct = cc)$conf.int),
                        "R prop.test"))
    cp <- binom.test(x, n, alternative = a, conf.level = L)$conf.int
    out <- c(out, row("exact", a, x, n, L, cp, "R binom.test"),
             row("blaker", a, x, n, L, cp, "R binom.test"))
    j <- if (a == "greater") c(if (x == 0) 0 else qbeta(1 - L, x + 0.5, n - x + 0.5), 1) else
      c(0, if (x == n) 1 else qbeta(L, x + 0.5, n - x + 0.5))
    out <- c(out, row("jeffreys", a, x, n, L, j, "R qbeta"))
  }
}
writeLines(c("method,alternative,x,n,level,lo,hi,ref", out), file.path(dir, "alt-propci-R.csv"))

out <- character()
for (i in seq_len(nrow(tab))) {
  x1 <- tab[i, 1]; n1 <- tab[i, 2]; x2 <- tab[i, 3]; n2 <- tab[i, 4]
  if (x1 + x2 == 0 || x1 + x2 == n1 + n2 || n1 + n2 > 6000)
    next   # a zero margin; and fisher.test's conf.int slow beyond
  m <- matrix(c(x1, n1 - x1, x2, n2 - x2), 2, byrow = TRUE)
  L <- if (i %% 3 == 0) 0.9 else 0.95
  for (a in alts) {
    ci <- fisher.test(m, alternative = a, conf.level = L)$conf.int
    for (meth in c("exact", "baptista-pike"))
      out <- c(out, sprintf("%s,%s,%d,%d,%d,%d,%s,%s,%s,R fisher.test", meth, a, x1, n1, x2, n2,
                            L, g(ci[1]), g(ci[2])))
  }
}
writeLines(c("method,alternative,x1,n1,x2,n2,level,lo,hi,ref", out), file.path(dir, "alt-odds-R.csv"))

out <- character(); out2 <- character()
for (i in seq_len(nrow(pt))) {
  x1 <- pt[i, 1]; t1 <- as.numeric(g(pt[i, 2])); x2 <- pt[i, 3]; t2 <- as.numeric(g(pt[i, 4]))
  L <- if (i %% 3 == 0) 0.9 else 0.95
  for (a in alts) {
    ci <- poisson.test(x1, t1, alternative = a, conf.level = L)$conf.int
    for (meth in c("exact", "minlike", "blaker"))
      out <- c(out, sprintf("%s,%s,%d,%s,%s,%s,%s,R poisson.test", meth, a, x1, g(t1), L,
                            g(ci[1]), g(ci[2])))
    if (x1 + x2 == 0)
      next
    ci <- poisson.test(c(x1, x2), c(t1, t2), alternative = a, conf.level = L)$conf.int
    for (meth in c("exact", "minlike", "blaker"))
      out2 <- c(out2, sprintf("%s,%s,%d,%s,%d,%s,%s,%s,%s,R poisson.test", meth, a, x1, g(t1),
                              x2, g(t2), L, g(ci[1]), g(ci[2])))
  }
}
writeLines(c("method,alternative,x,t,level,lo,hi,ref", out), file.path(dir, "alt-ptrate-R.csv"))
writeLines(c("method,alternative,x1,t1,x2,t2,level,lo,hi,ref", out2),
           file.path(dir, "alt-ptratio-R.csv"))
