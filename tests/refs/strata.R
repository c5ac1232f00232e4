# Stratified comparisons: R's values for tests/refs/strata.py (see there).
# Reads DIR/strata-cases.csv, writes DIR/strata-R.csv: id,what,v1,v2 with
#   RR.mh, OR.mh, RD.sato, RD.gr, IRR.mh  epiR's epi.2by2 (units = 1): the
#                                          Mantel-Haenszel intervals
#   cmh, cmh-cc                            mantelhaen.test, correct = FALSE/TRUE
#   exact, exact.ci                        mantelhaen.test(exact = TRUE): p; the
#                                          interval (uniroot's tolerance: a
#                                          cross-check only)
#   direct, direct.ci                      epitools' ageadjust.direct
#   indirect, indirect.ci                  O/E, qgamma(alpha/2, O)/E and
#                                          qgamma(1 - alpha/2, O + 1)/E
# Usage: Rscript strata.R DIR  (from the repository root)
suppressMessages({library(epiR); library(epitools)})
args <- commandArgs(TRUE)
d <- args[1]
cs <- read.csv(file.path(d, "strata-cases.csv"), colClasses = "character")
out <- file(file.path(d, "strata-R.csv"), "w")
writeLines("id,what,v1,v2", out)
put <- function(id, what, v1, v2 = NA)
  writeLines(sprintf("%s,%s,%s,%s", id, what,
                     ifelse(is.na(v1), "NA", sprintf("%.17g", v1)),
                     ifelse(is.na(v2), "NA", sprintf("%.17g", v2))), out)
num <- function(s) as.numeric(s)
for (i in seq_len(nrow(cs))) {
  id <- cs$id[i]; level <- num(cs$level[i])
  st <- lapply(strsplit(strsplit(cs$tables[i], " ")[[1]], ":"), num)
  m <- do.call(rbind, st)
  if (cs$kind[i] == "bin") {
    a <- m[, 1]; n1 <- m[, 2]; c <- m[, 3]; n2 <- m[, 4]
    K <- length(a)
    arr <- array(0, dim = c(2, 2, K))
    arr[1, 1, ] <- a; arr[1, 2, ] <- n1 - a; arr[2, 1, ] <- c; arr[2, 2, ] <- n2 - c
    if (K > 1 && max(n1 + n2) < 1e7) {
      r <- tryCatch(suppressWarnings(epi.2by2(as.table(arr), method = "cohort.count",
                                              conf.level = level, units = 1)$massoc.detail),
                    error = function(e) NULL)
      if (!is.null(r)) {
        g <- function(x) if (is.null(x)) c(NA, NA) else c(x$lower, x$upper)
        v <- g(r$RR.mh.wald); put(id, "RR.mh", v[1], v[2])
        v <- g(r$OR.mh.wald); put(id, "OR.mh", v[1], v[2])
        v <- g(r$ARisk.mh.sato); put(id, "RD.sato", v[1], v[2])
        v <- g(r$ARisk.mh.green); put(id, "RD.gr", v[1], v[2])
      }
    }
    if (K > 1) {   # mantelhaen.test wants two or more strata
      for (cc in c(FALSE, TRUE)) {
        p <- tryCatch(suppressWarnings(mantelhaen.test(arr, correct = cc)$p.value),
                      error = function(e) NA)
        put(id, if (cc) "cmh-cc" else "cmh", p)
      }
      supp <- sum(pmin(n1, a + c) - pmax(0, a + c - n2) + 1)
      if (supp <= 600 && max(n1 + n2) <= 3000) {
        x <- tryCatch(mantelhaen.test(arr, exact = TRUE, conf.level = level),
                      error = function(e) NULL)
        if (!is.null(x)) {
          put(id, "exact", x$p.value)
          put(id, "exact.ci", x$conf.int[1], x$conf.int[2])
        }
      }
    }
  } else if (cs$kind[i] == "pt") {
    a <- m[, 1]; t1 <- m[, 2]; c <- m[, 3]; t2 <- m[, 4]
    K <- length(a)
    if (K > 1) {
      arr <- array(0, dim = c(2, 2, K))
      arr[1, 1, ] <- a; arr[1, 2, ] <- t1; arr[2, 1, ] <- c; arr[2, 2, ] <- t2
      r <- tryCatch(suppressWarnings(epi.2by2(as.table(arr), method = "cohort.time",
                                              conf.level = level, units = 1)$massoc.detail),
                    error = function(e) NULL)
      if (!is.null(r) && !is.null(r$IRR.mh.wald))
        put(id, "IRR.mh", r$IRR.mh.wald$lower, r$IRR.mh.wald$upper)
    }
  } else if (cs$kind[i] == "direct") {
    r <- ageadjust.direct(m[, 1], m[, 2], stdpop = m[, 3], conf.level = level)
    put(id, "direct", r[["adj.rate"]])
    put(id, "direct.ci", if (r[["adj.rate"]] == 0) 0 else r[["lci"]], r[["uci"]])
  } else {
    O <- sum(m[, 1]); E <- sum(m[, 2] * m[, 3]); al <- 1 - level
    put(id, "indirect", O / E)
    put(id, "indirect.ci", if (O == 0) 0 else qgamma(al / 2, O) / E, qgamma(1 - al / 2, O + 1) / E)
  }
}
close(out)
