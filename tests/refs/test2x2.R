# Two-sided p-values from R 4.2 for the 2x2 tables [[x1, n1-x1], [x2, n2-x2]]
# of DIR/tables.csv (each table once).
#   fisher  fisher.test(...)$p.value: the minimum-likelihood two-sided p, the
#           tables with the observed margins whose probability is at most the
#           observed one's times 1 + 1e-7.  fisher.test allocates the whole
#           support, so above a total of 10^6 the same definition is applied
#           here with R's dhyper (Loader's saddle point) to find the cut on
#           each side of the mode by bisection and phyper for the two tails.
#   chi2    chisq.test(..., correct = FALSE)$p.value, Pearson's X^2 without
#           continuity correction; skipped when a column margin is 0.
#   fisher-midp  epitools' ormidp.test(...)$two.sided: twice the smaller
#           one-sided mid-p, P(X < x1) + P(X = x1)/2 or its complement;
#           above a total of 10^6 the same from phyper and dhyper.
#   score   Koopman's score statistic at ratio 1 is Pearson's X^2, so
#           chisq.test's p; 1 at a zero margin (the definition: 0/0, and
#           the score interval is then (0, inf)).
# test2x2_mp.py checks every value against the definitions at 50 digits.
# Usage: Rscript test2x2.R DIR   -> DIR/test2x2-R.csv
dir <- commandArgs(TRUE)[1]
g17 <- function(v) ifelse(is.nan(v), "nan", ifelse(is.infinite(v),
                   ifelse(v > 0, "inf", "-inf"), sprintf("%.17g", v)))
t <- read.csv(file.path(dir, "tables.csv"), colClasses = "numeric")
t <- unique(t[, c("x1", "n1", "x2", "n2")])

fisher_big <- function(x1, n1, x2, n2) {
  m <- x1 + x2; lo <- max(0, m - n2); hi <- min(n1, m)
  d <- function(k) dhyper(k, n1, n2, m, log = TRUE)
  cut <- d(x1) + log1p(1e-7)
  mode <- floor((m + 1) * (n1 + 1) / (n1 + n2 + 2))
  if (d(mode) <= cut) return(1)
  a <- lo - 1; b <- mode           # left cut: d(a) <= cut < d(b)
  while (b - a > 1) { c <- floor((a + b) / 2); if (d(c) <= cut) a <- c else b <- c }
  left <- a
  a <- mode; b <- hi + 1           # right cut: d(a) > cut >= d(b)
  while (b - a > 1) { c <- floor((a + b) / 2); if (d(c) <= cut) b <- c else a <- c }
  (if (left >= lo) phyper(left, n1, n2, m) else 0) +
    (if (b <= hi) phyper(b - 1, n1, n2, m, lower.tail = FALSE) else 0)
}

rows <- character()
for (i in seq_len(nrow(t))) {
  x1 <- t$x1[i]; n1 <- t$n1[i]; x2 <- t$x2[i]; n2 <- t$n2[i]
  key <- paste(sprintf("%.0f", c(x1, n1, x2, n2)), collapse = ",")
  tab <- matrix(c(x1, x2, n1 - x1, n2 - x2), 2)
  if (n1 + n2 <= 1e6) {
    p <- fisher.test(tab)$p.value; ref <- "R fisher.test"
  } else {
    p <- min(1, fisher_big(x1, n1, x2, n2)); ref <- "R dhyper/phyper"
  }
  rows <- c(rows, paste("fisher", key, g17(p), ref, sep = ","))
  if (n1 + n2 <= 1e6) {
    p <- epitools::ormidp.test(x1, n1 - x1, x2, n2 - x2)$two.sided
    ref <- "R epitools"
  } else {
    m <- x1 + x2
    l <- phyper(x1 - 1, n1, n2, m) + dhyper(x1, n1, n2, m) / 2
    p <- 2 * min(l, 1 - l); ref <- "R phyper"
  }
  rows <- c(rows, paste("fisher-midp", key, g17(min(1, p)), ref, sep = ","))
  if (x1 + x2 > 0 && x1 + x2 < n1 + n2) {
    p <- suppressWarnings(chisq.test(tab, correct = FALSE))$p.value
    rows <- c(rows, paste("chi2", key, g17(p), "R chisq.test", sep = ","))
    rows <- c(rows, paste("score", key, g17(p), "R chisq.test", sep = ","))
  } else {
    rows <- c(rows, paste("score", key, "1", "definition", sep = ","))
  }
}
writeLines(c("method,x1,n1,x2,n2,p,ref", rows), file.path(dir, "test2x2-R.csv"))
cat(sprintf("test2x2: %d tables", nrow(t)), "\n", sep = "")
