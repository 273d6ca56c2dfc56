package io.copartner.commerce.api;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/** A product's reviews, newest first, with the average rating (null without reviews) and the count of all of them. */
@JsonbNillable
public record ReviewPage(List<ReviewView> items, @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) @JsonbNillable String next, @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) @JsonbNillable Double average,
                         long count) {
}
