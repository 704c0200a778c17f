package com.billingrecon.finance;

import com.billingrecon.domain.Amounts;
import java.math.BigDecimal;

/** Text and numbers as the page writes them. */
final class Html {

    private Html() {
    }

    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** An amount in the reports' shortest plain form. */
    static String amount(BigDecimal value) {
        return Amounts.format(value);
    }
}
