package io.copartner.economy.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The public transparency report of each settlement period (issue 12 item 6; the pinned public contract). */
public interface TransparencyReports {

    int PAGE = 50;

    /** Periods newest first; {@code cursor} is the {@code next} of the previous page. */
    Page reports(String cursor);

    /**
     * The signed report of a CLOSED period; empty for an unknown period.
     *
     * @throws io.copartner.kernel.problem.ProblemException conflict while the period is not CLOSED yet, unavailable
     *     while the audit sequencer has not indexed every entry the report cites
     */
    Optional<SignedReport> report(String periodId);

    /**
     * A signed report as its RFC 8785 canonical JSON. It cites every payout entry of the period, so it is written
     * to a stream (tens of MB for 10^6 partners), never held as one text.
     */
    interface SignedReport {

        /** A strong validator of the bytes (a report never changes once signed). */
        String etag();

        void writeTo(java.io.OutputStream out) throws java.io.IOException;
    }

    /** The same report as a page (en, or 简体中文 when {@code lang} starts with zh); empty as {@link #report}. */
    Optional<String> reportHtml(String periodId, String lang);

    record Page(List<Item> items, String next) {
    }

    record Item(String periodId, Instant start, Instant end, String state) {
    }
}
