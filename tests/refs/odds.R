# Woolf's odds-ratio interval from epitools (Aragon; Debian r-cran-epitools)
# oddsratio.wald(correction = FALSE) for the tables of DIR/tables.csv with
# no zero cell.  Its table puts the reference in row 1 and events in column
# 2; like riskratio.wald it runs fisher.test for a p-value, which cannot
# allocate at totals of 10^9, so that helper is stubbed out (the interval is
# epitools' own code).  odds.py checks each row at 50 digits.
# Usage: Rscript odds.R DIR   -> DIR/woolf.csv, DIR/oddsx-R.csv
suppressMessages(library(epitools))
dir <- commandArgs(TRUE)[1]
or.wald <- epitools::oddsratio.wald
environment(or.wald) <- list2env(list(tab2by2.test = function(x, correction)
  list(p.value = NA, correction = correction)), parent = asNamespace("epitools"))
t <- read.csv(file.path(dir, "tables.csv"), colClasses = "numeric")
rows <- character()
for (i in seq_len(nrow(t))) {
  x1 <- t$x1[i]; n1 <- t$n1[i]; x2 <- t$x2[i]; n2 <- t$n2[i]; lev <- t$level[i]
  if (x1 > 0 && x1 < n1 && x2 > 0 && x2 < n2) {
    ci <- or.wald(matrix(c(n2 - x2, n1 - x1, x2, x1), 2), conf.level = lev,
                  correction = FALSE)$measure[2, 2:3]
    rows <- c(rows, paste("woolf", sprintf("%.0f", x1), sprintf("%.0f", n1),
                          sprintf("%.0f", x2), sprintf("%.0f", n2), lev,
                          sprintf("%.17g", ci[1]), sprintf("%.17g", ci[2]),
                          "R epitools", sep = ","))
  }
}
writeLines(rows, file.path(dir, "woolf.csv"))

# Rough checks for odds_exact.py: fisher.test's conditional interval
# (uniroot, absolute tolerance about 1e-4) for totals up to 10^5 and
# epitools' oddsratio.midp (uniroot) up to 10^4 -> DIR/oddsx-R.csv.
rows <- character()
for (i in seq_len(nrow(t))) {
  x1 <- t$x1[i]; n1 <- t$n1[i]; x2 <- t$x2[i]; n2 <- t$n2[i]; lev <- t$level[i]
  key <- paste(sprintf("%.0f", x1), sprintf("%.0f", n1), sprintf("%.0f", x2),
               sprintf("%.0f", n2), lev, sep = ",")
  g <- function(v) ifelse(is.infinite(v), "inf", sprintf("%.17g", v))
  if (n1 + n2 <= 1e5) {
    ci <- fisher.test(matrix(c(x1, x2, n1 - x1, n2 - x2), 2), conf.level = lev)$conf.int
    rows <- c(rows, paste("exact", key, g(ci[1]), g(ci[2]), "R fisher.test", sep = ","))
  }
  if (n1 + n2 <= 1e4 && x1 + x2 > 0 && x1 + x2 < n1 + n2) {
    ci <- tryCatch(suppressWarnings(oddsratio.midp(matrix(c(n2 - x2, n1 - x1, x2, x1), 2),
                   conf.level = lev)$measure[2, 2:3]), error = function(e) NA)
    if (!anyNA(ci))   # its uniroot fails on some zero-cell tables
      rows <- c(rows, paste("midp", key, g(ci[1]), g(ci[2]), "R epitools", sep = ","))
  }
}
writeLines(rows, file.path(dir, "oddsx-R.csv"))
