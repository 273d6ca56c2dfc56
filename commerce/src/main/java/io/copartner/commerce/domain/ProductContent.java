package io.copartner.commerce.domain;

import io.copartner.commerce.api.Price;
import io.copartner.commerce.api.ProductChange;
import io.copartner.commerce.api.NewProduct;
import io.copartner.kernel.money.Asset;
import io.copartner.kernel.problem.ProblemException;
import java.net.URI;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one version of a product says: name, description, category, media URLs, stock and prices (currency → minor
 * units, sorted). Built only through the rules here, so every stored version is valid; text is NFC-normalised.
 */
public record ProductContent(String name, String description, String category, List<String> mediaUrls, long stock,
                             Map<String, Long> prices) {

    public static final int MAX_MEDIA = 20;
    public static final int MAX_CURRENCIES = 10;
    public static final long MAX_STOCK = 1_000_000_000L;

    public ProductContent {
        Objects.requireNonNull(name);
        Objects.requireNonNull(description);
        Objects.requireNonNull(category);
        mediaUrls = List.copyOf(mediaUrls);
        prices = java.util.Collections.unmodifiableMap(new TreeMap<>(prices));
    }

    public static ProductContent of(NewProduct p, String category) {
        if (p == null) {
            throw ProblemException.badRequest("a product body is required");
        }
        return new ProductContent(name(p.name()), description(p.description()), category, media(p.mediaUrls()),
            stock(p.stock()), prices(p.prices()));
    }

    /** The next version: the change's fields where given, this version's otherwise. */
    public ProductContent with(ProductChange c) {
        if (c == null) {
            throw ProblemException.badRequest("a change body is required");
        }
        return new ProductContent(c.name() == null ? name : name(c.name()),
            c.description() == null ? description : description(c.description()), category,
            c.mediaUrls() == null ? mediaUrls : media(c.mediaUrls()),
            c.stock() == null ? stock : stock(c.stock()),
            c.prices() == null ? prices : prices(c.prices()));
    }

    /** The fields that differ from {@code before}, in a fixed order. */
    public List<String> changedFrom(ProductContent before) {
        List<String> changed = new ArrayList<>();
        if (!name.equals(before.name)) {
            changed.add("name");
        }
        if (!description.equals(before.description)) {
            changed.add("description");
        }
        if (!mediaUrls.equals(before.mediaUrls)) {
            changed.add("mediaUrls");
        }
        if (stock != before.stock) {
            changed.add("stock");
        }
        if (!prices.equals(before.prices)) {
            changed.add("prices");
        }
        return changed;
    }

    public List<Price> priceList() {
        return prices.entrySet().stream().map(e -> new Price(e.getKey(), e.getValue())).toList();
    }

    /** Stored form of the prices: {@code CNY:1299,USD:199}. */
    public String encodedPrices() {
        return String.join(",", prices.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList());
    }

    public static Map<String, Long> decodePrices(String text) {
        Map<String, Long> m = new TreeMap<>();
        if (text != null && !text.isEmpty()) {
            for (String part : text.split(",")) {
                int i = part.indexOf(':');
                m.put(part.substring(0, i), Long.parseLong(part.substring(i + 1)));
            }
        }
        return m;
    }

    /** Stored form of the media URLs: one per line (a URL never holds a line break). */
    public String encodedMedia() {
        return String.join("\n", mediaUrls);
    }

    public static List<String> decodeMedia(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    static String name(String text) {
        String s = text(text, "name");
        if (s.isEmpty() || s.length() > 200) {
            throw ProblemException.badRequest("name must be 1..200 characters");
        }
        return s;
    }

    static String description(String text) {
        String s = text == null ? "" : text(text, "description");
        if (s.length() > 10000) {
            throw ProblemException.badRequest("description must be at most 10000 characters");
        }
        return s;
    }

    private static String text(String text, String field) {
        if (text == null) {
            throw ProblemException.badRequest(field + " is required");
        }
        String s = Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t' && !(c == '\r' && field.equals("description"))) {
                throw ProblemException.badRequest(field + " must not hold control characters");
            }
            if (field.equals("name") && (c == '\n' || c == '\t' || c == '\r')) {
                throw ProblemException.badRequest("name must be one line");
            }
        }
        return s;
    }

    static List<String> media(List<String> urls) {
        if (urls == null) {
            return List.of();
        }
        if (urls.size() > MAX_MEDIA) {
            throw ProblemException.badRequest("at most " + MAX_MEDIA + " mediaUrls");
        }
        List<String> out = new ArrayList<>();
        for (String u : urls) {
            if (u == null || u.length() > 500 || !u.matches("https?://[^\\s]+")) {
                throw ProblemException.badRequest("mediaUrls are http(s) URLs without spaces, at most 500 characters");
            }
            try {
                URI uri = new URI(u);
                if (uri.getHost() == null) {
                    throw new IllegalArgumentException("no host");
                }
            } catch (Exception e) {
                throw ProblemException.badRequest("mediaUrls: not a URL: " + u.substring(0, Math.min(80, u.length())));
            }
            out.add(u);
        }
        return out;
    }

    static long stock(Long stock) {
        if (stock == null) {
            throw ProblemException.badRequest("stock is required (0.." + MAX_STOCK + ")");
        }
        if (stock < 0 || stock > MAX_STOCK) {
            throw ProblemException.badRequest("stock must be 0.." + MAX_STOCK);
        }
        return stock;
    }

    static Map<String, Long> prices(List<Price> prices) {
        if (prices == null || prices.isEmpty()) {
            throw ProblemException.badRequest("prices: at least one {currency, amount} is required");
        }
        if (prices.size() > MAX_CURRENCIES) {
            throw ProblemException.badRequest("prices: at most " + MAX_CURRENCIES + " currencies");
        }
        Map<String, Long> m = new TreeMap<>();
        for (Price p : prices) {
            if (p == null || p.currency() == null || p.amount() == null) {
                throw ProblemException.badRequest("prices: each price has a currency and an amount");
            }
            Asset asset;
            try {
                asset = Asset.of(p.currency());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("prices: " + e.getMessage());
            }
            if (asset.isPoints()) {
                throw ProblemException.badRequest("prices are in ISO 4217 currencies, not points");
            }
            if (p.amount() < 0) {
                throw ProblemException.badRequest("prices: an amount is minor units, never negative");
            }
            if (m.put(asset.code(), p.amount()) != null) {
                throw ProblemException.badRequest("prices: one price per currency (" + asset.code() + " twice)");
            }
        }
        return m;
    }
}
