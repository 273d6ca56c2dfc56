package io.copartner.web.problem;

import io.copartner.kernel.problem.Problem;
import io.copartner.kernel.problem.ProblemType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bean Validation failures at the edge: 400 with one entry per offending field. */
@Provider
public class ConstraintViolationExceptionMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<Map<String, Object>> errors = new ArrayList<>();
        e.getConstraintViolations().stream()
            .sorted(Comparator.comparing(v -> field(v)))
            .forEach(v -> {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("field", field(v));
                error.put("message", v.getMessage());
                errors.add(error);
            });
        Problem problem = Problem.of(ProblemType.VALIDATION, errors.size() + " field(s) are invalid")
            .withExtension("errors", errors);
        return ProblemResponses.of(problem);
    }

    /** The JSON field name: the property path without the method and parameter nodes. */
    static String field(ConstraintViolation<?> v) {
        StringBuilder name = new StringBuilder();
        for (Path.Node node : v.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, PARAMETER, RETURN_VALUE, CROSS_PARAMETER -> { }
                default -> {
                    if (!name.isEmpty()) {
                        name.append('.');
                    }
                    name.append(node.getName());
                    if (node.getIndex() != null) {
                        name.append('[').append(node.getIndex()).append(']');
                    }
                }
            }
        }
        return name.isEmpty() ? "body" : name.toString();
    }
}
