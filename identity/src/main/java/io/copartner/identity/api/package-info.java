/**
 * The public contract of the identity module: the only package other modules may use (DESIGN.md §1).
 */
package io.copartner.identity.api;
