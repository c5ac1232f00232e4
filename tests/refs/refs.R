# Reference values from R 4.2 (Debian r-base-core) for the rate intervals,
# the Katz ratio interval and the two tests.  R's qbeta and phyper/dhyper
# are TOMS 708 and Loader's algorithms, independent of our C code.
# Writes fixtures/refs/propci.csv, ratio-katz.csv (appended to ratio.csv
# by generate) and test2x2.csv.  Deterministic (set.seed).
options(digits = 17)
g17 <- function(v) ifelse(is.infinite(v), ifelse(v > 0, "inf", "-inf"),
                   ifelse(is.nan(v), "nan", sprintf("%.17g", v)))
set.seed(20261124)
rcount <- function(k, top = 9) floor(10^runif(k, 0, top))
rx <- function(n) floor(runif(length(n)) * (n + 1))

## Proportions: random (x, n) on a log scale, plus edges.
n <- c(rcount(700), 1, 1, 2, 10, rep(1e9, 8), 263, 1000, 1000)
x <- c(rx(n[1:700]), 0, 1, 1, 0, 0, 1, 2, 10, 1000, 5e8, 1e9 - 1, 1e9, 81, 0, 1000)
skew <- sample(700, 150)                 # near the edges: x small or near n
x[skew] <- pmin(n[skew], floor(runif(150) * 4))
x[skew[1:60]] <- n[skew[1:60]] - x[skew[1:60]]
lev <- sample(c(0.95, 0.95, 0.95, 0.9, 0.99, 0.999, 0.5), length(n), TRUE)
rows <- character()
for (i in seq_along(n)) {
  a <- (1 - lev[i]) / 2; xi <- x[i]; ni <- n[i]
  w <- prop.test(xi, ni, conf.level = lev[i], correct = FALSE)$conf.int
  if (xi == 0) w[1] <- 0
  if (xi == ni) w[2] <- 1
  jl <- if (xi == 0) 0 else qbeta(a, xi + 0.5, ni - xi + 0.5)
  jh <- if (xi == ni) 1 else qbeta(a, xi + 0.5, ni - xi + 0.5, lower.tail = FALSE)
  el <- if (xi == 0) 0 else qbeta(a, xi, ni - xi + 1)
  eh <- if (xi == ni) 1 else qbeta(a, xi + 1, ni - xi, lower.tail = FALSE)
  # Wilson with continuity correction: prop.test shrinks its Yates term to
  # |x - n p0| for the null p0, so p0 is put far from x/n to keep the full
  # 1/2; the interval is then Newcombe's (1998) method 4.
  p0 <- if (xi == 0) 1 - 1e-12 else 1e-12
  wc <- prop.test(xi, ni, p = p0, conf.level = lev[i], correct = TRUE)$conf.int
  tag <- c("R prop.test", "R qbeta", "R qbeta", "R prop.test")
  m <- rbind(w, c(jl, jh), c(el, eh), wc)
  for (k in 1:4)
    rows <- c(rows, paste(c("wilson", "jeffreys", "exact", "wilson-cc")[k], xi, ni, lev[i],
                          g17(m[k, 1]), g17(m[k, 2]), tag[k], sep = ","))
}
writeLines(c("method,x,n,level,lo,hi,ref", rows), "fixtures/refs/propci.csv")
write.csv(data.frame(x, n, lev), "fixtures/refs/props.part", row.names = FALSE, quote = FALSE)

## Two-group tables: random, unbalanced, edges, and the published ones.
tables <- function(k) {
  n1 <- rcount(k); n2 <- rcount(k)
  x1 <- rx(n1); x2 <- rx(n2)
  z <- sample(k, k %/% 8)                 # small counts and zero cells
  x1[z] <- pmin(n1[z], floor(runif(length(z)) * 3))
  data.frame(x1, n1, x2, n2)
}
pub <- data.frame(x1 = c(189, 11982, 4657, 2117, 814, 3, 5, 0, 7, 1),
                  n1 = c(11034, 54532, 28768, 10365, 5259, 4, 5, 20, 20, 1),
                  x2 = c(104, rep(26765, 4), 1, 0, 0, 7, 0),
                  n2 = c(11037, rep(167229, 4), 4, 5, 30, 20, 1))
t2 <- rbind(tables(900), pub,
            data.frame(x1 = c(1, 5e8, 123456789, 2, 999999999),
                       n1 = c(1e9, 1e9, 1e9, 1e9, 1e9),
                       x2 = c(3, 5e8 + 40000, 123400000, 9, 999999000),
                       n2 = c(1e9, 1e9, 1e9, 1e9, 1e9)))

# Fisher's two-sided minimum-likelihood p from the definition with R's
# dhyper/phyper (fisher.test itself allocates the whole support and cannot
# take totals of 10^9); fisher.test is used where it can be.
fisher_big <- function(x1, n1, x2, n2) {
  m <- x1 + x2; lo <- max(0, m - n2); hi <- min(n1, m)
  d <- function(k) dhyper(k, n1, n2, m, log = TRUE)
  cut <- d(x1) + log1p(1e-7)
  mode <- floor((m + 1) * (n1 + 1) / (n1 + n2 + 2))
  if (d(mode) <= cut) return(1)
  a <- lo - 1; b <- mode                  # d(a) <= cut < d(b)
  while (b - a > 1) { c <- floor((a + b) / 2); if (d(c) <= cut) a <- c else b <- c }
  left <- a
  a <- mode; b <- hi + 1                  # d(a) > cut >= d(b)
  while (b - a > 1) { c <- floor((a + b) / 2); if (d(c) <= cut) b <- c else a <- c }
  p <- 0
  if (left >= lo) p <- p + phyper(left, n1, n2, m)
  if (b <= hi) p <- p + phyper(b - 1, n1, n2, m, lower.tail = FALSE)
  min(1, p)
}
rr <- character(); tr <- character()
for (i in seq_len(nrow(t2))) {
  x1 <- t2$x1[i]; n1 <- t2$n1[i]; x2 <- t2$x2[i]; n2 <- t2$n2[i]
  key <- paste(x1, n1, x2, n2, sep = ",")
  lev <- if (i %% 5 == 0) 0.9 else if (i %% 7 == 0) 0.99 else 0.95
  if (x1 > 0 && x2 > 0) {
    se <- sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2)
    z <- qnorm(1 - (1 - lev) / 2)
    est <- (x1 / n1) / (x2 / n2)
    rr <- c(rr, paste("katz", key, lev, g17(est * exp(-z * se)),
                      g17(est * exp(z * se)), "R formula", sep = ","))
  }
  small <- n1 + n2 <= 2e5
  fp <- if (small) fisher.test(matrix(c(x1, x2, n1 - x1, n2 - x2), 2))$p.value
        else fisher_big(x1, n1, x2, n2)
  tr <- c(tr, paste("fisher", key, g17(fp),
                    if (small) "R fisher.test" else "R dhyper/phyper", sep = ","))
  m <- x1 + x2
  if (m > 0 && m < n1 + n2) {
    tab <- matrix(c(x1, x2, n1 - x1, n2 - x2), 2)
    cp <- suppressWarnings(chisq.test(tab, correct = FALSE)$p.value)
    tr <- c(tr, paste("chi2", key, g17(cp), "R chisq.test", sep = ","))
  }
}
writeLines(rr, "fixtures/refs/ratio-katz.part")
writeLines(c("method,x1,n1,x2,n2,p,ref", tr), "fixtures/refs/test2x2.csv")
write.csv(t2, "fixtures/refs/tables.part", row.names = FALSE, quote = FALSE)
