package io.copartner.web.json;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation whose JSON body is optional and carries nothing ({@code {}} or none), so the method takes no
 * entity: {@link OptionalJsonBodyFilter} still holds a body that is sent to well-formed JSON (400 otherwise), as
 * every other JSON body is held by {@link StrictJsonSyntax}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface OptionalJsonBody {
}
