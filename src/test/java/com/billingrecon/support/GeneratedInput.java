package com.billingrecon.support;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated input folder with as many CDR rows a day as a test needs (several chunks, or enough to
 * run for many seconds), and some of everything else: nine accounts (three per invoicing mode), rejected rows,
 * duplicates, ONGOING CDRs completed the next day, charges (one a credit) and payments each day. The same
 * arguments always give the same bytes.
 */
public final class GeneratedInput {

    private static final String[] MODES = {"CONSOLIDATED_MONTHLY", "INDIVIDUAL_AND_MONTHLY", "NO_INVOICE"};

    private GeneratedInput() {
    }

    /** Writes accounts.csv and the cdr, charges and payments files of {@code days} days from {@code first}. */
    public static void write(Path dir, LocalDate first, int days, int cdrsPerDay) throws IOException {
        Files.createDirectories(dir);
        List<String> accounts = new ArrayList<>(
                List.of("account_id,name,currency,invoicing_mode,credit_limit,tax_rate"));
        for (int a = 1; a <= 9; a++) {
            accounts.add(account(a) + ",Customer " + a + ",SGD," + MODES[(a - 1) % 3] + ",500,0.09");
        }
        Files.write(dir.resolve("accounts.csv"), accounts, StandardCharsets.UTF_8);
        List<String> completedNextDay = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            LocalDate day = first.plusDays(d);
            List<String> ongoing = new ArrayList<>();
            try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("cdr-" + day + ".csv"),
                    StandardCharsets.UTF_8)) {
                out.write("cdr_id,account_id,type,start_time,duration_s,amount,currency,status\n");
                for (String row : completedNextDay) {
                    out.write(row);
                    out.write('\n');
                }
                for (int k = 0; k < cdrsPerDay; k++) {
                    String id = "C" + day.toString().replace("-", "") + "-" + k;
                    String accountId = k % 997 == 13 ? "X99" : account(k % 9 + 1);
                    String start = day.minusDays(k % 2) + "T" + two(k % 24) + ":" + two(k / 24 % 60) + ":"
                            + two(k / 1440 % 60) + "Z";
                    String type = k % 3 == 0 ? "SMS" : "CALL";
                    String amount = "0." + String.format("%04d", k * 37 % 10000);
                    String prefix = id + "," + accountId + "," + type + "," + start + "," + (k % 600) + "," + amount
                            + ",SGD,";
                    String row = prefix + (k % 50 == 7 ? "ONGOING" : "COMPLETED");
                    out.write(row);
                    out.write('\n');
                    if (k % 701 == 5) {
                        out.write(row);
                        out.write('\n');
                    }
                    if (k % 50 == 7 && !accountId.equals("X99")) {
                        ongoing.add(prefix + "COMPLETED");
                    }
                }
            }
            completedNextDay = ongoing;
            List<String> charges = new ArrayList<>(
                    List.of("charge_id,account_id,type,charge_date,amount,currency,description"));
            String[] types = {"ADDON", "SERVICE", "HARDWARE", "SUBSCRIPTION"};
            for (int j = 0; j < 6; j++) {
                charges.add("CH" + day.toString().replace("-", "") + "-" + j + "," + account(j % 9 + 1) + ","
                        + types[j % 4] + "," + day + "," + (10 + j) + ".25,SGD,\"Charge " + j + ", monthly\"");
            }
            charges.add("CR" + day.toString().replace("-", "") + ",A02,SERVICE," + day + ",-3.5,SGD,Goodwill");
            Files.write(dir.resolve("charges-" + day + ".csv"), charges, StandardCharsets.UTF_8);
            List<String> payments = new ArrayList<>(
                    List.of("payment_id,account_id,payment_date,amount,currency,method,invoice_ref"));
            for (int j = 0; j < 4; j++) {
                payments.add("P" + day.toString().replace("-", "") + "-" + j + "," + account(j + 1) + "," + day
                        + "," + (20 + 7 * j) + ".5,SGD,GIRO,");
            }
            payments.add("P" + day.toString().replace("-", "") + "-x,A05," + day + ",0,SGD,CARD,");
            Files.write(dir.resolve("payments-" + day + ".csv"), payments, StandardCharsets.UTF_8);
        }
    }

    private static String account(int n) {
        return "A0" + n;
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }
}
