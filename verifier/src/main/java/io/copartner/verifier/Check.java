package io.copartner.verifier;

/** One verification result: a short name, PASS/FAIL, and a one-line reason. */
public record Check(String name, boolean ok, String detail) {
    static Check pass(String name, String detail) {
        return new Check(name, true, detail);
    }

    static Check fail(String name, String detail) {
        return new Check(name, false, detail);
    }
}
