# Person-time references from R 4.2 (and epitools) for the cases of
# tests/refs/pt_cases.py; pt_mp.py checks them at 50 digits where it can.
#   exact (rate)   qgamma as poisson.test(x, t, conf.level)$conf.int does
#                  (Garwood; checked against poisson.test on small cases)
#   midp  (rate)   the definition with ppois/dpois and uniroot (tol 1e-15
#                  relative): lo solves P(X > x) + P(x)/2 = alpha/2, hi
#                  P(X < x) + P(x)/2 = alpha/2; hi = -log(alpha)/t at x = 0
#   byar  (rate)   Breslow & Day's form, written here: x (1 - 1/(9x) -
#                  z/(3 sqrt x))^3 and (x+1)(...)^3 (epitools' pois.byar uses
#                  x + 1/2 for both; printed as a comparison only)
#   wald  (rate)   epitools pois.approx, lower bound clipped at 0
#   exact (ratio)  poisson.test(c(x1, x2), c(t1, t2))$conf.int and $p.value
#                  (binom.test allocates the support: above x1 + x2 = 10^4
#                  its qbeta bounds and its p-value rule by bisection)
#   midp  (ratio)  the binomial mid-p interval on x1 of x1 + x2 by uniroot,
#                  transformed; epitools rateratio.midp (uniroot, looser)
#                  printed as a comparison
#   wald  (ratio)  epitools rateratio.wald (tables with x1, x2 > 0)
#   midp, score (test)  2 min(P(X < x1) + P(x1)/2, ...) with pbinom, and
#                  pchisq of (x1 - m p0)^2/(m p0 q0)
# Usage: Rscript pt.R DIR -> DIR/ptrate-R.csv, DIR/ptratio-R.csv, DIR/pttest-R.csv
suppressMessages(library(epitools))
dir <- commandArgs(TRUE)[1]
g <- function(v) ifelse(is.infinite(v), "inf", sprintf("%.17g", v))
root <- function(f, lo, hi) uniroot(f, c(lo, hi), tol = 1e-15 * hi, maxiter = 10000)$root
midp_rate <- function(x, lev) {
  a <- (1 - lev) / 2
  hi <- if (x == 0) -log(1 - lev) else
    root(function(m) ppois(x - 1, m) + dpois(x, m) / 2 - a, x, x + 50 * sqrt(x) + 50)
  lo <- if (x == 0) 0 else
    root(function(m) ppois(x, m, lower.tail = FALSE) + dpois(x, m) / 2 - a,
         max(0, x - 50 * sqrt(x) - 50), x)
  c(lo, hi)
}
midp_prop <- function(x, n, lev) {   # binomial mid-p interval
  # solved for logit(p), so that a tolerance of 1e-13 is relative in p
  # and in 1 - p alike
  a <- (1 - lev) / 2
  r <- function(f) plogis(uniroot(function(u) f(plogis(u)), c(-740, 40),
                                  tol = 1e-13, maxiter = 10000)$root)
  lo <- if (x == 0) 0 else r(function(p) pbinom(x, n, p, lower.tail = FALSE) +
                              dbinom(x, n, p) / 2 - a)
  hi <- if (x == n) 1 else r(function(p) pbinom(x - 1, n, p) + dbinom(x, n, p) / 2 - a)
  c(lo, hi)
}
binom_exact_p <- function(x, n, p) {   # binom.test's rule without allocating
  d <- dbinom(x, n, p) * (1 + 1e-7); m <- n * p
  if (x == m) return(1)
  if (x < m) {
    a <- ceiling(m) - 1; b <- n + 1
    while (b - a > 1) { c <- floor((a + b) / 2); if (dbinom(c, n, p) <= d) b <- c else a <- c }
    min(1, pbinom(x, n, p) + pbinom(b - 1, n, p, lower.tail = FALSE))
  } else {
    a <- -1; b <- floor(m) + 1
    while (b - a > 1) { c <- floor((a + b) / 2); if (dbinom(c, n, p) <= d) a <- c else b <- c }
    min(1, pbinom(a, n, p) + pbinom(x - 1, n, p, lower.tail = FALSE))
  }
}

r <- read.csv(file.path(dir, "ptrate-cases.csv"), colClasses = "numeric")
out <- character(); wb <- 0
for (i in seq_len(nrow(r))) {
  x <- r$x[i]; t <- r$t[i]; lev <- r$level[i]; key <- paste(sprintf("%.0f", x), g(t), lev, sep = ",")
  # poisson.test's conf.int, without its p-value (which allocates the
  # support, 10^9 doubles at x = 0, t = 10^9)
  a <- (1 - lev) / 2
  ci <- c(if (x == 0) 0 else qgamma(a, x), qgamma(1 - a, x + 1)) / t
  if (x < 1e6 && t < 1e6) stopifnot(all.equal(ci, poisson.test(x, t, conf.level = lev)$conf.int,
                                   tolerance = 1e-15, check.attributes = FALSE))
  out <- c(out, paste("exact", key, g(ci[1]), g(ci[2]), "R qgamma", sep = ","))
  m <- midp_rate(x, lev) / t
  out <- c(out, paste("midp", key, g(m[1]), g(m[2]), "R ppois/uniroot", sep = ","))
  z <- qnorm((1 + lev) / 2); y <- x + 1
  lo <- if (x == 0) 0 else max(0, x * (1 - 1 / (9 * x) - z / (3 * sqrt(x)))^3) / t
  if (x > 0 && 1 - 1 / (9 * x) - z / (3 * sqrt(x)) <= 0) lo <- 0
  hi <- y * (1 - 1 / (9 * y) + z / (3 * sqrt(y)))^3 / t
  out <- c(out, paste("byar", key, g(lo), g(hi), "R formula", sep = ","))
  e <- pois.byar(x, t, lev); wb <- max(wb, abs(e$upper / hi - 1))
  w <- pois.approx(x, t, lev)
  out <- c(out, paste("wald", key, g(max(0, w$lower)), g(w$upper), "R epitools", sep = ","))
}
writeLines(c("method,x,t,level,lo,hi,ref", out), file.path(dir, "ptrate-R.csv"))
cat(sprintf("pt: byar: epitools' pois.byar (x + 1/2) differs from Breslow & Day's by up to %.3g\n", wb))

r <- read.csv(file.path(dir, "ptratio-cases.csv"), colClasses = "numeric")
out <- character(); tst <- character(); wm <- 0; wp <- 0; wrow <- ""
for (i in seq_len(nrow(r))) {
  x1 <- r$x1[i]; t1 <- r$t1[i]; x2 <- r$x2[i]; t2 <- r$t2[i]; lev <- r$level[i]
  key <- paste(sprintf("%.0f", x1), g(t1), sprintf("%.0f", x2), g(t2), sep = ",")
  n <- x1 + x2; p0 <- t1 / (t1 + t2)
  if (n == 0) {
    ci <- c(0, Inf); mi <- c(0, Inf); pe <- 1; pm <- 1; ps <- 1; ref <- "definition"
  } else {
    # Clopper-Pearson on x1 of n, each bound of the odds p/(1-p) formed
    # from two lower-tail qbeta calls (1 - qbeta(1-a, x1+1, x2) is
    # qbeta(a, x2, x1+1)) so neither loses digits to 1 - p; binom.test's
    # p-value rule by bisection, without its allocation of the support.
    a <- (1 - lev) / 2
    ci <- c(if (x1 == 0) 0 else qbeta(a, x1, x2 + 1) / qbeta(1 - a, x2 + 1, x1),
            if (x2 == 0) Inf else qbeta(1 - a, x1 + 1, x2) / qbeta(a, x2, x1 + 1)) * t2 / t1
    # The tests are symmetric in the two groups: refer the one with the
    # smaller share of exposure, so that R's 1 - p0 inside dbinom does not
    # lose digits when p0 is near 1.
    if (p0 > 0.5) { s1 <- x2; p0 <- t2 / (t1 + t2) } else s1 <- x1
    pe <- binom_exact_p(s1, n, p0); ref <- "R qbeta/pbinom"
    if (n <= 1e4) {   # poisson.test itself, where it runs quickly
      pt <- poisson.test(c(x1, x2), c(t1, t2), conf.level = lev)
      wp <- max(wp, abs(pt$conf.int / ci - 1), na.rm = TRUE)
      wp <- max(wp, abs(pt$p.value / pe - 1))
    }
    m1 <- midp_prop(x1, n, lev); m2 <- midp_prop(x2, n, lev)
    mi <- c(if (x1 == 0) 0 else m1[1] / m2[2], if (x2 == 0) Inf else m1[2] / m2[1]) * t2 / t1
    l <- pbinom(s1 - 1, n, p0) + dbinom(s1, n, p0) / 2
    u <- pbinom(s1, n, p0, lower.tail = FALSE) + dbinom(s1, n, p0) / 2
    pm <- min(1, 2 * min(l, u))
    ps <- pchisq((s1 - n * p0)^2 / (n * p0 * (1 - p0)), 1, lower.tail = FALSE)
    if (n <= 1e3) {
      e <- rateratio.midp(c(x2, x1, t2, t1), conf.level = lev)$measure[2, 2:3]
      if (all(is.finite(e)) && all(e > 0) && max(abs(e / mi - 1)) > wm) {
        wm <- max(abs(e / mi - 1)); wrow <- key
      }
    }
  }
  out <- c(out, paste("exact", key, lev, g(ci[1]), g(ci[2]), ref, sep = ","))
  out <- c(out, paste("midp", key, lev, g(mi[1]), g(mi[2]), "R pbinom/uniroot", sep = ","))
  if (x1 > 0 && x2 > 0) {
    w <- rateratio.wald(c(x2, x1, t2, t1), conf.level = lev)$measure[2, 2:3]
    out <- c(out, paste("wald", key, lev, g(w[1]), g(w[2]), "R epitools", sep = ","))
  } else {
    out <- c(out, paste("wald", key, lev, "0", "inf", "definition", sep = ","))
  }
  tst <- c(tst, paste("exact", key, g(pe), ref, sep = ","),
           paste("midp", key, g(pm), "R pbinom", sep = ","),
           paste("score", key, g(ps), "R pchisq", sep = ","))
}
writeLines(c("method,x1,t1,x2,t2,level,lo,hi,ref", out), file.path(dir, "ptratio-R.csv"))
writeLines(c("method,x1,t1,x2,t2,p,ref", unique(tst)), file.path(dir, "pttest-R.csv"))
cat(sprintf("pt: ratio exact: poisson.test vs qbeta form max relative difference %.3g\n", wp))
cat(sprintf("pt: ratio midp: epitools rateratio.midp vs ours-in-R max relative difference %.3g (%s)\n", wm, wrow))
