# The cases every reference is computed for, drawn once with a fixed seed
# (R's default Mersenne-Twister): (x, n, level) for the rate intervals and
# (x1, n1, x2, n2, level) two-group tables for the ratios and the tests.
# No statistics here; only which inputs to ask the references about.
# Usage: Rscript cases.R DIR   -> DIR/props.csv, DIR/tables.csv
dir <- commandArgs(TRUE)[1]
set.seed(20261124)
lognum <- function(k) floor(10^runif(k, 0, 9))       # 1 .. 10^9, log scale
unifx <- function(n) floor(runif(length(n)) * (n + 1)) # 0 .. n
level <- function(k, p) sample(c(0.95, 0.9, 0.99, 0.999, 0.5), k, TRUE, p)
int <- function(v) sprintf("%.0f", v)

## Rate intervals: random, near the edges, systematic edges.
n <- lognum(1500); x <- unifx(n)
m <- lognum(400); y <- pmin(m, floor(runif(400) * 6))  # x small ...
y[1:200] <- m[1:200] - y[1:200]                         # ... or near n
grid <- c(1, 2, 3, 5, 10, 30, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9)
ex <- rbind(expand.grid(x = 0, n = grid), expand.grid(x = 1, n = grid),
            data.frame(x = grid - 1, n = grid), data.frame(x = grid, n = grid))
ex <- unique(ex[ex$x >= 0, ])
big <- c(0, 1, 2, 10, 1e3, 5e8, 1e9 - 1, 1e9)
props <- rbind(
  data.frame(x = c(x, y), n = c(n, m),
             level = level(1900, c(.6, .1, .1, .1, .1))),
  data.frame(x = ex$x, n = ex$n, level = level(nrow(ex), c(.6, .1, .1, .1, .1))),
  expand.grid(x = big, n = 1e9, level = c(0.95, 0.9, 0.99, 0.999, 0.5)),
  data.frame(x = c(81, 0, 1, 15, 0, 1), n = c(263, 20, 29, 148, 1, 1),
             level = c(0.95, 0.95, 0.95, 0.95, 0.5, 0.999)))
write.csv(data.frame(x = int(props$x), n = int(props$n), level = props$level),
          file.path(dir, "props.csv"), row.names = FALSE, quote = FALSE)

## Two-group tables.
k <- 1000                                   # fully random: mostly tiny p
r1 <- data.frame(x1 = 0, n1 = lognum(k), x2 = 0, n2 = lognum(k))
r1$x1 <- unifx(r1$n1); r1$x2 <- unifx(r1$n2)
k <- 700      # near the null: x2 set for a z-score from 0 to 40, so that
n1 <- lognum(k); n2 <- lognum(k)           # p-values spread over (1e-300, 1]
p1 <- 10^runif(k, -6, 0) * runif(k)
x1 <- pmax(1, round(n1 * p1)); p1 <- x1 / n1
zt <- runif(k, 0, 40) * sample(c(-1, 1), k, TRUE)
se <- sqrt(p1 * (1 - p1) * (1 / n1 + 1 / n2))
x2 <- round(pmin(1, pmax(0, p1 + zt * se)) * n2)
r2 <- data.frame(x1, n1, x2, n2)
k <- 200                                    # small counts and zero cells
r3 <- data.frame(x1 = 0, n1 = lognum(k), x2 = 0, n2 = lognum(k))
r3$x1 <- pmin(r3$n1, floor(runif(k) * 3)); r3$x2 <- unifx(r3$n2)
r3$x2[1:100] <- pmin(r3$n2[1:100], floor(runif(100) * 3))
r3$x1[1:50] <- r3$n1[1:50] - r3$x1[1:50]    # and events near the total
sizes <- c(1, 2, 10, 1000, 1e6, 1e9)        # edges: zero cells, x = n
e <- expand.grid(n1 = sizes, n2 = sizes)
mid <- function(n) floor(n / 3)
r4 <- rbind(data.frame(x1 = 0, n1 = e$n1, x2 = 0, n2 = e$n2),
            data.frame(x1 = 0, n1 = e$n1, x2 = mid(e$n2), n2 = e$n2),
            data.frame(x1 = mid(e$n1), n1 = e$n1, x2 = 0, n2 = e$n2),
            data.frame(x1 = e$n1, n1 = e$n1, x2 = e$n2, n2 = e$n2),
            data.frame(x1 = e$n1, n1 = e$n1, x2 = mid(e$n2), n2 = e$n2),
            data.frame(x1 = mid(e$n1), n1 = e$n1, x2 = e$n2, n2 = e$n2),
            data.frame(x1 = 0, n1 = e$n1, x2 = e$n2, n2 = e$n2),
            data.frame(x1 = e$n1, n1 = e$n1, x2 = 0, n2 = e$n2),
            data.frame(x1 = c(5, 0, 1e9, 5e8, 123456789, 1),   # p = 1 and
                       n1 = c(10, 1e9, 1e9, 1e9, 1e9, 1e9),    # 10^9 tables
                       x2 = c(5, 0, 1e9, 5e8 + 40000, 123400000, 3),
                       n2 = c(10, 1e9, 1e9, 1e9, 1e9, 1e9)))
r4 <- unique(r4)
pub <- data.frame(x1 = c(189, 11982, 4657, 2117, 814, 3),   # Physicians'
                  n1 = c(11034, 54532, 28768, 10365, 5259, 4), # Health, stop
                  x2 = c(104, rep(26765, 4), 1),             # and search vs
                  n2 = c(11037, rep(167229, 4), 4))          # White, tea
tabs <- rbind(pub, r4, r1, r2, r3)
tabs$level <- c(rep(0.95, nrow(pub)),
                level(nrow(tabs) - nrow(pub), c(.7, .15, .15, 0, 0)))
write.csv(data.frame(x1 = int(tabs$x1), n1 = int(tabs$n1), x2 = int(tabs$x2),
                     n2 = int(tabs$n2), level = tabs$level),
          file.path(dir, "tables.csv"), row.names = FALSE, quote = FALSE)
