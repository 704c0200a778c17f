package com.billingrecon.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Inline SVG charts drawn by the job, so the page needs no script and prints as it shows. Coordinates are
 * computed in exact decimals rounded to a tenth of a pixel, so the same figures always give the same bytes.
 */
final class SvgCharts {

    /** One series of values: its name, its colour, and whether it is drawn as a line instead of bars. */
    record Series(String name, String colour, List<BigDecimal> values, boolean line) {
    }

    private static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int LEFT = 90;
    private static final int TOP = 20;
    private static final int BOTTOM = 40;
    private static final BigDecimal PLOT_HEIGHT = BigDecimal.valueOf(HEIGHT - TOP - BOTTOM);
    private static final BigDecimal PLOT_WIDTH = BigDecimal.valueOf(WIDTH - LEFT - 10);

    private SvgCharts() {
    }

    /**
     * Bars (and lines) over the categories {@code labels}; every {@code labelEvery}-th label is written under
     * the axis. Negative values go below the zero line.
     */
    static String chart(String title, List<String> labels, List<Series> series, int labelEvery) {
        BigDecimal max = BigDecimal.ZERO;
        BigDecimal min = BigDecimal.ZERO;
        for (Series s : series) {
            for (BigDecimal v : s.values()) {
                max = max.max(v);
                min = min.min(v);
            }
        }
        BigDecimal range = max.subtract(min).signum() == 0 ? BigDecimal.ONE : max.subtract(min);
        BigDecimal slot = PLOT_WIDTH.divide(BigDecimal.valueOf(Math.max(1, labels.size())), 1, RoundingMode.HALF_UP);
        long bars = series.stream().filter(s -> !s.line()).count();
        BigDecimal barWidth = slot.multiply(new BigDecimal("0.8"))
                .divide(BigDecimal.valueOf(Math.max(1, bars)), 1, RoundingMode.HALF_UP);
        BigDecimal zeroY = y(BigDecimal.ZERO, min, range);

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\"><title>").append(Html.text(title)).append("</title>\n");
        svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(TOP + 4)
                .append("\" text-anchor=\"end\" class=\"axis\">").append(Html.amount(max)).append("</text>\n");
        svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(HEIGHT - BOTTOM + 4)
                .append("\" text-anchor=\"end\" class=\"axis\">").append(Html.amount(min)).append("</text>\n");
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(zeroY).append("\" x2=\"").append(WIDTH - 10)
                .append("\" y2=\"").append(zeroY).append("\" stroke=\"#444\"/>\n");
        int bar = 0;
        for (Series s : series) {
            if (s.line()) {
                svg.append("<polyline fill=\"none\" stroke=\"").append(s.colour()).append("\" stroke-width=\"2\" points=\"");
                for (int i = 0; i < s.values().size(); i++) {
                    BigDecimal x = x(i, slot).add(slot.divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP));
                    svg.append(i == 0 ? "" : " ").append(x).append(',').append(y(s.values().get(i), min, range));
                }
                svg.append("\"><title>").append(Html.text(s.name())).append("</title></polyline>\n");
                continue;
            }
            for (int i = 0; i < s.values().size(); i++) {
                BigDecimal v = s.values().get(i);
                BigDecimal top = y(v.max(BigDecimal.ZERO), min, range);
                BigDecimal height = y(v.min(BigDecimal.ZERO), min, range).subtract(top);
                BigDecimal x = x(i, slot).add(slot.multiply(new BigDecimal("0.1")).setScale(1, RoundingMode.HALF_UP))
                        .add(barWidth.multiply(BigDecimal.valueOf(bar)));
                svg.append("<rect x=\"").append(x).append("\" y=\"").append(top).append("\" width=\"").append(barWidth)
                        .append("\" height=\"").append(height).append("\" fill=\"").append(s.colour())
                        .append("\"><title>").append(Html.text(s.name() + " " + labels.get(i) + ": " + Html.amount(v)))
                        .append("</title></rect>\n");
            }
            bar++;
        }
        for (int i = 0; i < labels.size(); i += Math.max(1, labelEvery)) {
            BigDecimal x = x(i, slot).add(slot.divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP));
            svg.append("<text x=\"").append(x).append("\" y=\"").append(HEIGHT - BOTTOM + 16)
                    .append("\" text-anchor=\"middle\" class=\"axis\">").append(Html.text(labels.get(i))).append("</text>\n");
        }
        int legendX = LEFT;
        for (Series s : series) {
            svg.append("<rect x=\"").append(legendX).append("\" y=\"").append(HEIGHT - 14)
                    .append("\" width=\"10\" height=\"10\" fill=\"").append(s.colour()).append("\"/>")
                    .append("<text x=\"").append(legendX + 14).append("\" y=\"").append(HEIGHT - 5)
                    .append("\" class=\"axis\">").append(Html.text(s.name())).append("</text>\n");
            legendX += 20 + 8 * s.name().length();
        }
        return svg.append("</svg>").toString();
    }

    private static BigDecimal x(int index, BigDecimal slot) {
        return BigDecimal.valueOf(LEFT).add(slot.multiply(BigDecimal.valueOf(index)));
    }

    /** The y of a value: the top of the plot is the largest value, the bottom the smallest (or zero). */
    private static BigDecimal y(BigDecimal value, BigDecimal min, BigDecimal range) {
        BigDecimal fromBottom = value.subtract(min).multiply(PLOT_HEIGHT).divide(range, 1, RoundingMode.HALF_UP);
        return BigDecimal.valueOf(HEIGHT - BOTTOM).subtract(fromBottom);
    }
}
