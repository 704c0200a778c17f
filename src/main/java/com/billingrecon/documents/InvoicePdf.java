package com.billingrecon.documents;

import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Calendar;
import java.util.GregorianCalendar;
import javax.xml.transform.TransformerException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Renders a document's HTML into a PDF/A-3b file with its font embedded. The font and the colour profile are
 * read once (the font parsed once per thread); the renderer is thread-safe (one PDF per call). The output is
 * byte for byte the same for the same HTML: the dates in the file are the document's issue date, and its file identifier is a digest of the HTML,
 * where a renderer would otherwise write the clock's time and a random identifier.
 */
public final class InvoicePdf {

    /** Liberation Sans (SIL Open Font License), as PDFBox ships it in its own jar. */
    static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    static final String FONT_FAMILY = "Liberation Sans";
    private static final String PRODUCER = "billing-recon";

    private static final ThreadLocal<XmpSerializer> XMP_SERIALIZER = ThreadLocal.withInitial(XmpSerializer::new);

    private final byte[] font;
    private final byte[] colorProfile;
    private final FSDefaultCacheStore fontMetrics = new FSDefaultCacheStore();
    /**
     * The font parsed once per rendering thread: a document embeds its own subset of it, and parsing the file for
     * every document was a tenth of a document's time. Only its thread uses it, one document at a time.
     */
    private final ThreadLocal<TrueTypeFont> parsedFont = ThreadLocal.withInitial(this::parseFont);

    public InvoicePdf() {
        try (InputStream in = PDDocument.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the PDFBox jar lacks " + FONT_RESOURCE);
            }
            font = withoutTable(in.readAllBytes(), "GSUB");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        colorProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        // the renderer logs through java.util.logging onto stderr, one warning per page; its errors are exceptions
        XRLog.setLoggingEnabled(false);
        useBuiltInXmlFactories();
    }

    /**
     * Each PDF builds XML parsers and transformers (the HTML, the XMP metadata). Without these properties every
     * factory lookup scans every jar of the class path for a provider, which took a third of a document's time.
     */
    private static void useBuiltInXmlFactories() {
        System.getProperties().putIfAbsent("javax.xml.parsers.DocumentBuilderFactory",
                "com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl");
        System.getProperties().putIfAbsent("javax.xml.parsers.SAXParserFactory",
                "com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl");
        System.getProperties().putIfAbsent("javax.xml.transform.TransformerFactory",
                "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl");
    }

    public byte[] render(String html, String title, LocalDate issueDate) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            // one face, embedded once, serves every weight: bold text is set in the regular face rather than in
            // an unembedded font
            PDFont face = PDType0Font.load(pdf, parsedFont.get(), true);
            PdfRendererBuilder builder = new PdfRendererBuilder()
                    .usePDDocument(pdf)
                    .usePdfAConformance(PdfAConformance.PDFA_3_B)
                    .useColorProfile(colorProfile)
                    .useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, fontMetrics)
                    .withProducer(PRODUCER);
            builder.useFont(new PDFontSupplier(face), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(new PDFontSupplier(face), FONT_FAMILY, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.buildPdfRenderer().createPDFKeepOpen();
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

    private TrueTypeFont parseFont() {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(font));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded font", e);
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
            XMP_SERIALIZER.get().serialize(xmp, bytes, true);
        } catch (TransformerException e) {
            throw new IOException("cannot write the document's XMP metadata", e);
        }
        PDMetadata metadata = new PDMetadata(pdf);
        metadata.importXMPMetadata(bytes.toByteArray());
        pdf.getDocumentCatalog().setMetadata(metadata);
    }

    /**
     * The font file without one table. PDFBox runs the glyph substitutions of a font's GSUB table over every
     * string it draws, which was a third of a document's time; invoices need no ligatures (and text extraction
     * reads them back as they were written). The embedded subset never holds GSUB anyway: only what drawing uses.
     */
    static byte[] withoutTable(byte[] ttf, String tag) {
        ByteBuffer in = ByteBuffer.wrap(ttf);
        int tables = Short.toUnsignedInt(in.getShort(4));
        List<int[]> kept = new ArrayList<>();
        for (int i = 0; i < tables; i++) {
            int entry = 12 + 16 * i;
            String name = new String(ttf, entry, 4, StandardCharsets.US_ASCII);
            if (!name.equals(tag)) {
                kept.add(new int[] {entry, in.getInt(entry + 8), in.getInt(entry + 12)});
            }
        }
        if (kept.size() == tables) {
            return ttf;
        }
        int offset = 12 + 16 * kept.size();
        int size = offset;
        for (int[] table : kept) {
            size += (table[2] + 3) & ~3;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(ttf, 0, 12).putShort(4, (short) kept.size());
        for (int i = 0; i < kept.size(); i++) {
            int[] table = kept.get(i);
            out.position(12 + 16 * i);
            out.put(ttf, table[0], 8).putInt(offset).putInt(table[2]);
            out.put(offset, ttf, table[1], table[2]);
            offset += (table[2] + 3) & ~3;
        }
        return out.array();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

}
