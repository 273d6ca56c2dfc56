package io.copartner.economy.api;

import java.util.List;

/**
 * Co-creators' earnings (issue 12 item 4) as a partner's statement shows them: per period, per co-created product,
 * what its co-creators accrued and the partner's share of it.
 */
public interface CoCreationEarnings {

    /** The periods (ids, newest first) in which the partner ({@code party:...}) earned as a co-creator. */
    List<String> periodsOf(String partner);

    /** The partner's co-creation lines of one period (empty when none). */
    List<Settlement.CoCreationLine> lines(String partner, String periodId);
}
