package io.copartner.economy.api;

import io.copartner.kernel.id.PartyId;

/** A referrer's commissions (issue 12 item 1). */
public interface Commissions {

    int MAX_PAGE = 100;

    CommissionPage mine(PartyId referrer, String cursor, int limit);
}
