/** What every economy capability uses: exact allocation, the module's Idempotency-Keys. No capability logic. */
package io.copartner.economy.shared;
