package io.copartner.web.problem;

import io.copartner.kernel.problem.Problem;

/**
 * A checked failure that knows its problem, for places that may only throw what their contract allows (an
 * {@code InputStream.read} throws {@code IOException}); {@link Failures} finds it however deeply it is wrapped.
 */
public interface ProblemCarrier {
    Problem problem();
}
