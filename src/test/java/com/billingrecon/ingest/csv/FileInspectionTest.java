package com.billingrecon.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.domain.FileKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileInspectionTest {

    private static final String CHARGES_HEADER = "charge_id,account_id,type,charge_date,amount,currency,description";

    @TempDir
    Path folder;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(folder.resolve(name), bytes);
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256Of(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void headerOnlyFileIsFineAndGivesItsHeader() throws Exception {
        Path file = write("charges-2026-10-05.csv", CHARGES_HEADER + "\r\n");

        FileInspection inspection = FileInspection.inspect(file, FileKind.CHARGES);

        assertThat(inspection.accepted()).isTrue();
        assertThat(inspection.rejection()).isNull();
        assertThat(inspection.header().names()).hasSize(7);
        assertThat(inspection.sha256()).isEqualTo(sha256Of(file));
    }

    @Test
    void sha256IsOfAllTheBytesOfALargeFile() throws Exception {
        String rows = "C1,A1,ADDON,2026-10-01,5,SGD,\"multi\nline, text\"\n".repeat(20_000);
        Path file = write("charges-2026-10-05.csv", "\uFEFF" + CHARGES_HEADER + "\n" + rows);

        FileInspection inspection = FileInspection.inspect(file, FileKind.CHARGES);

        assertThat(inspection.accepted()).isTrue();
        assertThat(inspection.sha256()).isEqualTo(sha256Of(file));
    }

    @Test
    void zeroByteFileIsRejectedAsEmpty() throws Exception {
        Path file = write("cdr-2026-10-05.csv", "");

        FileInspection inspection = FileInspection.inspect(file, FileKind.CDR);

        assertThat(inspection.rejection()).isEqualTo("empty file");
        assertThat(inspection.header()).isNull();
        assertThat(inspection.sha256()).isEqualTo(sha256Of(file));
    }

    @Test
    void fileOfOnlyAByteOrderMarkAndBlankLinesIsRejectedAsEmpty() throws Exception {
        Path file = write("cdr-2026-10-05.csv", "\uFEFF\r\n\n\r\n");

        assertThat(FileInspection.inspect(file, FileKind.CDR).rejection()).isEqualTo("empty file");
    }

    @Test
    void invalidUtf8AnywhereRejectsTheFileAndItIsStillHashed() throws Exception {
        byte[] good = (CHARGES_HEADER + "\nC1,A1,ADDON,2026-10-01,5,SGD,caf").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[good.length + 2];
        System.arraycopy(good, 0, bytes, 0, good.length);
        bytes[good.length] = (byte) 0xE9; // Latin-1 é
        bytes[good.length + 1] = '\n';
        Path file = write("charges-2026-10-05.csv", bytes);

        FileInspection inspection = FileInspection.inspect(file, FileKind.CHARGES);

        assertThat(inspection.rejection()).isEqualTo("not valid UTF-8");
        assertThat(inspection.accepted()).isFalse();
        assertThat(inspection.sha256()).isEqualTo(sha256Of(file));
    }

    @Test
    void overlongUtf8EncodingIsNotValidUtf8() throws Exception {
        byte[] header = (CHARGES_HEADER + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[header.length + 2];
        System.arraycopy(header, 0, bytes, 0, header.length);
        bytes[header.length] = (byte) 0xC0; // overlong "/"
        bytes[header.length + 1] = (byte) 0xAF;

        assertThat(FileInspection.inspect(write("charges-2026-10-05.csv", bytes), FileKind.CHARGES).rejection())
                .isEqualTo("not valid UTF-8");
    }

    @Test
    void malformedHeaderRejectsTheFile() throws Exception {
        Path file = write("charges-2026-10-05.csv", "charge_id,\"account_id\"x,type\n");

        assertThat(FileInspection.inspect(file, FileKind.CHARGES).rejection()).startsWith("header is malformed");
    }

    @Test
    void missingRequiredColumnsRejectTheFileAndAreNamed() throws Exception {
        Path file = write("charges-2026-10-05.csv", "charge_id,type,amount,Currency,description\n1,2,3,4,5\n");

        assertThat(FileInspection.inspect(file, FileKind.CHARGES).rejection())
                .isEqualTo("missing column(s): account_id, charge_date, currency");
    }

    @Test
    void missingOptionalInvoiceRefColumnIsFine() throws Exception {
        Path file = write("payments-2026-10-05.csv", "payment_id,account_id,payment_date,amount,currency,method\n");

        assertThat(FileInspection.inspect(file, FileKind.PAYMENTS).accepted()).isTrue();
    }

    @Test
    void requiredColumnNamedTwiceRejectsTheFile() throws Exception {
        Path file = write("charges-2026-10-05.csv", CHARGES_HEADER + ",amount\n");

        assertThat(FileInspection.inspect(file, FileKind.CHARGES).rejection()).isEqualTo("repeated column(s): amount");
    }
}
