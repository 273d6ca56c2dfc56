package io.copartner.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Integer fields of request bodies are read strictly by {@code StrictIntegers}, which JSON-B applies to boxed
 * {@code Long}/{@code Integer} only: a primitive {@code long}/{@code int} (or {@code short}, {@code byte}, an array of
 * them) would silently truncate 1.9 to 1 again. Every JAX-RS entity parameter type is walked, records and lists too.
 */
class RequestBodyTypesTest {

    static final Set<Class<?>> UNCHECKED = Set.of(long.class, int.class, short.class, byte.class, Short.class,
        Byte.class, long[].class, int[].class, short[].class);

    @Test
    void requestBodiesUseOnlyStrictlyReadIntegerTypes() throws Exception {
        List<String> offenders = new ArrayList<>();
        int bodies = 0;
        for (JavaClass jc : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.copartner")) {
            if (!jc.getPackageName().contains(".rest")) {
                continue;
            }
            Class<?> resource = Class.forName(jc.getName(), false, getClass().getClassLoader());
            for (Method m : resource.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || !hasHttpMethod(m)) {
                    continue;
                }
                for (Parameter p : m.getParameters()) {
                    if (isEntity(p)) {
                        bodies++;
                        walk(p.getParameterizedType(), resource.getSimpleName() + "." + m.getName(), offenders, new HashSet<>());
                    }
                }
            }
        }
        assertFalse(bodies == 0, "no request body found: the scan is broken");
        assertEquals(List.of(), offenders, "use Long/Integer (with @NotNull where required) in request bodies");
    }

    private static void walk(Type type, String where, List<String> offenders, Set<Type> seen) {
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof ParameterizedType pt) {
            for (Type arg : pt.getActualTypeArguments()) {
                walk(arg, where, offenders, seen);
            }
            walk(pt.getRawType(), where, offenders, seen);
            return;
        }
        if (type instanceof GenericArrayType gat) {
            walk(gat.getGenericComponentType(), where, offenders, seen);
            return;
        }
        if (!(type instanceof Class<?> c)) {
            return;
        }
        if (UNCHECKED.contains(c)) {
            offenders.add(where + ": " + c.getSimpleName());
            return;
        }
        if (c.isArray()) {
            walk(c.getComponentType(), where, offenders, seen);
        } else if (c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                walk(rc.getGenericType(), where + "." + rc.getName(), offenders, seen);
            }
        } else if (c.getName().startsWith("io.copartner.")) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    walk(f.getGenericType(), where + "." + f.getName(), offenders, seen);
                }
            }
        }
    }

    private static boolean hasHttpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            if (a.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEntity(Parameter p) {
        for (Class<? extends Annotation> a : List.of(PathParam.class, QueryParam.class, HeaderParam.class,
            CookieParam.class, MatrixParam.class, FormParam.class, BeanParam.class, Context.class)) {
            if (p.isAnnotationPresent(a)) {
                return false;
            }
        }
        return true;
    }
}
