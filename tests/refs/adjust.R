# Multiple-comparison adjustments -> fixtures/refs/adjust.csv, from R's
# p.adjust (stats 4.2), the definition the methods follow.  Families of
# 1 to 45 p-values: uniform, tiny (down to 1e-300), many ties, exact 0 and
# 1, all equal, and sorted runs; the same families for every method.
# Layout: method,family,p,p_adj,ref (a family's rows are consecutive; the
# test adjusts each family and compares every value).
# Usage: Rscript adjust.R  (from the repository root)
set.seed(20261201)
fam <- list()
for (i in 1:150) {
  n <- sample(c(1:10, 20, 30, 45), 1)
  kind <- i %% 6
  p <- switch(kind + 1,
    runif(n),
    10^-runif(n, 0, 300),
    sample(c(0.01, 0.02, 0.04, 0.05, 1), n, TRUE),
    round(runif(n), 2),
    rep(runif(1), n),
    sort(c(runif(n - 1), if (n > 1) 1 else numeric(0)))[seq_len(n)])
  if (i %% 17 == 0) p[1] <- 0
  if (i %% 13 == 0) p[n] <- 1
  fam[[i]] <- p
}
fam[[151]] <- c(0.01, 0.02, 0.03, 0.04, 0.05)        # a textbook ladder
fam[[152]] <- c(0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205)
methods <- c(holm = "holm", bonferroni = "bonferroni", hochberg = "hochberg",
             hommel = "hommel", bh = "BH", by = "BY")
out <- file("fixtures/refs/adjust.csv", "w")
writeLines("method,family,p,p_adj,ref", out)
for (m in names(methods))
  for (i in seq_along(fam)) {
    q <- p.adjust(fam[[i]], methods[[m]])
    writeLines(sprintf("%s,%d,%.17g,%.17g,R p.adjust", m, i, fam[[i]], q), out)
  }
close(out)
