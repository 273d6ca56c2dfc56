/**
 * What every economy capability uses: the module's Idempotency-Keys and the fallbacks of optional capabilities.
 * Exact splits are the kernel's {@code io.copartner.kernel.money.Splits}.
 */
package io.copartner.economy.shared;
