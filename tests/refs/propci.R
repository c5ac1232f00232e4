# Rate intervals for every (x, n, level) in DIR/props.csv, from R 4.2
# (Debian r-base-core):
#   wilson   prop.test(x, n, conf.level, correct = FALSE)$conf.int, which is
#            the Wilson score interval;
#   jeffreys qbeta(alpha/2, x + 1/2, n - x + 1/2) and the upper quantile;
#   exact    qbeta(alpha/2, x, n - x + 1), qbeta(1 - alpha/2, x + 1, n - x)
#            (Clopper-Pearson; binom.test's conf.int is compared with it up to
#            n = 10^6).
#   wilson-cc prop.test(correct = TRUE) with the null put far from x/n (see
#            below): Newcombe's (1998) method 4; not cross-checked here.
# lo = 0 when x = 0 and hi = 1 when x = n, by definition.  R's qbeta
# (Majumder & Bhattacharjee AS 109 with Maechler's later safeguards, on
# TOMS 708 pbeta) and prop.test are independent of our C code; propci_check.py
# checks them against statsmodels, scipy (Boost) and mpmath.
# Usage: Rscript propci.R DIR   -> DIR/propci-R.csv
dir <- commandArgs(TRUE)[1]
g17 <- function(v) ifelse(is.nan(v), "nan", ifelse(is.infinite(v),
                   ifelse(v > 0, "inf", "-inf"), sprintf("%.17g", v)))
cases <- read.csv(file.path(dir, "props.csv"))
rows <- character(); worst <- 0
for (i in seq_len(nrow(cases))) {
  x <- as.numeric(cases$x[i]); n <- as.numeric(cases$n[i]); lev <- cases$level[i]; a <- (1 - lev) / 2
  w <- suppressWarnings(prop.test(x, n, conf.level = lev, correct = FALSE))$conf.int
  w <- c(if (x == 0) 0 else w[1], if (x == n) 1 else w[2])
  j <- c(if (x == 0) 0 else qbeta(a, x + 0.5, n - x + 0.5),
         if (x == n) 1 else qbeta(a, x + 0.5, n - x + 0.5, lower.tail = FALSE))
  e <- c(if (x == 0) 0 else qbeta(a, x, n - x + 1),
         if (x == n) 1 else qbeta(a, x + 1, n - x, lower.tail = FALSE))
  # Wilson with continuity correction: prop.test shrinks its Yates term to
  # |x - n p0| for the null p0, so p0 is put far from x/n to keep the full
  # 1/2; the interval is then Newcombe's (1998) method 4.
  p0 <- if (x == 0) 1 - 1e-12 else 1e-12
  wc <- suppressWarnings(prop.test(x, n, p = p0, conf.level = lev, correct = TRUE))$conf.int
  if (n <= 1e6) {     # binom.test's p-value step allocates 0:n
    b <- binom.test(x, n, conf.level = lev)$conf.int
    worst <- max(worst, abs(b - e) / pmax(e, 1e-300))
  }
  key <- paste(sprintf("%.0f", x), sprintf("%.0f", n), lev, sep = ",")
  rows <- c(rows,
            paste("wilson", key, g17(w[1]), g17(w[2]), "R prop.test", sep = ","),
            paste("jeffreys", key, g17(j[1]), g17(j[2]), "R qbeta", sep = ","),
            paste("exact", key, g17(e[1]), g17(e[2]), "R qbeta", sep = ","),
            paste("wilson-cc", key, g17(wc[1]), g17(wc[2]), "R prop.test", sep = ","))
}
writeLines(c("method,x,n,level,lo,hi,ref", rows), file.path(dir, "propci-R.csv"))
cat(sprintf("propci: %d cases; R binom.test conf.int vs qbeta: max relative difference %.3g",
                nrow(cases), worst), "\n", sep = "")
