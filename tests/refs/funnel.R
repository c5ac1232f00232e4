# Funnel-plot control limits and p-values -> fixtures/refs/funnel.csv, and
# over-dispersion -> fixtures/refs/dispersion.csv, from R's own binomial
# and Poisson functions (qbinom, pbinom, dbinom, qpois, ppois, dpois, qnorm,
# pnorm) and the formulas of Spiegelhalter DJ (2005), Funnel plots for
# comparing institutional performance, Stat Med 24:1185-1202, Appendix
# A.1.1 (see disp-funnel(1) and stats/funnel.h for the definitions).
#
# funnel.csv: method,x,n,target,poisson,phi,tau2,level,lo,hi,p,ref
#   t = (1 - level)/2; X ~ Binomial(n, target) or Poisson(n target);
#   v = target(1-target)/n or target/n; k = phi + tau2/v; s = sqrt(k).
#   exact: L = (r - a)/n, r = qbinom(t), a = (F(r) - t)/f(r);
#          U = (u + b)/n, u the largest count with G(u) = P(X >= u) >= t,
#          b = (G(u) - t)/f(u); limits target + s (L - target), clipped.
#   exact-cdf: U = (r - a)/n at 1 - t of the cdf, a = (t - G(r+1))/f(r).
#   normal: target -/+ qnorm(1-t) sqrt(k v), clipped.
#   p: the count moved to xs = n target + (x - n target)/s; exact:
#      2 min(P(X* <= xs), P(X** >= xs)), capped at 1, with the lower
#      continuous version (mass at r on (r-1, r]) and the upper (on
#      [r, r+1)); exact-cdf: both tails of the lower one; normal: 2
#      pnorm(-|z|), z = (x/n - target)/sqrt(phi v + tau2).
# dispersion.csv: method,family,z,w,winsor,phi,tau2,ref (a family's rows are
#   consecutive; phi and tau2, repeated on each row, are what the method
#   gives for the whole family).  phi = mean(z_w^2), z winsorised: the
#   floor(k winsor) smallest set to the next smallest, the largest likewise;
#   tau2 = (k phi - (k-1)) / (sum w - sum w^2/sum w), 0 if k phi <= k-1
#   (DerSimonian & Laird 1986); multiplicative: max(phi, 1), 0; additive: 1,
#   tau2; none: 1, 0.  Cross-checked (stdout) with metafor's DL estimate
#   where metafor is installed.
# Usage: Rscript tests/refs/funnel.R  (from the repository root)
set.seed(20261213)

# The distribution of a unit's count: cdf F, survival G (P(X >= r)),
# density f, all vectorised over r.
dist <- function(n, th, pois) {
  if (pois) {
    mu <- n * th
    list(F = function(r) ppois(r, mu),
         G = function(r) ifelse(r <= 0, 1, ppois(r - 1, mu, lower.tail = FALSE)),
         f = function(r) dpois(r, mu),
         q = function(p) qpois(p, mu), top = Inf, sup = Inf)
  } else {
    list(F = function(r) pbinom(r, n, th),
         G = function(r) ifelse(r <= 0, 1, pbinom(r - 1, n, th, lower.tail = FALSE)),
         f = function(r) dbinom(r, n, th),
         q = function(p) qbinom(p, n, th), top = 1, sup = n)
  }
}

# Smallest r with F(r) >= p (qbinom/qpois, checked against their fuzz).
lowq <- function(d, p) {
  r <- d$q(p)
  while (d$F(r) < p) r <- r + 1
  while (r > 0 && d$F(r - 1) >= p) r <- r - 1
  r
}

# Largest u with G(u) >= p (strict: > p).
upq <- function(d, p, strict = FALSE) {
  ok <- function(G) if (strict) G > p else G >= p
  u <- d$q(1 - p)
  while (u < d$sup && ok(d$G(u + 1))) u <- u + 1
  while (u > 0 && !ok(d$G(u))) u <- u - 1
  u
}

clip <- function(y, top) pmin(pmax(y, 0), top)

funnel <- function(method, x, n, th, pois, phi, tau2, level) {
  t <- (1 - level) / 2
  v <- if (pois) th / n else th * (1 - th) / n
  k <- if (v > 0) phi + tau2 / v else 1
  s <- sqrt(k)
  top <- if (pois) Inf else 1
  if (method == "normal") {
    half <- qnorm(t, lower.tail = FALSE) * sqrt(k * v)
    z <- (x / n - th) / sqrt(phi * v + tau2)
    if (x / n == th) z <- 0
    return(c(clip(th - half, top), clip(th + half, top),
             min(1, 2 * exp(pnorm(-abs(z), log.p = TRUE)))))
  }
  d <- dist(n, th, pois)
  r <- lowq(d, t)
  L <- (r - (d$F(r) - t) / d$f(r)) / n
  if (method == "exact") {
    u <- upq(d, t)
    U <- (u + (d$G(u) - t) / d$f(u)) / n
  } else {
    u <- upq(d, t, strict = TRUE)   # = the smallest u with F(u) >= 1 - t
    U <- (u - (t - d$G(u + 1)) / d$f(u)) / n
  }
  xs <- if (k == 1) x else n * th + (x - n * th) / s
  cc <- ceiling(xs); fl <- floor(xs)
  pl <- if (cc == xs) d$F(xs) else d$F(cc - 1) + (xs - cc + 1) * d$f(cc)
  pu <- if (method == "exact") {
    if (fl == xs) d$G(xs) else d$G(fl + 1) + (fl + 1 - xs) * d$f(fl)
  } else d$G(cc + 1) + (cc - xs) * d$f(cc)
  c(clip(th + s * (L - th), top), clip(th + s * (U - th), top),
    min(1, 2 * min(pl, pu)))
}

# The binomial upper limit again, as the mirror of the lower limit of the
# non-events (n - X ~ Binomial(n, 1 - target)): the largest difference
# from exact's upper limit is printed as a check of the definition.
mirror <- function(n, th, level) {
  t <- (1 - level) / 2
  d <- dist(n, 1 - th, FALSE)
  r <- lowq(d, t)
  min(1, (n - (r - (d$F(r) - t) / d$f(r))) / n)
}

rows <- list()
add <- function(m, x, n, th, pois, phi, tau2, level) {
  y <- funnel(m, x, n, th, pois, phi, tau2, level)
  rows[[length(rows) + 1]] <<- sprintf("%s,%.17g,%.17g,%.17g,%d,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,R %s",
    m, x, n, th, pois, phi, tau2, level, y[1], y[2], y[3],
    if (pois) "qpois/ppois" else if (m == "normal") "qnorm/pnorm" else "qbinom/pbinom")
}

levels <- c(0.95, 0.998, 0.5, 0.9, 0.99, 0.999999)
thetas <- c(0, 1, 1e-9, 1e-4, 0.01, 0.05, 0.2, 0.5, 0.8, 0.99, 0.9999)
worst_mirror <- 0
# A few x per table: 0, n, near the mean, near each limit, at random.
xs_for <- function(n, th, lim, sup) {
  cand <- c(0, sup, round(n * th), floor(n * lim[1]) + (-1:1),
            floor(n * lim[2]) + (-1:1), floor(runif(2) * (min(sup, 10 * n * th + 10) + 1)))
  cand <- unique(cand[cand >= 0 & cand <= sup])
  sample(cand, min(4, length(cand)))
}
for (i in 1:260) {
  n <- if (i <= 40) c(1, 2, 3, 5, 10, 37, 100, 1000, 12345, 1e6)[(i - 1) %% 10 + 1]
       else if (i <= 44) 1e9 - (i - 41) else if (i <= 48) 1e12 - (i - 45)
       else max(1, round(exp(runif(1, 0, log(1e9)))))
  th <- if (i %% 3 == 0) runif(1) else thetas[(i - 1) %% length(thetas) + 1]
  level <- levels[(i - 1) %% length(levels) + 1]
  # At n = 10^12 pbinom is 1.2e-10 off at a tail of 1e-6 (the sum at 30
  # digits in mpmath: 1.0000257968275753e-06 for 2 P(X >= 895740952905),
  # n = 999999999997, target 0.89573945803567767; R 1.0000257969512107e-06),
  # so those tables keep to the usual levels.
  if (n > 1e11) level <- c(0.95, 0.998)[i %% 2 + 1]
  v <- th * (1 - th) / n
  phi <- if (v > 0 && i %% 4 == 1) runif(1, 1, 5) else 1
  tau2 <- if (v > 0 && i %% 5 == 2) v * runif(1, 0, 3) else 0
  worst_mirror <- max(worst_mirror, abs(mirror(n, th, level) -
                      funnel("exact", 0, n, th, FALSE, 1, 0, level)[2]) /
                      max(1e-300, mirror(n, th, level)))
  lim <- funnel("exact", 0, n, th, FALSE, phi, tau2, level)
  for (x in xs_for(n, th, lim, n))
    for (m in c("exact", "exact-cdf", "normal"))
      add(m, x, n, th, FALSE, phi, tau2, level)
}
cat(sprintf("funnel.R: exact's upper limit against the mirrored lower limit of the non-events: max relative difference %.2g\n",
            worst_mirror))
# A few non-integer numerators for the normal method (PHE's proportions
# have them).
for (i in 1:20) {
  n <- round(exp(runif(1, log(10), log(1e6))))
  add("normal", runif(1) * n, n, runif(1), FALSE, 1, 0, levels[i %% 2 + 1])
}
pthetas <- c(0, 0.001, 0.3, 1, 1.7, 50)
for (i in 1:180) {
  th <- if (i %% 4 == 0) exp(runif(1, log(0.01), log(20))) else pthetas[(i - 1) %% length(pthetas) + 1]
  e <- if (i <= 12) c(1e-3, 0.1, 1, 10, 1000, 1e6)[(i - 1) %% 6 + 1]
       else exp(runif(1, log(1e-3), log(1e9 / max(th, 1))))
  if (i > 12 && i <= 18 && th > 0) e <- 10^(9 + (i %% 2) * 3) / th * (1 - (i - 13) * 1e-3)
  level <- levels[(i - 1) %% length(levels) + 1]
  v <- th / e
  phi <- if (v > 0 && i %% 4 == 1) runif(1, 1, 5) else 1
  tau2 <- if (v > 0 && i %% 5 == 2) v * runif(1, 0, 3) else 0
  lim <- funnel("exact", 0, e, th, TRUE, phi, tau2, level)
  mu <- e * th
  cand <- unique(c(0, round(mu), floor(e * lim[1]) + (-1:1), floor(e * lim[2]) + (-1:1),
                   floor(runif(1) * (3 * mu + 10))))
  cand <- cand[cand >= 0]
  for (x in sample(cand, min(4, length(cand))))
    for (m in c("exact", "exact-cdf", "normal"))
      add(m, x, e, th, TRUE, phi, tau2, level)
}
out <- file("fixtures/refs/funnel.csv", "w")
writeLines("method,x,n,target,poisson,phi,tau2,level,lo,hi,p,ref", out)
writeLines(unlist(rows), out)
close(out)

# Over-dispersion: families of units from binomial and Poisson data.
winsorised_phi <- function(z, winsor) {
  k <- length(z)
  g <- floor(k * winsor + 1e-9)
  zs <- sort(z)
  zw <- pmin(pmax(z, zs[g + 1]), zs[k - g])
  mean(zw^2)
}
dl_tau2 <- function(w, phi) {
  k <- length(w)
  if (k * phi <= k - 1) 0 else (k * phi - (k - 1)) / (sum(w) - sum(w^2) / sum(w))
}
disp <- list()
has_metafor <- requireNamespace("metafor", quietly = TRUE)
worst_dl <- 0
for (fam in 1:120) {
  k <- c(2, 3, 5, 9, 10, 11, 20, 29, 30, 57, 150, 400)[(fam - 1) %% 12 + 1]
  pois <- fam %% 2 == 0
  n <- round(exp(runif(k, log(5), log(1e5))))
  sd_between <- c(0, 0.1, 0.3, 1)[(fam - 1) %% 4 + 1]
  if (pois) {
    e <- n / 10
    x <- rpois(k, e * exp(rnorm(k, 0, sd_between)))
    th <- if (fam %% 3 == 0) 1 else sum(x) / sum(e)
    y <- x / e; v <- th / e
  } else {
    p0 <- runif(1, 0.02, 0.6)
    x <- rbinom(k, n, plogis(qlogis(p0) + rnorm(k, 0, sd_between)))
    th <- sum(x) / sum(n)
    y <- x / n; v <- th * (1 - th) / n
  }
  z <- (y - th) / sqrt(v)
  w <- 1 / v
  winsor <- c(0.1, 0, 0.2, 0.1)[(fam - 1) %% 4 + 1]
  ph <- winsorised_phi(z, winsor)
  ta <- dl_tau2(w, ph)
  if (has_metafor && winsor == 0 && !(pois && fam %% 3 == 0)) {
    # The pooled target is the inverse-variance weighted mean, so Q about
    # it is metafor's Q and its DL estimate is ours.
    fit <- metafor::rma(yi = y, vi = v, method = "DL")
    worst_dl <- max(worst_dl, abs(fit$tau2 - ta) / max(ta, 1e-300))
  }
  for (m in c("none", "multiplicative", "additive")) {
    res <- switch(m, none = c(1, 0), multiplicative = c(max(1, ph), 0),
                  additive = c(1, ta))
    disp[[length(disp) + 1]] <- sprintf("%s,%d,%.17g,%.17g,%.17g,%.17g,%.17g,R definition%s",
      m, fam, z, w, winsor, res[1], res[2], if (has_metafor && m == "additive") " and metafor DL" else "")
  }
}
if (has_metafor)
  cat(sprintf("funnel.R: tau2 against metafor::rma(method = \"DL\") (winsor 0): max relative difference %.2g\n",
              worst_dl))
out <- file("fixtures/refs/dispersion.csv", "w")
writeLines("method,family,z,w,winsor,phi,tau2,ref", out)
writeLines(unlist(disp), out)
close(out)
