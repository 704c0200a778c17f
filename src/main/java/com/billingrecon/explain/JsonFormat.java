package com.billingrecon.explain;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Collection;

/**
 * An explanation as JSON, for tools: records become objects with their component names, lists arrays. Amounts
 * are strings in the reports' plain form, so that no reader turns them into binary floating point.
 */
final class JsonFormat {

    private JsonFormat() {
    }

    static String write(Explanation explanation) {
        StringBuilder out = new StringBuilder();
        out.append("{\"agrees\":").append(explanation.agrees());
        object(explanation, out, false);
        return out.append('\n').toString();
    }

    private static void value(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Record record) {
            out.append('{');
            object(record, out, true);
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                out.append(first ? "" : ",");
                value(item, out);
                first = false;
            }
            out.append(']');
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value instanceof BigDecimal amount ? string(com.billingrecon.domain.Amounts.format(amount))
                    : value.toString());
        } else {
            out.append(string(value.toString()));
        }
    }

    /** The components of a record, then the closing brace; the opening one (and any member before) is the caller's. */
    private static void object(Record record, StringBuilder out, boolean first) {
        boolean none = first;
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            out.append(none ? "" : ",").append(string(component.getName())).append(':');
            try {
                value(component.getAccessor().invoke(record), out);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component, e);
            }
            none = false;
        }
        out.append('}');
    }

    private static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
