package io.copartner.kernel.event;

import java.time.Instant;

/**
 * Fired once the database schemas are migrated and validated, so modules can record their start-up
 * facts (contract deployed, keys published) against a schema that is known to be current.
 */
public record PlatformStarted(Instant at) {
}
