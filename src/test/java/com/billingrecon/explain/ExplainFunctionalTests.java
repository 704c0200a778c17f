package com.billingrecon.explain;

import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.cli.BillingRecon;
import com.billingrecon.job.ExitCode;
import com.billingrecon.db.RunLock;
import com.billingrecon.support.InputFiles;
import com.billingrecon.support.Ledger;
import com.billingrecon.support.Report;
import com.billingrecon.support.Run;
import com.billingrecon.support.SampleRun;
import com.billingrecon.support.Sql;
import com.billingrecon.support.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code explain} on the ledger of the sample data: for one account of each invoicing mode, on month closes and
 * ordinary days, the figures recomputed from the trail are that day's balances.csv row.
 */
class ExplainFunctionalTests {

    private static final List<String> ACCOUNTS = List.of("ACC-1001", "ACC-1002", "ACC-1003");
    private static final List<String> DAYS = List.of("2026-08-28", "2026-09-01", "2026-09-15", "2026-10-01",
            SampleRun.RUN_DATE);
    private static final String BALANCES_COLUMNS = "account_id,currency,invoicing_mode,credit_limit,reserved_credits,"
            + "usable_credits,expecting_invoice,amount_due,amount_due_side,current_balance,current_balance_side,status";

    private final SampleRun samples = SampleRun.get();

    @TempDir
    Path work;

    /** What a command printed on stdout and stderr, with its exit code. */
    private record Outcome(ExitCode exit, String stdout, String stderr) {
    }

    @Test
    void theFiguresRecomputedFromTheTrailAreThatDaysBalancesCsvRowForEachInvoicingMode() throws IOException {
        for (String account : ACCOUNTS) {
            for (String day : DAYS) {
                Outcome outcome = explain(samples.dbUrl(), "--account=" + account, "--as-of=" + day, "--format=csv");
                assertThat(outcome.exit()).as("%s %s: %s", account, day, outcome.stderr()).isEqualTo(ExitCode.DONE);
                List<String[]> figures = csv(outcome.stdout()).stream().filter(r -> r[0].equals("figure")).toList();
                Map<String, String> row = Report.balances(samples.output(), day).account(account);
                assertThat(figures.stream().map(f -> f[1]).toList()).isEqualTo(List.of(BALANCES_COLUMNS.split(",")));
                for (String[] figure : figures) {
                    assertThat(figure[6]).as("%s %s %s from the trail", account, day, figure[1])
                            .isEqualTo(row.get(figure[1]));
                    assertThat(figure[8]).isEqualTo("true");
                }
            }
        }
    }

    @Test
    void theTrailListsEveryInvoiceOfTheRegisterWithItsTotalAndOpenAmountAndThePaymentsBehindThem() throws IOException {
        String day = "2026-10-01";
        Outcome outcome = explain(samples.dbUrl(), "--account=ACC-1002", "--as-of=" + day, "--format=csv");
        List<String[]> rows = csv(outcome.stdout());
        List<String> invoices = new ArrayList<>();
        for (String[] r : rows) {
            if (r[0].equals("invoice")) {
                invoices.add(r[1] + " " + r[6] + " open " + r[9].replaceAll(".*open ([^,]+),.*", "$1"));
            }
        }
        List<String> register = Report.invoices(samples.output(), day).rows().stream()
                .filter(i -> i.get("account_id").equals("ACC-1002"))
                .map(i -> i.get("invoice_no") + " " + i.get("total") + " open " + i.get("open")).toList();
        assertThat(invoices).containsExactlyInAnyOrderElementsOf(register);
        assertThat(rows.stream().filter(r -> r[0].equals("payment")).map(r -> r[1]).toList()).contains("PAY-0005");
        assertThat(rows.stream().filter(r -> r[0].equals("invoice_line")).toList()).isNotEmpty();
    }

    @Test
    void textAndJsonSayTheSameFiguresAndCheckThemAgainstTheWrittenBalancesCsvWithOutputDir() {
        Outcome text = explain(samples.dbUrl(), "--account=ACC-1003", "--as-of=2026-09-15",
                "--output-dir=" + samples.output());
        assertThat(text.exit()).isEqualTo(ExitCode.DONE);
        assertThat(text.stdout()).contains("Account ACC-1003", "Unbilled items", "Payments received",
                "nightly-2026-09-15", "Every figure recomputed from the trail equals the balance row.");

        Outcome json = explain(samples.dbUrl(), "--account=ACC-1003", "--as-of=2026-09-15", "--format=json");
        assertThat(json.exit()).isEqualTo(ExitCode.DONE);
        assertThat(json.stdout()).startsWith("{\"agrees\":true,\"account\":{\"accountId\":\"ACC-1003\"");
        Matcher row = Pattern.compile("\"balanceRow\":\\[([^\\]]*)]").matcher(json.stdout());
        assertThat(row.find()).isTrue();
        assertThat(row.group(1).replace("\"", "")).isEqualTo(String.join(",", Report.values(
                Report.balances(samples.output(), "2026-09-15").account("ACC-1003"), BALANCES_COLUMNS.split(","))));
    }

    @Test
    void explainChangesNothingAndRefusesClearlyWhileARunHoldsTheDatabase() throws Exception {
        Map<String, String> before = Ledger.contents(samples.dbUrl());
        assertThat(explain(samples.dbUrl(), "--account=ACC-1001", "--as-of=2026-10-01").exit()).isEqualTo(ExitCode.DONE);
        assertThat(Ledger.contents(samples.dbUrl())).isEqualTo(before);

        DriverManagerDataSource dataSource = new DriverManagerDataSource(samples.dbUrl());
        try (RunLock held = RunLock.acquire(dataSource)) {
            Outcome refused = explain(samples.dbUrl(), "--account=ACC-1001", "--as-of=2026-10-01");
            assertThat(refused.exit()).isEqualTo(ExitCode.ANOTHER_RUN);
            assertThat(refused.stdout()).isEmpty();
            assertThat(refused.stderr()).contains("another run holds this database", "nothing done");
        }
    }

    @Test
    void anUnknownAccountOrADayThatWasNotClosedIsAUsageError() {
        Outcome unknown = explain(samples.dbUrl(), "--account=NOPE", "--as-of=2026-10-01");
        assertThat(unknown.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.stderr()).contains("no account NOPE");
        Outcome notClosed = explain(samples.dbUrl(), "--account=ACC-1001", "--as-of=2027-01-01");
        assertThat(notClosed.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(notClosed.stderr()).contains("2027-01-01 was not closed");
        assertThat(explain(samples.dbUrl(), "--account=ACC-1001", "--as-of=2026-13-01").exit()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void aLedgerThatNoLongerGivesTheWrittenRowIsADifferenceWithExitCode1() throws IOException {
        Path input = Files.createDirectory(work.resolve("in"));
        Path output = work.resolve("out");
        String db = TestDatabase.freshDatabaseUrl();
        InputFiles.in(input).accounts("A1,Alpha,SGD,CONSOLIDATED_MONTHLY,100,0.09")
                .charges("2026-10-02", "S1,A1,SUBSCRIPTION,2026-10-02,30,SGD,plan")
                .payments("2026-10-03", "P1,A1,2026-10-03,10,SGD,GIRO,");
        assertThat(Run.nightly(db, input, output, "2026-10-03")).isEqualTo(ExitCode.DONE);
        assertThat(explain(db, "--account=A1", "--as-of=2026-10-03", "--output-dir=" + output).exit())
                .isEqualTo(ExitCode.DONE);

        Sql.rows(db, "UPDATE payment SET amount = 12 WHERE payment_id = 'P1' RETURNING payment_id");
        Outcome changed = explain(db, "--account=A1", "--as-of=2026-10-03", "--output-dir=" + output);

        assertThat(changed.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(changed.stderr()).contains("differs from the balance row");
        assertThat(changed.stdout()).contains("amount_due", "DIFFERS", "DIFFERENCE");
    }

    private static Outcome explain(String dbUrl, String... args) {
        List<String> command = new ArrayList<>(List.of("explain", "--db-url=" + dbUrl, "--db-user=postgres"));
        command.addAll(List.of(args));
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            ExitCode exit = BillingRecon.run(command.toArray(String[]::new));
            return new Outcome(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static List<String[]> csv(String text) throws IOException {
        try (com.opencsv.CSVReader reader = new com.opencsv.CSVReader(new StringReader(text))) {
            List<String[]> rows = reader.readAll();
            assertThat(String.join(",", rows.get(0))).isEqualTo(
                    "section,item,period,type,date,count,amount,balance_row,agrees,detail");
            return rows.subList(1, rows.size());
        } catch (com.opencsv.exceptions.CsvException e) {
            throw new IOException(e);
        }
    }
}
