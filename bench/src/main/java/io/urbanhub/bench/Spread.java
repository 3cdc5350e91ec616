package io.urbanhub.bench;

import java.util.List;

/** One number measured in several runs: its mean and how far the runs lie apart. */
record Spread(double mean, double min, double max, double stdev, List<Double> runs) {

    static Spread of(List<Double> runs) {
        double mean = runs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double variance = runs.stream().mapToDouble(run -> (run - mean) * (run - mean)).sum() / Math.max(1, runs.size() - 1);
        return new Spread(mean, runs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                runs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN), Math.sqrt(variance), List.copyOf(runs));
    }

    String format(String unit) {
        String suffix = unit.isEmpty() ? "" : " " + unit;
        return String.format(java.util.Locale.ROOT, "%.1f%s (min %.1f, max %.1f, sd %.1f, %d runs)", mean, suffix, min, max,
                stdev, runs.size());
    }
}
