package io.copartner.commerce.domain;

/**
 * A product's listing life cycle. A product whose category needs approval starts {@code AWAITING_APPROVAL} and becomes
 * {@code LIVE} once (when a {@code PRODUCT_LISTING} proposal naming it is executed); any other starts {@code LIVE}.
 * Nothing leads back: hiding a suspended merchant's products is the merchant's status, not the listing's.
 */
public enum ListingStatus {
    AWAITING_APPROVAL, LIVE;

    public static ListingStatus initial(boolean needsApproval) {
        return needsApproval ? AWAITING_APPROVAL : LIVE;
    }

    /** Whether an executed listing proposal changes this status (it lists an awaiting product, and nothing else). */
    public boolean approvable() {
        return this == AWAITING_APPROVAL;
    }

    /** The status after an executed listing proposal; a live product stays live (a second proposal has no effect). */
    public ListingStatus approved() {
        return LIVE;
    }
}
