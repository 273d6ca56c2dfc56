/**
 * The partnership economy's contract for web and tests: referrals and commissions, points, revenue-share
 * settlement, co-creation, fraud flags, transparency reports, consented recommendations. Each capability lives in
 * its own package ({@code referral}, {@code points}, {@code settlement}, {@code fraud}, {@code report},
 * {@code recommendation}) and uses another only through this package or {@code shared}.
 */
package io.copartner.economy.api;
