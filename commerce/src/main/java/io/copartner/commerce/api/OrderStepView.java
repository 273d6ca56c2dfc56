package io.copartner.commerce.api;

import java.time.Instant;

/**
 * One step of an order: the status it reached, who took it ({@code actorRole} buyer, merchant, admin or scheduler),
 * when, and its audit entry (id and leaf index, null until the sequencer placed it).
 */
@jakarta.json.bind.annotation.JsonbNillable
public record OrderStepView(String status, String actor, String actorRole, Instant at, long auditEntryId,
                            @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) @jakarta.json.bind.annotation.JsonbNillable Long auditIndex) {
}
