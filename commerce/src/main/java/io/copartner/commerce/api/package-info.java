/**
 * The public contract of the commerce module: the only package other modules may use (DESIGN.md §1).
 */
package io.copartner.commerce.api;
