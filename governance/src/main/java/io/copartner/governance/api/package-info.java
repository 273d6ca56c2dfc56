/**
 * The public contract of the governance module: the only package other modules may use (DESIGN.md §1).
 */
package io.copartner.governance.api;
