package io.copartner.commerce.domain;

import io.copartner.kernel.problem.ProblemException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which categories need a governance vote before their products go live ({@code copartner.commerce.listing-categories},
 * comma-separated; {@code *} means every category). Categories are lower-case slugs.
 */
public record CategoryPolicy(Set<String> needApproval, boolean all) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public static CategoryPolicy parse(String config) {
        if (config == null || config.isBlank()) {
            return new CategoryPolicy(Set.of(), false);
        }
        Set<String> set = Arrays.stream(config.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT))
            .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        return new CategoryPolicy(set, set.contains("*"));
    }

    public boolean needsApproval(String category) {
        return all || needApproval.contains(category);
    }

    /** A category as given by a client: trimmed, lower-cased, a slug of 1..64 of a-z 0-9 and '-'. */
    public static String category(String text) {
        String c = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(c).matches()) {
            throw ProblemException.badRequest("category must be 1..64 of a-z, 0-9 and '-' (e.g. tea, fresh-food)");
        }
        return c;
    }
}
