package com.billingrecon.documents;

import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Renders a document's HTML into a PDF/A-3b file with its font embedded. The font and the colour profile are
 * read once; the renderer is thread-safe (one PDF per call). The output is byte for byte the same for the same
 * HTML: the dates in the file are the document's issue date, and its file identifier is a digest of the HTML,
 * where a renderer would otherwise write the clock's time and a random identifier.
 */
public final class InvoicePdf {

    /** Liberation Sans (SIL Open Font License), as PDFBox ships it in its own jar. */
    static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    static final String FONT_FAMILY = "Liberation Sans";
    private static final String PRODUCER = "billing-recon";

    private final byte[] font;
    private final byte[] colorProfile;
    private final FSDefaultCacheStore fontMetrics = new FSDefaultCacheStore();

    public InvoicePdf() {
        try (InputStream in = PDDocument.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the PDFBox jar lacks " + FONT_RESOURCE);
            }
            font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        colorProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        // the renderer logs through java.util.logging onto stderr, one warning per page; its errors are exceptions
        XRLog.setLoggingEnabled(false);
    }

    public byte[] render(String html, String title, LocalDate issueDate) throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .usePdfAConformance(PdfAConformance.PDFA_3_B)
                .useColorProfile(colorProfile)
                .useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, fontMetrics)
                .withProducer(PRODUCER);
        // one face serves every weight: bold text is set in the regular face rather than in an unembedded font
        builder.useFont(() -> new ByteArrayInputStream(font), FONT_FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(font), FONT_FAMILY, 700, FontStyle.NORMAL, true);
        builder.withHtmlContent(html, null);
        try (PDDocument pdf = builder.buildPdfRenderer().createPDFKeepOpen()) {
            Calendar date = GregorianCalendar.from(issueDate.atStartOfDay(ZoneOffset.UTC));
            fixMetadata(pdf, title, date);
            byte[] id = Arrays.copyOf(sha256(html), 16);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            pdf.save(out);
            return out.toByteArray();
        }
    }

    /** The information dictionary and its XMP copy (PDF/A wants both, equal), with the document's own date. */
    private static void fixMetadata(PDDocument pdf, String title, Calendar date) throws IOException {
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(title);
        info.setProducer(PRODUCER);
        info.setCreationDate(date);
        info.setModificationDate(date);
        pdf.setDocumentInformation(info);
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        try {
            PDFAIdentificationSchema pdfaid = xmp.createAndAddPDFAIdentificationSchema();
            pdfaid.setPart(3);
            pdfaid.setConformance("B");
        } catch (BadFieldValueException e) {
            throw new IllegalStateException(e);
        }
        AdobePDFSchema pdfSchema = xmp.createAndAddAdobePDFSchema();
        pdfSchema.setProducer(PRODUCER);
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreateDate(date);
        basic.setModifyDate(date);
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setFormat("application/pdf");
        dc.setTitle(title);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, bytes, true);
        } catch (TransformerException e) {
            throw new IOException("cannot write the document's XMP metadata", e);
        }
        PDMetadata metadata = new PDMetadata(pdf);
        metadata.importXMPMetadata(bytes.toByteArray());
        pdf.getDocumentCatalog().setMetadata(metadata);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

}
