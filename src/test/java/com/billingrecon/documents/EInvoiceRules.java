package com.billingrecon.documents;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.XsltExecutable;
import net.sf.saxon.s9api.XsltTransformer;
import org.junit.jupiter.api.Assumptions;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;
import org.w3c.dom.bootstrap.DOMImplementationRegistry;

/**
 * The checks an e-invoice must pass before it can go out on Peppol: the UBL 2.1 schema (as ph-ubl21 ships it)
 * and PINT SG's Schematron rules, compiled to XSLT as phive-rules-peppol ships them (Apache 2.0), run with
 * Saxon-HE. Both come from Maven test dependencies; without them the check is skipped with the reason.
 */
final class EInvoiceRules {

    static final String PINT_SG_VERSION = "1.3.0";
    private static final String XSD = "external/schemas/ubl21/maindoc/UBL-%s-2.1.xsd";
    private static final String[] SCHEMATRON = {
            "external/schematron/pint-sg/" + PINT_SG_VERSION + "/xslt/PINT-UBL-validation-preprocessed.xslt",
            "external/schematron/pint-sg/" + PINT_SG_VERSION + "/xslt/PINT-jurisdiction-aligned-rules.xslt"};
    private static final Map<String, String> IMPORTS = Map.of(
            "urn:un:unece:uncefact:data:specification:CoreComponentTypeSchemaModule:2",
            "schemas/CCTS_CCT_SchemaModule.xsd",
            "http://www.w3.org/2000/09/xmldsig#", "schemas/xmldsig-core-schema.xsd",
            "http://uri.etsi.org/01903/v1.3.2#", "schemas/XAdES01903v132-201601.xsd",
            "http://uri.etsi.org/01903/v1.4.1#", "schemas/XAdES01903v141-201601.xsd");
    private static final Pattern FAILED = Pattern.compile(
            "<svrl:failed-assert[^>]*?flag=\"(fatal|error)\"[^>]*>.*?<svrl:text>(.*?)</svrl:text>", Pattern.DOTALL);

    private static Processor saxon;
    private static List<XsltExecutable> rules;
    private static Schema invoiceSchema;
    private static Schema creditNoteSchema;

    private EInvoiceRules() {
    }

    /** Every violation of the schema and of the fatal or error-level PINT SG rules; empty when it is valid. */
    static synchronized List<String> violations(byte[] xml) throws Exception {
        load();
        List<String> violations = new ArrayList<>();
        boolean credit = new String(xml, 0, Math.min(xml.length, 400), java.nio.charset.StandardCharsets.UTF_8)
                .contains("<CreditNote");
        try {
            (credit ? creditNoteSchema : invoiceSchema).newValidator()
                    .validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException e) {
            violations.add("UBL 2.1 schema: " + e.getMessage());
        }
        for (XsltExecutable rule : rules) {
            XsltTransformer transformer = rule.load();
            transformer.setSource(new StreamSource(new ByteArrayInputStream(xml)));
            StringWriter svrl = new StringWriter();
            Serializer out = saxon.newSerializer(svrl);
            transformer.setDestination(out);
            transformer.transform();
            Matcher failed = FAILED.matcher(svrl.toString());
            while (failed.find()) {
                violations.add(failed.group(1) + ": " + failed.group(2).trim());
            }
        }
        return violations;
    }

    private static void load() throws Exception {
        if (rules != null) {
            return;
        }
        ClassLoader loader = EInvoiceRules.class.getClassLoader();
        URL invoice = loader.getResource(XSD.formatted("Invoice"));
        URL creditNote = loader.getResource(XSD.formatted("CreditNote"));
        Assumptions.assumeTrue(invoice != null && creditNote != null,
                "UBL 2.1 schemas not on the class path (Maven test dependency com.helger.ubl:ph-ubl21)");
        Map<String, URL> imported = new HashMap<>();
        IMPORTS.forEach((namespace, resource) -> {
            URL url = loader.getResource(resource);
            Assumptions.assumeTrue(url != null, resource + " not on the class path (Maven test dependencies ph-xsds-*)");
            imported.put(namespace, url);
        });
        SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        // UBL imports the core component types and the signature schemas by namespace alone
        DOMImplementationLS ls = (DOMImplementationLS) DOMImplementationRegistry.newInstance().getDOMImplementation("LS");
        schemas.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
            if (!imported.containsKey(namespace) || systemId != null) {
                return null;
            }
            LSInput in = ls.createLSInput();
            in.setSystemId(imported.get(namespace).toExternalForm());
            return in;
        });
        invoiceSchema = schemas.newSchema(invoice);
        creditNoteSchema = schemas.newSchema(creditNote);
        saxon = new Processor(false);
        List<XsltExecutable> compiled = new ArrayList<>();
        for (String resource : SCHEMATRON) {
            URL url = loader.getResource(resource);
            Assumptions.assumeTrue(url != null, "PINT SG Schematron " + resource
                    + " not on the class path (Maven test dependency com.helger.phive.rules:phive-rules-peppol)");
            compiled.add(saxon.newXsltCompiler().compile(new StreamSource(url.toExternalForm())));
        }
        rules = compiled;
    }

}
