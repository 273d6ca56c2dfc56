/**
 * Commerce's domain events, fired synchronously inside the transaction of the change they announce, so observers
 * (the partnership economy) write in the same transaction or refuse the change by throwing.
 */
package io.copartner.commerce.api.event;
