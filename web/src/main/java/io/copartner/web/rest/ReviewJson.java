package io.copartner.web.rest;

import io.copartner.commerce.api.ReviewPage;
import io.copartner.commerce.api.ReviewView;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/**
 * The pinned review JSON written by hand, every key present (a hidden review's {@code text} and a missing
 * {@code hidden}, {@code reply} or {@code auditIndex} are JSON nulls), as governance does for its pinned shapes.
 */
final class ReviewJson {

    private ReviewJson() {
    }

    static String review(ReviewView r) {
        return object(r).build().toString();
    }

    static String page(ReviewPage page) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        page.items().forEach(r -> items.add(object(r)));
        JsonObjectBuilder o = Json.createObjectBuilder().add("items", items);
        if (page.next() == null) {
            o.addNull("next");
        } else {
            o.add("next", page.next());
        }
        if (page.average() == null) {
            o.addNull("average");
        } else {
            o.add("average", page.average());
        }
        return o.add("count", page.count()).build().toString();
    }

    private static JsonObjectBuilder object(ReviewView r) {
        JsonObjectBuilder o = Json.createObjectBuilder().add("reviewId", r.reviewId().toString())
            .add("rating", r.rating());
        nullable(o, "text", r.text());
        o.add("textHash", r.textHash());
        if (r.hidden() == null) {
            o.addNull("hidden");
        } else {
            o.add("hidden", Json.createObjectBuilder().add("reason", r.hidden().reason()));
        }
        nullable(o, "reply", r.reply());
        o.add("createdAt", r.createdAt().toString());
        if (r.auditIndex() == null) {
            o.addNull("auditIndex");
        } else {
            o.add("auditIndex", r.auditIndex());
        }
        return o.add("verifiedPurchase", r.verifiedPurchase());
    }

    private static void nullable(JsonObjectBuilder o, String key, String value) {
        if (value == null) {
            o.addNull(key);
        } else {
            o.add(key, value);
        }
    }
}
