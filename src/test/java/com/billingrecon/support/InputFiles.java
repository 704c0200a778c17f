package com.billingrecon.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes the input files of a test: a header row and the given rows with LF line ends, or exact text or bytes. */
public final class InputFiles {

    public static final String ACCOUNTS = "account_id,name,currency,invoicing_mode,credit_limit,tax_rate";
    public static final String CDR = "cdr_id,account_id,type,start_time,duration_s,amount,currency,status";
    public static final String CHARGES = "charge_id,account_id,type,charge_date,amount,currency,description";
    public static final String PAYMENTS = "payment_id,account_id,payment_date,amount,currency,method,invoice_ref";

    private final Path dir;

    private InputFiles(Path dir) {
        this.dir = dir;
    }

    public static InputFiles in(Path dir) {
        return new InputFiles(dir);
    }

    public Path dir() {
        return dir;
    }

    public InputFiles accounts(String... rows) {
        return write("accounts.csv", ACCOUNTS, rows);
    }

    /** {@code cdr-<date>.csv}. */
    public InputFiles cdrs(String businessDate, String... rows) {
        return write("cdr-" + businessDate + ".csv", CDR, rows);
    }

    /** {@code charges-<date>.csv}. */
    public InputFiles charges(String businessDate, String... rows) {
        return write("charges-" + businessDate + ".csv", CHARGES, rows);
    }

    /** {@code payments-<date>.csv}. */
    public InputFiles payments(String businessDate, String... rows) {
        return write("payments-" + businessDate + ".csv", PAYMENTS, rows);
    }

    public InputFiles write(String fileName, String header, String... rows) {
        List<String> lines = new ArrayList<>();
        lines.add(header);
        lines.addAll(List.of(rows));
        return lines(fileName, lines.toArray(String[]::new));
    }

    /** {@code fileName} (a path below the folder) holding {@code lines}, each ended by LF. */
    public InputFiles lines(String fileName, String... lines) {
        return text(fileName, String.join("\n", lines) + "\n");
    }

    /** {@code fileName} holding exactly {@code text} in UTF-8: byte-order marks, CRs and all. */
    public InputFiles text(String fileName, String text) {
        return bytes(fileName, text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code fileName} holding exactly {@code bytes}, e.g. text in another encoding. */
    public InputFiles bytes(String fileName, byte[] bytes) {
        try {
            Files.write(dir.resolve(fileName), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
