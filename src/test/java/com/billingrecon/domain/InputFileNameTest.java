package com.billingrecon.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputFileNameTest {

    @Test
    void accountsCsvIsTheAccountMasterWithoutDate() {
        InputFileName name = InputFileName.parse("accounts.csv").orElseThrow();

        assertThat(name.kind()).isEqualTo(FileKind.ACCOUNTS);
        assertThat(name.businessDate()).isNull();
        assertThat(name.orderKey()).isEqualTo("accounts");
    }

    @Test
    void datedNamesGiveKindAndBusinessDate() {
        assertThat(InputFileName.parse("cdr-2026-10-05.csv"))
                .contains(new InputFileName("cdr-2026-10-05.csv", FileKind.CDR, LocalDate.of(2026, 10, 5)));
        assertThat(InputFileName.parse("charges-2024-02-29.csv").map(InputFileName::kind)).contains(FileKind.CHARGES);
        assertThat(InputFileName.parse("payments-2026-01-31.csv").map(InputFileName::kind)).contains(FileKind.PAYMENTS);
    }

    @Test
    void anyNonEmptySuffixAfterADashIsAllowed() {
        InputFileName name = InputFileName.parse("cdr-2026-10-05-night.run.2.csv").orElseThrow();

        assertThat(name.businessDate()).isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(name.orderKey()).isEqualTo("cdr-2026-10-05-night.run.2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cdr-2026-02-30.csv", "cdr-2025-02-29.csv", "cdr-2026-13-01.csv", "cdr-2026-00-10.csv",
            "CDR-2026-10-05.csv", "cdr-2026-10-05.CSV", "Accounts.csv", "accounts.CSV", "cdr-2026-10-05-.csv",
            "cdr-2026-10-05_b.csv", "cdr-2026-10-5.csv", "cdr-20261005.csv", "cdr-2026-10-05.txt", "cdr-.csv",
            "cdr.csv", "usage-2026-10-05.csv", "accounts-2026-10-05.csv", "accounts.csv.bak", "cdr-2026-1a-05.csv", ""})
    void otherNamesAreUnrecognized(String name) {
        assertThat(InputFileName.parse(name)).isEqualTo(Optional.empty());
    }

    @Test
    void filesAreProcessedByDateThenByNameWithoutCsvInPlainCharacterOrder() {
        List<String> shuffled = List.of("payments-2026-10-05.csv", "charges-2026-10-05.csv", "cdr-2026-10-05-b.csv",
                "cdr-2026-10-06.csv", "cdr-2026-10-05.csv", "accounts.csv", "cdr-2026-10-05-B.csv", "charges-2026-10-04.csv");

        List<String> ordered = shuffled.stream().map(n -> InputFileName.parse(n).orElseThrow())
                .sorted(InputFileName.PROCESSING_ORDER).map(InputFileName::fileName).toList();

        // "cdr-2026-10-05" < "cdr-2026-10-05-B" < "cdr-2026-10-05-b": ".csv" is not compared, '-' < 'B' < 'b'
        assertThat(ordered).containsExactly("accounts.csv", "charges-2026-10-04.csv", "cdr-2026-10-05.csv",
                "cdr-2026-10-05-B.csv", "cdr-2026-10-05-b.csv", "charges-2026-10-05.csv", "payments-2026-10-05.csv",
                "cdr-2026-10-06.csv");
    }

    @Test
    void orderIsOnTheNameWithoutCsvNotTheWholeName() {
        // with ".csv" compared, "cdr-2026-10-05-a.csv" ('-') would sort before "cdr-2026-10-05.csv" ('.')
        InputFileName plain = InputFileName.parse("cdr-2026-10-05.csv").orElseThrow();
        InputFileName suffixed = InputFileName.parse("cdr-2026-10-05-a.csv").orElseThrow();

        assertThat(Stream.of(suffixed, plain).sorted(InputFileName.PROCESSING_ORDER)).containsExactly(plain, suffixed);
    }
}
