package com.billingrecon.documents;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.TreeSet;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * PDF/A conformance as veraPDF, the PDF Association's reference validator (a Maven test dependency), checks it:
 * every rule of the PDF/A-3B validation profile.
 */
final class PdfAValidation {

    private static boolean initialised;

    private PdfAValidation() {
    }

    /** The PDF/A-3B rules a PDF fails, one line per rule (clause, test and description); empty when it conforms. */
    static synchronized List<String> failedRules(byte[] pdf) throws Exception {
        if (!initialised) {
            VeraGreenfieldFoundryProvider.initialise();
            initialised = true;
        }
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                PDFAFlavour.PDFA_3_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
            ValidationResult result = validator.validate(parser);
            if (result.getPDFAFlavour() != PDFAFlavour.PDFA_3_B) {
                return List.of("validated as " + result.getPDFAFlavour() + ", not PDF/A-3B");
            }
            TreeSet<String> failed = new TreeSet<>();
            for (TestAssertion assertion : result.getTestAssertions()) {
                if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                    failed.add(assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber() + ": "
                            + assertion.getMessage());
                }
            }
            if (!result.isCompliant() && failed.isEmpty()) {
                failed.add("not compliant with " + result.getPDFAFlavour());
            }
            return List.copyOf(failed);
        }
    }
}
