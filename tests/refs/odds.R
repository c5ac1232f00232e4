# Woolf's odds-ratio interval from epitools (Aragon; Debian r-cran-epitools)
# oddsratio.wald(correction = FALSE) for the tables of DIR/tables.csv with
# no zero cell.  Its table puts the reference in row 1 and events in column
# 2; like riskratio.wald it runs fisher.test for a p-value, which cannot
# allocate at totals of 10^9, so that helper is stubbed out (the interval is
# epitools' own code).  odds.py checks each row at 50 digits.
# Usage: Rscript odds.R DIR   -> DIR/woolf.csv
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
