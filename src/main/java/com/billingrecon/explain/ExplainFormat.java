package com.billingrecon.explain;

import java.io.IOException;
import java.io.Writer;

/** The forms an explanation is written in: text for a person, JSON and CSV for tools. */
public enum ExplainFormat {
    TEXT, JSON, CSV;

    public void write(Explanation explanation, Writer out) throws IOException {
        switch (this) {
            case TEXT -> out.write(TextFormat.write(explanation));
            case JSON -> out.write(JsonFormat.write(explanation));
            case CSV -> CsvFormat.write(explanation, out);
        }
        out.flush();
    }
}
