# Relative-risk intervals from R packages for the tables in DIR/tables.csv
# (group 1 = x1/n1 over group 2 = x2/n2, the reference).
#   katz     epitools (Aragon; Debian r-cran-epitools) riskratio.wald(
#            correction = FALSE): the log interval exp(log RR -/+ z *
#            sqrt(1/x1 - 1/n1 + 1/x2 - 1/n2)); stored.  Its table puts the
#            reference in row 1 and events in column 2.  riskratio.wald
#            also runs fisher.test for a p-value, which cannot allocate at
#            totals of 10^9, so that one helper is stubbed out; the interval
#            code is epitools' own.  Cross-checked against epiR's zRRwald
#            and against the formula written here without cancellation.
#            Tables with x1 > 0 and x2 > 0 only.
#   koopman  epiR (Stevenson; r-cran-epiR) zRRscore, Koopman's score
#            interval through Nam's (1995) cubic, on tables with 0 < x < n
#            on both sides (its edge cases step phi by 1e-4): written to DIR for
#            koopman_mp.py to compare with the mpmath definition; never stored.
# Usage: Rscript ratio.R DIR   -> DIR/katz.csv, DIR/koopman-epiR.csv
suppressMessages({library(epitools); library(epiR)})
dir <- commandArgs(TRUE)[1]
g17 <- function(v) ifelse(is.nan(v), "nan", ifelse(is.infinite(v),
                   ifelse(v > 0, "inf", "-inf"), sprintf("%.17g", v)))
rel <- function(a, b) max(abs(a - b) / abs(b))
rr.wald <- epitools::riskratio.wald
environment(rr.wald) <- list2env(list(tab2by2.test = function(x, correction)
  list(p.value = NA, correction = correction)), parent = asNamespace("epitools"))

t <- read.csv(file.path(dir, "tables.csv"), colClasses = "numeric")
katz <- character(); sc <- character(); w.epir <- 0; w.formula <- 0
for (i in seq_len(nrow(t))) {
  x1 <- t$x1[i]; n1 <- t$n1[i]; x2 <- t$x2[i]; n2 <- t$n2[i]; lev <- t$level[i]
  key <- paste(sprintf("%.0f", c(x1, n1, x2, n2)), collapse = ",")
  if (x1 > 0 && x2 > 0) {
    ci <- rr.wald(matrix(c(n2 - x2, n1 - x1, x2, x1), 2), conf.level = lev,
                  correction = FALSE)$measure[2, 2:3]
    katz <- c(katz, paste("katz", key, lev, g17(ci[1]), g17(ci[2]),
                          "R epitools", sep = ","))
    e <- epiR:::zRRwald(matrix(c(x1, x2, n1 - x1, n2 - x2), 2), lev)[2:3]
    z <- qnorm((1 + lev) / 2)
    se <- sqrt((n1 - x1) / (x1 * n1) + (n2 - x2) / (x2 * n2))
    f <- x1 / n1 / (x2 / n2) * exp(c(-z, z) * se)
    w.epir <- max(w.epir, rel(e, ci)); w.formula <- max(w.formula, rel(f, ci))
  }
  if (x1 > 0 && x1 < n1 && x2 > 0 && x2 < n2) {  # its edge cases step by 1e-4
    s <- epiR:::zRRscore(c(x1, n1 - x1, x2, n2 - x2), lev)
    sc <- c(sc, paste(key, lev, g17(s[2]), g17(s[3]), sep = ","))
  }
}
writeLines(katz, file.path(dir, "katz.csv"))
writeLines(c("x1,n1,x2,n2,level,lo,hi", sc), file.path(dir, "koopman-epiR.csv"))
cat(sprintf(paste("katz: %d tables; epitools vs epiR zRRwald max relative",
                      "difference %.3g, vs formula %.3g"),
                length(katz), w.epir, w.formula), "\n", sep = "")
