# Independent reference for the spc module: data sets of our own and every figure
# `cncvision spc analyze` prints for them, computed here in R from textbook formulas
# (Montgomery, Introduction to Statistical Quality Control; NIST/SEMATECH e-Handbook) without
# looking at how the Java code computes them. Only the conventions the Java javadoc documents
# (which data form phase I, which sigma the zones use, boundary rules) are followed.
#
# Run from the repository root:  Rscript spc/src/test/reference/generate.R
# Needs R with nortest (Anderson-Darling) installed; writes spc/src/test/resources/reference/.

suppressPackageStartupMessages(library(nortest))

out_dir <- file.path("spc", "src", "test", "resources", "reference")
if (!dir.exists(file.path("spc", "src", "test"))) stop("run from the repository root")
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)

# ---------------------------------------------------------------------------------------------
# Control chart constants from their definitions
# ---------------------------------------------------------------------------------------------

# d2(n) = E[range of n standard normals] = integral of 1 - Phi(x)^n - (1 - Phi(x))^n over the line
d2 <- function(n) {
  f <- function(x) -expm1(n * pnorm(x, log.p = TRUE)) - exp(n * pnorm(x, lower.tail = FALSE, log.p = TRUE))
  lower <- integrate(f, -Inf, 0, rel.tol = 1e-13, abs.tol = 0, subdivisions = 1000L)$value
  upper <- integrate(f, 0, Inf, rel.tol = 1e-13, abs.tol = 0, subdivisions = 1000L)$value
  lower + upper
}

# d3(n) = sd of the range. Tippett's distribution of the range gives, with the minimum's density
# n phi(x) Q(x)^(n-1) (Q = 1 - Phi) integrating to 1,
#   P(R > w) = n * integral phi(x) [Q(x)^(n-1) - (Q(x) - Q(x + w))^(n-1)] dx,
# the bracket written as Q(x)^(n-1) (1 - (1 - Q(x + w)/Q(x))^(n-1)) to keep the tail's digits;
# then E[R^2] = integral over w > 0 of 2 w P(R > w): a double integral.
d3 <- function(n) {
  m <- n - 1
  range_tail <- function(w) {
    g <- function(x) {
      q <- pnorm(x, lower.tail = FALSE)
      ifelse(q > 0, n * dnorm(x) * q^m * -expm1(m * log1p(-pnorm(x + w, lower.tail = FALSE) / q)), 0)
    }
    integrate(g, -Inf, -w / 2, rel.tol = 1e-13, abs.tol = 0, subdivisions = 1000L)$value +
      integrate(g, -w / 2, Inf, rel.tol = 1e-13, abs.tol = 0, subdivisions = 1000L)$value
  }
  moment <- function(ws) vapply(ws, function(w) 2 * w * range_tail(w), numeric(1))
  second_moment <- integrate(moment, 0, 4, rel.tol = 1e-13, abs.tol = 0, subdivisions = 1000L)$value +
    integrate(moment, 4, 8, rel.tol = 1e-13, abs.tol = 0, subdivisions = 1000L)$value +
    integrate(moment, 8, Inf, rel.tol = 1e-13, abs.tol = 0, subdivisions = 1000L)$value
  sqrt(second_moment - d2(n)^2)
}

# c4(n) = E[S]/sigma = sqrt(2/(n-1)) Gamma(n/2)/Gamma((n-1)/2)
c4 <- function(n) sqrt(2 / (n - 1)) * exp(lgamma(n / 2) - lgamma((n - 1) / 2))

# Sanity against Montgomery's Appendix VI before anything is written
stopifnot(abs(d2(5) - 2.326) < 5e-4, abs(d3(5) - 0.864) < 5e-4, abs(c4(7) - 0.9594) < 5e-5,
          abs(d2(25) - 3.931) < 5e-4, abs(d3(25) - 0.708) < 5e-4, abs(d2(2) - 1.128) < 5e-4,
          abs(d3(2) - 0.853) < 5e-4)

# ---------------------------------------------------------------------------------------------
# Run rules, written from Nelson (1984) and the Western Electric handbook (1956), with the
# boundary conventions of the rules package javadoc: "beyond k sigma" is |z| > k, "within 1 sigma"
# is |z| <= 1, a point on the centre breaks a same-side run, ties break trends and alternation,
# a rule fires at every point completing a window, and "k of m" needs the last point among the k
# (at the series start a shorter window of k qualifying points is enough).
# ---------------------------------------------------------------------------------------------

same_side_run <- function(z, i, len) {
  if (i < len) return(FALSE)
  w <- z[(i - len + 1):i]
  all(w > 0) || all(w < 0)
}

k_of_m <- function(z, i, k, m, beyond) {
  w <- z[max(1, i - m + 1):i]
  if (z[i] > beyond) return(sum(w > beyond) >= k)
  if (z[i] < -beyond) return(sum(w < -beyond) >= k)
  FALSE
}

nelson <- function(x, z, i) {
  fired <- character(0)
  if (abs(z[i]) > 3) fired <- c(fired, "NELSON_1")
  if (same_side_run(z, i, 9)) fired <- c(fired, "NELSON_2")
  if (i >= 6) {
    d <- diff(x[(i - 5):i])
    if (all(d > 0) || all(d < 0)) fired <- c(fired, "NELSON_3")
  }
  if (i >= 14) {
    d <- diff(x[(i - 13):i])
    if (all(d != 0) && all(sign(d[-1]) == -sign(d[-length(d)]))) fired <- c(fired, "NELSON_4")
  }
  if (k_of_m(z, i, 2, 3, 2)) fired <- c(fired, "NELSON_5")
  if (k_of_m(z, i, 4, 5, 1)) fired <- c(fired, "NELSON_6")
  if (i >= 15 && all(abs(z[(i - 14):i]) <= 1)) fired <- c(fired, "NELSON_7")
  if (i >= 8 && all(abs(z[(i - 7):i]) > 1)) fired <- c(fired, "NELSON_8")
  fired
}

western_electric <- function(x, z, i) {
  fired <- character(0)
  if (abs(z[i]) > 3) fired <- c(fired, "WE_1")
  if (k_of_m(z, i, 2, 3, 2)) fired <- c(fired, "WE_2")
  if (k_of_m(z, i, 4, 5, 1)) fired <- c(fired, "WE_3")
  if (same_side_run(z, i, 8)) fired <- c(fired, "WE_4")
  fired
}

# Signals of a Shewhart chart: plotted x, centre and the plotted statistic's sigma per point
shewhart_signals <- function(rules, x, center, sigma) {
  z <- (x - center) / sigma
  # the reference must not hinge on rounding: no point within 1e-9 of a zone edge
  for (edge in c(1, 2, 3)) {
    near <- abs(abs(z) - edge) < 1e-9
    if (any(near)) stop("a point lies on the ", edge, " sigma zone edge: ", which(near))
  }
  if (any(z != 0 & abs(z) < 1e-9)) stop("a point lies within rounding of the centre")
  lapply(seq_along(x), function(i) {
    switch(rules, nelson = nelson(x, z, i), "western-electric" = western_electric(x, z, i),
           none = character(0))
  })
}

# EWMA and CUSUM are judged by rule 1 only: beyond the limits, on either plotted chart
beyond_signals <- function(rules, beyond) {
  name <- switch(rules, nelson = "NELSON_1", "western-electric" = "WE_1", none = NA)
  lapply(beyond, function(b) if (b && !is.na(name)) name else character(0))
}

check_clear_of_limits <- function(value, lcl, ucl) {
  gap <- pmin(abs(value - lcl), abs(value - ucl))
  if (any(gap < 1e-9 * pmax(1, abs(ucl)))) stop("a point lies within rounding of its limit")
}

# ---------------------------------------------------------------------------------------------
# Charts
# ---------------------------------------------------------------------------------------------

point_list <- function(labels, values, lcl, ucl, signals) {
  lapply(seq_along(values), function(i)
    list(subgroup = labels[i], value = values[i], lcl = lcl[i], ucl = ucl[i], signals = as.list(signals[[i]])))
}

secondary_points <- function(labels, values, lcl, ucl) {
  lapply(seq_along(values), function(i) list(subgroup = labels[i], value = values[i], lcl = lcl, ucl = ucl))
}

# groups: list of numeric vectors (subgroups), labels: their labels
xbar_chart <- function(kind, groups, labels, m, rules) {
  n <- length(groups[[1]])
  means <- vapply(groups, mean, numeric(1))
  center <- mean(means[1:m])
  if (kind == "xbar-r") {
    disp <- vapply(groups, function(g) max(g) - min(g), numeric(1))
    dbar <- mean(disp[1:m])
    sigma <- dbar / d2(n)
    factor_sd <- d3(n) / d2(n)
    sec_lcl <- max(0, dbar * (1 - 3 * factor_sd))
    sec_ucl <- dbar * (1 + 3 * factor_sd)
    sec_name <- "r"
  } else {
    disp <- vapply(groups, sd, numeric(1))
    dbar <- mean(disp[1:m])
    sigma <- dbar / c4(n)
    # sd of S is sigma sqrt(1 - c4^2)
    sec_lcl <- max(0, dbar - 3 * sigma * sqrt(1 - c4(n)^2))
    sec_ucl <- dbar + 3 * sigma * sqrt(1 - c4(n)^2)
    sec_name <- "s"
  }
  sigma_mean <- sigma / sqrt(n)
  lcl <- center - 3 * sigma_mean
  ucl <- center + 3 * sigma_mean
  k <- length(groups)
  signals <- shewhart_signals(rules, means, rep(center, k), rep(sigma_mean, k))
  list(chart = kind, subgroups = k, phase1 = m, center = center, lcl = lcl, ucl = ucl, sigma = sigma,
       secondary = list(chart = sec_name, center = dbar, lcl = sec_lcl, ucl = sec_ucl,
                        points = secondary_points(labels, disp, sec_lcl, sec_ucl)),
       points = point_list(labels, means, rep(lcl, k), rep(ucl, k), signals))
}

imr_chart <- function(x, labels, m, rules) {
  mr <- abs(diff(x))
  mrbar <- mean(mr[1:(m - 1)])
  sigma <- mrbar / d2(2)
  center <- mean(x[1:m])
  lcl <- center - 3 * sigma
  ucl <- center + 3 * sigma
  k <- length(x)
  # moving ranges of two: D3 = 0, D4 = 1 + 3 d3(2)/d2(2)
  sec_ucl <- mrbar * (1 + 3 * d3(2) / d2(2))
  signals <- shewhart_signals(rules, x, rep(center, k), rep(sigma, k))
  list(chart = "imr", subgroups = k, phase1 = m, center = center, lcl = lcl, ucl = ucl, sigma = sigma,
       secondary = list(chart = "mr", center = mrbar, lcl = 0, ucl = sec_ucl,
                        points = secondary_points(labels[-1], mr, 0, sec_ucl)),
       points = point_list(labels, x, rep(lcl, k), rep(ucl, k), signals))
}

# phase-I grand mean and within sigma (MR-bar/d2(2) for individuals, R-bar/d2(n) for subgroups)
time_weighted_baseline <- function(groups, m) {
  n <- length(groups[[1]])
  means <- vapply(groups, mean, numeric(1))
  if (n == 1) {
    sigma <- mean(abs(diff(means[1:m]))) / d2(2)
  } else {
    sigma <- mean(vapply(groups[1:m], function(g) max(g) - min(g), numeric(1))) / d2(n)
  }
  list(means = means, mu0 = mean(means[1:m]), sigma = sigma, sigma_mean = sigma / sqrt(n))
}

ewma_chart <- function(groups, labels, m, rules, lambda = 0.2, L = 3) {
  b <- time_weighted_baseline(groups, m)
  k <- length(groups)
  z <- numeric(k)
  previous <- b$mu0
  for (i in seq_len(k)) {
    z[i] <- lambda * b$means[i] + (1 - lambda) * previous
    previous <- z[i]
  }
  i <- seq_len(k)
  half <- L * b$sigma_mean * sqrt(lambda / (2 - lambda) * (1 - (1 - lambda)^(2 * i)))
  lcl <- b$mu0 - half
  ucl <- b$mu0 + half
  check_clear_of_limits(z, lcl, ucl)
  asymptotic <- L * b$sigma_mean * sqrt(lambda / (2 - lambda))
  signals <- beyond_signals(rules, z > ucl | z < lcl)
  list(chart = "ewma", subgroups = k, phase1 = m, center = b$mu0, lcl = b$mu0 - asymptotic,
       ucl = b$mu0 + asymptotic, sigma = b$sigma, points = point_list(labels, z, lcl, ucl, signals))
}

cusum_chart <- function(groups, labels, m, rules, k_ref = 0.5, h = 4) {
  b <- time_weighted_baseline(groups, m)
  K <- k_ref * b$sigma_mean
  H <- h * b$sigma_mean
  k <- length(groups)
  upper <- numeric(k)
  lower <- numeric(k)
  cu <- 0
  cl <- 0
  for (i in seq_len(k)) {
    cu <- max(0, b$means[i] - (b$mu0 + K) + cu)
    cl <- max(0, (b$mu0 - K) - b$means[i] + cl)
    upper[i] <- cu
    lower[i] <- cl
  }
  check_clear_of_limits(c(upper, lower), -H, H)
  signals <- beyond_signals(rules, upper > H | lower > H)
  list(chart = "cusum", subgroups = k, phase1 = m, center = 0, lcl = -H, ucl = H, sigma = b$sigma,
       secondary = list(chart = "cusum-lower", center = 0, lcl = -H, ucl = H,
                        points = secondary_points(labels, -lower, -H, H)),
       points = point_list(labels, upper, rep(-H, k), rep(H, k), signals))
}

attribute_chart <- function(kind, counts, sizes, labels, m, rules) {
  k <- length(counts)
  if (kind == "p" || kind == "u") {
    rate <- sum(counts[1:m]) / sum(sizes[1:m])
    spread <- if (kind == "p") rate * (1 - rate) else rate
    s_point <- sqrt(spread / sizes)
    s_chart <- sqrt(spread / mean(sizes[1:m]))
    cap <- if (kind == "p") 1 else Inf
    values <- counts / sizes
    lcl <- pmax(0, rate - 3 * s_point)
    ucl <- pmin(cap, rate + 3 * s_point)
    center <- rate
    chart_lcl <- max(0, rate - 3 * s_chart)
    chart_ucl <- min(cap, rate + 3 * s_chart)
    sigma <- s_chart
  } else {
    n <- sizes[1]
    center <- if (kind == "np") sum(counts[1:m]) / m else mean(counts[1:m])
    sigma <- if (kind == "np") sqrt(center * (1 - center / n)) else sqrt(center)
    s_point <- rep(sigma, k)
    values <- counts
    chart_lcl <- max(0, center - 3 * sigma)
    chart_ucl <- center + 3 * sigma
    lcl <- rep(chart_lcl, k)
    ucl <- rep(chart_ucl, k)
  }
  signals <- shewhart_signals(rules, values, rep(center, k), s_point)
  list(chart = kind, subgroups = k, phase1 = m, center = center, lcl = chart_lcl, ucl = chart_ucl,
       sigma = sigma, points = point_list(labels, values, lcl, ucl, signals))
}

# ---------------------------------------------------------------------------------------------
# Capability (Montgomery ch. 8; NIST 6.1.6; Bissell 1990; ISO 22514-2 percentile method)
# ---------------------------------------------------------------------------------------------

ad <- function(x) {
  test <- ad.test(x)
  n <- length(x)
  a2_star <- unname(test$statistic) * (1 + 0.75 / n + 2.25 / n^2)
  # nortest stops its p-value formula at A*2 = 10; the Java code carries it on, so keep clear of it
  if (a2_star >= 10) stop("A*2 >= 10: choose less extreme data")
  list(a2 = a2_star, p = test$p.value)
}

box_cox <- function(x, lambda) if (lambda == 0) log(x) else expm1(lambda * log(x)) / lambda

# Box-Cox exponent in [-5, 5] maximising the profile log-likelihood
#   l(lambda) = -n/2 log(sigma_hat^2(lambda)) + (lambda - 1) sum(log x)
box_cox_lambda <- function(x) {
  n <- length(x)
  profile <- function(lambda) {
    y <- box_cox(x, lambda)
    -n / 2 * log(mean((y - mean(y))^2)) + (lambda - 1) * sum(log(x))
  }
  rough <- optimize(profile, c(-5, 5), maximum = TRUE, tol = 1e-10)$maximum
  # optimize cannot place a flat maximum closer than about sqrt(eps); polish on the score,
  # d l / d lambda = -n/2 (d sigma^2/d lambda)/sigma^2 + sum(log x), with
  # d y / d lambda = (x^lambda log x - y)/lambda
  score <- function(lambda) {
    y <- box_cox(x, lambda)
    dy <- (x^lambda * log(x) - y) / lambda
    yc <- y - mean(y)
    -n / 2 * (2 * mean(yc * (dy - mean(dy)))) / mean(yc^2) + sum(log(x))
  }
  uniroot(score, rough + c(-1e-3, 1e-3), tol = 1e-15)$root
}

capability <- function(x, sigma_within, lsl, usl, target) {
  n <- length(x)
  xbar <- mean(x)
  s <- sd(x)
  two_sided <- !is.null(lsl) && !is.null(usl)
  potential <- function(sig, lo = lsl, hi = usl) if (two_sided) (hi - lo) / (6 * sig) else NULL
  performance <- function(m, sig, lo = lsl, hi = usl) min(if (!is.null(hi)) (hi - m) / (3 * sig) else Inf,
                                                           if (!is.null(lo)) (m - lo) / (3 * sig) else Inf)
  cp <- potential(sigma_within)
  cpk <- performance(xbar, sigma_within)
  pp <- potential(s)
  ppk <- performance(xbar, s)
  cpm <- if (two_sided && !is.null(target)) (usl - lsl) / (6 * sqrt(s^2 + (xbar - target)^2)) else NULL
  chi <- function(index) if (is.null(index)) NULL else
    as.list(index * sqrt(qchisq(c(0.025, 0.975), n - 1) / (n - 1)))
  bissell <- function(index) as.list(index + c(-1, 1) * qnorm(0.975) * sqrt(1 / (9 * n) + index^2 / (2 * (n - 1))))
  normal <- ad(x)
  rejected <- normal$p < 0.05
  method <- "normal"
  non_normal <- NULL
  if (rejected) {
    limits_positive <- (is.null(lsl) || lsl > 0) && (is.null(usl) || usl > 0)
    if (all(x > 0) && limits_positive) {
      lambda <- box_cox_lambda(x)
      y <- box_cox(x, lambda)
      if (ad(y)$p >= 0.05) {
        t_lsl <- if (is.null(lsl)) NULL else box_cox(lsl, lambda)
        t_usl <- if (is.null(usl)) NULL else box_cox(usl, lambda)
        method <- "box-cox"
        non_normal <- list(pp = potential(sd(y), t_lsl, t_usl), ppk = performance(mean(y), sd(y), t_lsl, t_usl),
                           lambda = lambda)
      }
    }
    if (is.null(non_normal)) {
      q <- unname(quantile(x, c(0.00135, 0.5, 0.99865), type = 7))
      method <- "percentile"
      ppk_p <- min(if (!is.null(usl)) (usl - q[2]) / (q[3] - q[2]) else Inf,
                   if (!is.null(lsl)) (q[2] - lsl) / (q[2] - q[1]) else Inf)
      non_normal <- list(pp = if (two_sided) (usl - lsl) / (q[3] - q[1]) else NULL, ppk = ppk_p, lambda = NULL)
    }
  }
  result <- list(cp = cp, cpk = cpk, pp = pp, ppk = ppk, cpm = cpm, method = method, n = n, mean = xbar,
                 sigmaWithin = sigma_within, sigmaOverall = s,
                 confidence95 = list(cp = chi(cp), cpk = bissell(cpk), pp = chi(pp), ppk = bissell(ppk)),
                 normality = list(test = "anderson-darling", a2 = normal$a2, pValue = normal$p, rejected = rejected))
  if (!is.null(non_normal)) result$nonNormal <- non_normal
  result
}

# ---------------------------------------------------------------------------------------------
# JSON and CSV output
# ---------------------------------------------------------------------------------------------

json <- function(v, indent = "") {
  inner <- paste0(indent, "  ")
  if (is.null(v)) return("null")
  if (is.list(v)) {
    if (length(v) == 0) return(if (is.null(names(v))) "[]" else "{}")
    items <- vapply(v, json, character(1), indent = inner)
    if (is.null(names(v))) {
      if (all(!grepl("\n", items)) && sum(nchar(items)) < 100) return(paste0("[", paste(items, collapse = ", "), "]"))
      return(paste0("[\n", inner, paste(items, collapse = paste0(",\n", inner)), "\n", indent, "]"))
    }
    keys <- paste0("\"", names(v), "\": ", items)
    if (sum(nchar(keys)) < 160 && all(!grepl("\n", items))) return(paste0("{", paste(keys, collapse = ", "), "}"))
    return(paste0("{\n", inner, paste(keys, collapse = paste0(",\n", inner)), "\n", indent, "}"))
  }
  stopifnot(length(v) == 1)
  if (is.character(v)) return(paste0("\"", v, "\""))
  if (is.logical(v)) return(if (v) "true" else "false")
  if (is.integer(v)) return(sprintf("%d", v))
  if (!is.finite(v)) stop("not a finite number")
  sprintf("%.17g", v)
}

write_variables <- function(case, labels, groups, decimals) {
  rows <- unlist(lapply(seq_along(groups), function(i)
    sprintf(paste0("%s,%.", decimals, "f"), labels[i], groups[[i]])))
  path <- file.path(out_dir, paste0(case, ".csv"))
  writeLines(c("subgroup,value", rows), path)
  # read back what was written, so the figures are those of the file's decimal values
  data <- read.csv(path, colClasses = c("character", "numeric"))
  unname(split(data$value, factor(data$subgroup, levels = unique(data$subgroup))))
}

write_attributes <- function(case, labels, counts, sizes) {
  path <- file.path(out_dir, paste0(case, ".csv"))
  writeLines(c("subgroup,count,size", sprintf("%s,%d,%s", labels, counts, format(sizes, trim = TRUE))), path)
  read.csv(path, colClasses = c("character", "numeric", "numeric"))
}

write_expected <- function(case, arguments, chart, cap = NULL) {
  chart <- c(list(arguments = arguments), chart)
  chart$subgroups <- as.integer(chart$subgroups)
  chart$phase1 <- as.integer(chart$phase1)
  if (!is.null(cap)) {
    cap$n <- as.integer(cap$n)
    chart$capability <- cap
  }
  writeLines(json(chart), file.path(out_dir, paste0(case, ".expected.json")))
  fired <- unlist(lapply(chart$points, function(p) if (length(p$signals)) paste0(p$subgroup, ":", paste(p$signals, collapse = "+"))))
  cat(sprintf("%-22s %-6s %3d/%3d  method=%-10s signals: %s\n", case, chart$chart, chart$phase1, chart$subgroups,
              if (is.null(cap)) "-" else cap$method, paste(fired, collapse = " ")))
  invisible(chart)
}

arguments <- function(chart, phase1 = NULL, lsl = NULL, usl = NULL, target = NULL, rules = "nelson") {
  a <- list(chart = chart, phase1 = if (is.null(phase1)) NULL else as.integer(phase1), lsl = lsl, usl = usl,
            target = target, rules = rules)
  a
}

# Subgroups whose means sit at chosen z-scores of the plotted statistic (planted run-rule
# patterns), with random within-subgroup scatter around them.
planted_groups <- function(center, sigma_mean, z, n, within_sd) {
  lapply(z, function(zi) {
    e <- rnorm(n, 0, within_sd)
    center + zi * sigma_mean + e - mean(e)
  })
}

expect_signal <- function(chart, label, rule) {
  p <- Filter(function(p) p$subgroup == label, chart$points)[[1]]
  if (!(rule %in% unlist(p$signals))) stop("planted ", rule, " did not fire at ", label)
}

expect_method <- function(cap, method) if (cap$method != method) stop("expected ", method, ", got ", cap$method)

# phase-I capability data: the measurements of the first m subgroups
phase1_values <- function(groups, m) unlist(groups[1:m])

# ---------------------------------------------------------------------------------------------
# The cases
# ---------------------------------------------------------------------------------------------

set.seed(20261125)

# xbar-r, n = 5: bore diameter, phase I 25, phase II with a shift (Nelson 2), a point beyond 3 sigma
# (Nelson 1) and a six-point trend (Nelson 3); two-sided specification with target.
local({
  n <- 5; sd0 <- 0.012
  phase <- lapply(1:25, function(i) rnorm(n, 25.002, sd0))
  sigma_mean <- mean(vapply(phase, function(g) max(g) - min(g), 0)) / d2(n) / sqrt(n)
  z2 <- c(0.6, 1.2, 0.4, 1.7, 0.8, 0.5, 1.4, 0.9, 0.7, 0.3,   # 26-35: nine in a row above
          3.6,                                                  # 36: beyond 3 sigma
          -0.4, -1.5, -1.0, -0.5, 0.1, 0.6, 1.1,                # 37-43: six increasing
          -0.2, 0.5)
  groups <- c(phase, planted_groups(mean(vapply(phase, mean, 0)), sigma_mean, z2, n, sd0))
  labels <- sprintf("S%02d", seq_along(groups))
  groups <- write_variables("xbar-r-n5", labels, groups, 4)
  args <- arguments("xbar-r", 25, lsl = 24.96, usl = 25.04, target = 25.0)
  chart <- xbar_chart("xbar-r", groups, labels, 25, "nelson")
  expect_signal(chart, "S34", "NELSON_2"); expect_signal(chart, "S36", "NELSON_1")
  expect_signal(chart, "S43", "NELSON_3")
  write_expected("xbar-r-n5", args, chart, capability(phase1_values(groups, 25), chart$sigma, 24.96, 25.04, 25.0))
})

# xbar-r, n = 25 (beyond the usual tables): Western Electric 2, 3 and 4 planted; upper limit only.
local({
  n <- 25; sd0 <- 0.8
  phase <- lapply(1:20, function(i) rnorm(n, 42.0, sd0))
  z2 <- c(2.4, 0.5, 2.3,                         # 21-23: two of three beyond 2 sigma
          -0.2, -1.4, -1.6, 0.4, -1.3, -1.8,     # 24-29: four of five beyond 1 sigma below
          -0.3, -0.7, -0.2, -0.9, -0.5, -0.4,    # 30-35: eight in a row below (from 28)
          0.6, -0.8)
  groups <- c(phase, planted_groups(mean(vapply(phase, mean, 0)),
                                    mean(vapply(phase, function(g) max(g) - min(g), 0)) / d2(n) / sqrt(n), z2, n, sd0))
  labels <- as.character(seq_along(groups))
  groups <- write_variables("xbar-r-n25", labels, groups, 3)
  args <- arguments("xbar-r", 20, usl = 45.0, rules = "western-electric")
  chart <- xbar_chart("xbar-r", groups, labels, 20, "western-electric")
  expect_signal(chart, "23", "WE_2"); expect_signal(chart, "29", "WE_3"); expect_signal(chart, "35", "WE_4")
  write_expected("xbar-r-n25", args, chart, capability(phase1_values(groups, 20), chart$sigma, NULL, 45.0, NULL))
})

# xbar-s, n = 7: alternation (Nelson 4) and a mixture (Nelson 8) planted; lower limit only.
local({
  n <- 7; sd0 <- 0.05
  phase <- lapply(1:25, function(i) rnorm(n, 10.0, sd0))
  alternating <- c(0.6, -0.5, 0.7, -0.4, 0.3, -0.8, 0.5, -0.6, 0.9, -0.3, 0.4, -0.7, 0.8, -0.2)
  mixture <- c(1.5, -1.4, -1.6, 1.3, 1.8, -1.2, 1.4, -1.7)
  z2 <- c(alternating, 0.1, 0.2, mixture, 0.0, 0.3)  # 26-39, 40-41, 42-49, 50-51
  groups <- c(phase, planted_groups(mean(vapply(phase, mean, 0)),
                                    mean(vapply(phase, sd, 0)) / c4(n) / sqrt(n), z2, n, sd0))
  labels <- sprintf("lot-%d", seq_along(groups))
  groups <- write_variables("xbar-s-n7", labels, groups, 4)
  args <- arguments("xbar-s", 25, lsl = 9.85)
  chart <- xbar_chart("xbar-s", groups, labels, 25, "nelson")
  expect_signal(chart, "lot-39", "NELSON_4"); expect_signal(chart, "lot-49", "NELSON_8")
  write_expected("xbar-s-n7", args, chart, capability(phase1_values(groups, 25), chart$sigma, 9.85, NULL, NULL))
})

# xbar-s, n = 30, limits from all subgroups (no --phase1); two-sided specification, no target.
local({
  groups <- lapply(1:24, function(i) rnorm(30, 5.0, 0.02))
  labels <- as.character(seq_along(groups))
  groups <- write_variables("xbar-s-n30", labels, groups, 4)
  args <- arguments("xbar-s", NULL, lsl = 4.94, usl = 5.07)
  chart <- xbar_chart("xbar-s", groups, labels, 24, "nelson")
  write_expected("xbar-s-n30", args, chart, capability(phase1_values(groups, 24), chart$sigma, 4.94, 5.07, NULL))
})

# individuals: stratification (Nelson 7), two of three beyond 2 sigma (Nelson 5), four of five
# beyond 1 sigma (Nelson 6); two-sided specification with an off-centre target.
local({
  sd0 <- 0.3
  phase <- rnorm(30, 12.0, sd0)
  center <- mean(phase)
  sigma <- mean(abs(diff(phase))) / d2(2)
  z2 <- c(0.3, -0.5, 0.2, -0.1, 0.6, -0.4, 0.1, 0.7, -0.6, 0.2, -0.3, 0.5, -0.2, 0.4, -0.7,  # 31-45
          1.2, 2.5, 0.4, 2.2,                                                                # 46-49
          -1.3, -0.5, -1.6, -1.2, -1.5,                                                      # 50-54
          0.3, -0.9, 1.1)
  x <- c(phase, center + z2 * sigma)
  labels <- as.character(seq_along(x))
  x <- unlist(write_variables("imr", labels, as.list(x), 4))
  args <- arguments("imr", 30, lsl = 11.0, usl = 13.2, target = 12.1)
  chart <- imr_chart(x, labels, 30, "nelson")
  expect_signal(chart, "45", "NELSON_7"); expect_signal(chart, "49", "NELSON_5")
  expect_signal(chart, "54", "NELSON_6")
  write_expected("imr", args, chart, capability(x[1:30], chart$sigma, 11.0, 13.2, 12.1))
})

# individuals, lognormal (surface roughness Ra): normality rejected, Box-Cox capability.
local({
  x <- rlnorm(100, meanlog = 0.2, sdlog = 0.5)
  labels <- sprintf("part%03d", seq_along(x))
  x <- unlist(write_variables("imr-lognormal", labels, as.list(x), 4))
  args <- arguments("imr", 80, lsl = 0.2, usl = 6.0)
  chart <- imr_chart(x, labels, 80, "nelson")
  cap <- capability(x[1:80], chart$sigma, 0.2, 6.0, NULL)
  expect_method(cap, "box-cox")
  write_expected("imr-lognormal", args, chart, cap)
})

# individuals, exponential shifted below zero (flatness deviation): normality rejected, Box-Cox
# impossible (values at or below 0), so the percentile method; upper limit only, Western Electric.
local({
  x <- rexp(120, rate = 8) - 0.03
  labels <- as.character(seq_along(x))
  x <- unlist(write_variables("imr-percentile", labels, as.list(x), 4))
  args <- arguments("imr", 100, usl = 0.9, rules = "western-electric")
  chart <- imr_chart(x, labels, 100, "western-electric")
  cap <- capability(x[1:100], chart$sigma, NULL, 0.9, NULL)
  expect_method(cap, "percentile")
  write_expected("imr-percentile", args, chart, cap)
})

# p with varying sample sizes: per-point limits, the lower one clipped at 0 for small samples;
# a shift upward in phase II (Nelson 2).
local({
  sizes <- sample(c(40, 60, 80, 120, 160, 200, 250), 32, replace = TRUE)
  p <- c(rep(0.08, 20), rep(0.15, 10), 0.08, 0.08)
  counts <- rbinom(32, sizes, p)
  labels <- paste0("B", seq_along(sizes))
  data <- write_attributes("p-varying", labels, counts, sizes)
  args <- arguments("p", 20)
  chart <- attribute_chart("p", data$count, data$size, labels, 20, "nelson")
  lcls <- vapply(chart$points, function(q) q$lcl, 0)
  if (!(any(lcls == 0) && any(lcls > 0))) stop("p-varying should have clipped and unclipped lower limits")
  write_expected("p-varying", args, chart)
})

# np, constant size 150; a worse phase II judged by Western Electric.
local({
  counts <- rbinom(36, 150, c(rep(0.05, 25), rep(0.11, 11)))
  labels <- as.character(1:36)
  data <- write_attributes("np", labels, counts, rep(150, 36))
  args <- arguments("np", 25, rules = "western-electric")
  write_expected("np", args, attribute_chart("np", data$count, data$size, labels, 25, "western-electric"))
})

# c, one inspection unit each; a spike (Nelson 1) in phase II.
local({
  counts <- c(rpois(28, 6), 17, rpois(5, 6))
  labels <- sprintf("panel-%02d", 1:34)
  data <- write_attributes("c", labels, counts, rep(1, 34))
  args <- arguments("c", 22)
  chart <- attribute_chart("c", data$count, data$size, labels, 22, "nelson")
  expect_signal(chart, "panel-29", "NELSON_1")
  write_expected("c", args, chart)
})

# u with varying, fractional inspection units (square metres of sheet).
local({
  sizes <- sample(c(0.5, 1, 1.5, 2, 2.5, 3.25), 30, replace = TRUE)
  counts <- rpois(30, c(rep(4, 20), rep(7, 10)) * sizes)
  labels <- sprintf("sheet%02d", 1:30)
  data <- write_attributes("u-varying", labels, counts, sizes)
  args <- arguments("u", 20, rules = "western-electric")
  write_expected("u-varying", args, attribute_chart("u", data$count, data$size, labels, 20, "western-electric"))
})

# EWMA on subgroups of 4: a small sustained shift (0.8 sigma of the mean) from subgroup 26.
local({
  groups <- lapply(1:40, function(i) rnorm(4, 8.0 + if (i > 25) 0.8 * 0.02 / 2 else 0, 0.02))
  labels <- as.character(seq_along(groups))
  groups <- write_variables("ewma-n4", labels, groups, 4)
  args <- arguments("ewma", 20, lsl = 7.94, usl = 8.06, target = 8.0)
  chart <- ewma_chart(groups, labels, 20, "nelson")
  write_expected("ewma-n4", args, chart, capability(phase1_values(groups, 20), chart$sigma, 7.94, 8.06, 8.0))
})

# EWMA on individuals: a shift downward of one sigma from point 31; Western Electric.
local({
  x <- rnorm(50, 100, 2) - c(rep(0, 30), rep(2, 20))
  labels <- as.character(seq_along(x))
  groups <- write_variables("ewma-individuals", labels, as.list(x), 2)
  args <- arguments("ewma", 25, rules = "western-electric")
  write_expected("ewma-individuals", args, ewma_chart(groups, labels, 25, "western-electric"))
})

# CUSUM on subgroups of 3: the mean falls by one sigma of the mean from subgroup 26, so the lower
# sum (plotted negative on the secondary chart) crosses -H.
local({
  groups <- lapply(1:40, function(i) rnorm(3, 3.5 - if (i > 25) 0.01 / sqrt(3) else 0, 0.01))
  labels <- as.character(seq_along(groups))
  groups <- write_variables("cusum-n3", labels, groups, 5)
  args <- arguments("cusum", 20, lsl = 3.46)
  chart <- cusum_chart(groups, labels, 20, "nelson")
  if (!any(vapply(chart$secondary$points, function(q) q$value < q$lcl, TRUE))) stop("lower CUSUM should signal")
  write_expected("cusum-n3", args, chart, capability(phase1_values(groups, 20), chart$sigma, 3.46, NULL, NULL))
})

# CUSUM on individuals: an upward drift from point 36.
local({
  x <- rnorm(60, 50, 1) + c(rep(0, 35), rep(1.2, 25))
  labels <- as.character(seq_along(x))
  groups <- write_variables("cusum-individuals", labels, as.list(x), 3)
  args <- arguments("cusum", 30, rules = "none")
  write_expected("cusum-individuals", args, cusum_chart(groups, labels, 30, "none"))
})

cat("R", R.version$major, ".", R.version$minor, ", nortest ", format(packageVersion("nortest")), "\n", sep = "")
