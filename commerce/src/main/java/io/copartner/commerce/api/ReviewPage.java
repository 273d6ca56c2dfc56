package io.copartner.commerce.api;

import java.util.List;

/** A product's reviews, newest first, with the average rating (null without reviews) and the count of all of them. */
@jakarta.json.bind.annotation.JsonbNillable
public record ReviewPage(List<ReviewView> items, String next, Double average, long count) {
}
