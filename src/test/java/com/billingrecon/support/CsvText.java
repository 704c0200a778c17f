package com.billingrecon.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The CSV text of a report, parsed by the rules it is written by, and written back in its minimal form. */
final class CsvText {

    private CsvText() {
    }

    /** RFC 4180 with LF records; a line break inside quotes is data. */
    static List<List<String>> parse(String text, Path file) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                    char next = i + 1 < text.length() ? text.charAt(i + 1) : '\n';
                    assertThat(next).as("%s: a closing quote is followed by a comma or a line end", file)
                            .isIn(',', '\n');
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                assertThat(field).as("%s: a quote may only open a field", file).isEmpty();
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                records.add(List.copyOf(fields));
                fields.clear();
            } else {
                field.append(c);
            }
            i++;
        }
        assertThat(quoted).as("%s: every quote is closed", file).isFalse();
        return records;
    }

    /** The minimal RFC 4180 form of the records, LF line ends. */
    static String write(List<List<String>> records) {
        StringBuilder out = new StringBuilder();
        for (List<String> record : records) {
            for (int c = 0; c < record.size(); c++) {
                if (c > 0) {
                    out.append(',');
                }
                String v = record.get(c);
                boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r");
                out.append(quote ? '"' + v.replace("\"", "\"\"") + '"' : v);
            }
            out.append('\n');
        }
        return out.toString();
    }
}
