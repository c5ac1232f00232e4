# The Jeffreys quantiles for the MOVER-J references: for each group of the
# two-group tables of DIR/tables.csv, R's qbeta of Beta(x + 1/2, n - x + 1/2)
# at alpha/2, 1/2 and 1 - alpha/2, and of the mirrored Beta(n - x + 1/2,
# x + 1/2) at the same points (the complements 1 - u, 1 - p, 1 - l, each to
# its own relative accuracy) -> DIR/mover-q.csv.  tests/refs/mover.py does
# the rest at 50 digits.  R's qbeta agrees with mpmath to 6.5e-15 on the
# Jeffreys rates (fixtures/refs/README.md).
# Usage: Rscript mover.R DIR
dir <- commandArgs(TRUE)[1]
t <- read.csv(file.path(dir, "tables.csv"))
q <- function(x, n, a) {
  cbind(qbeta(a / 2, x + .5, n - x + .5), qbeta(.5, x + .5, n - x + .5),
        qbeta(a / 2, x + .5, n - x + .5, lower.tail = FALSE),
        qbeta(a / 2, n - x + .5, x + .5), qbeta(.5, n - x + .5, x + .5),
        qbeta(a / 2, n - x + .5, x + .5, lower.tail = FALSE))
}
a <- 1 - t$level
g1 <- q(t$x1, t$n1, a)
g2 <- q(t$x2, t$n2, a)
out <- data.frame(t, g1, g2)
names(out) <- c(names(t), paste0(c("l", "p", "u", "uc", "q", "lc"), 1),
                paste0(c("l", "p", "u", "uc", "q", "lc"), 2))
write.csv(format(out, digits = 17), file.path(dir, "mover-q.csv"),
          row.names = FALSE, quote = FALSE)
