package com.billingrecon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aStepShorterThanFiveSecondsLogsNoProgressLine() {
        ProgressLine progress = new ProgressLine("2026-10-01 cdr cdrRows", 1000, 0);

        assertThat(progress.advanced(500, 100, 2 * SECOND)).isEmpty();
        assertThat(progress.advanced(500, 200, 4 * SECOND)).isEmpty();
    }

    @Test
    void everyFiveSecondsALineSaysRowsSoFarTheRateAndTheTimeLeftFromTheShareOfTheFilesRead() {
        ProgressLine progress = new ProgressLine("2026-10-01 cdr cdrRows", 1000, 0);
        progress.advanced(500, 100, 2 * SECOND);

        Optional<String> line = progress.advanced(500, 250, 5 * SECOND);

        // 1,000 rows in 5 s; a quarter of the bytes read, so three times as long again
        assertThat(line).contains("2026-10-01 cdr cdrRows: 1,000 rows so far, 200 rows/s, 25% of the files read, "
                + "about 15 s left");
        assertThat(progress.advanced(500, 300, 7 * SECOND)).as("not again before five more seconds").isEmpty();
        assertThat(progress.advanced(500, 500, 10 * SECOND)).contains(
                "2026-10-01 cdr cdrRows: 2,000 rows so far, 200 rows/s, 50% of the files read, about 10 s left");
    }

    @Test
    void withoutTheFilesSizeTheLineHasNoEstimate() {
        ProgressLine progress = new ProgressLine("x", 0, 0);

        assertThat(progress.advanced(10, 100, 6 * SECOND)).contains("x: 10 rows so far, 2 rows/s");
    }
}
