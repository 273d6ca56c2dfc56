package io.copartner.identity.keycloak;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.WebTarget;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.keycloak.admin.client.spi.ResteasyClientProvider;

/**
 * Lets keycloak-admin-client run on the JAX-RS client of the server it is deployed in (Open Liberty's
 * restfulWS-3.1, which is RESTEasy 6 inside) instead of a RESTEasy of its own in WEB-INF/lib.
 *
 * <p>The admin client needs two things from RESTEasy: a {@link Client}, and a proxy for its JAX-RS-annotated
 * resource interfaces ({@code ResteasyWebTarget.proxy}). Its default provider
 * ({@code ResteasyClientClassicProvider}) gets both by naming RESTEasy classes, which Liberty does not show to
 * applications ({@code org.jboss.resteasy.client.jaxrs} is an {@code internal} package of the restfulWSClient
 * feature, so not even {@code apiTypeVisibility="+third-party"} exposes it). This provider builds the client with
 * the standard {@link ClientBuilder} and calls {@code proxy(Class)} on Liberty's web target by reflection, through
 * the public {@code ResteasyWebTarget} interface the target implements. RESTEasy's proxy builder then defines the
 * proxy in a class loader that sees both the application's interface and its own {@code ResteasyClientProxy}.
 */
public final class LibertyClientProvider implements ResteasyClientProvider {

    static final String RESTEASY_WEB_TARGET = "org.jboss.resteasy.client.jaxrs.ResteasyWebTarget";

    private final Duration connectTimeout;
    private final Duration readTimeout;

    /** For {@link java.util.ServiceLoader}: Keycloak's class initialisation looks its provider up there. */
    public LibertyClientProvider() {
        this(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    public LibertyClientProvider(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /**
     * A JAX-RS client of the server's own implementation with the given timeouts that reads and writes JSON with
     * Jackson ({@link KeycloakJson}), as the Keycloak representations expect. {@code customJacksonProvider} is
     * ignored: this client always has its Jackson provider.
     */
    @Override
    public Client newRestEasyClient(Object customJacksonProvider, SSLContext sslContext, boolean disableTrustManager) {
        if (disableTrustManager) {
            throw new IllegalArgumentException("Disabling TLS certificate checks is not supported.");
        }
        ClientBuilder builder = ClientBuilder.newBuilder()
            .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .register(new KeycloakJson(), Priorities.USER - 100);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        return builder.build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R targetProxy(WebTarget target, Class<R> resourceInterface) {
        Method proxy = proxyMethod(target.getClass());
        try {
            return (R) proxy.invoke(target, resourceInterface);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("Cannot proxy " + resourceInterface.getName(), cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot proxy " + resourceInterface.getName(), e);
        }
    }

    /** {@code ResteasyWebTarget.proxy(Class)}, looked up on the public interface rather than the implementation. */
    static Method proxyMethod(Class<?> targetClass) {
        for (Class<?> c = targetClass; c != null; c = c.getSuperclass()) {
            Method m = fromInterfaces(c.getInterfaces());
            if (m != null) {
                return m;
            }
        }
        throw new IllegalStateException("The JAX-RS client of this server (" + targetClass.getName() + ") is not "
            + "RESTEasy: its web targets do not implement " + RESTEASY_WEB_TARGET + ", which keycloak-admin-client "
            + "needs to proxy its resource interfaces.");
    }

    private static Method fromInterfaces(Class<?>[] interfaces) {
        for (Class<?> i : interfaces) {
            if (i.getName().equals(RESTEASY_WEB_TARGET)) {
                try {
                    return i.getMethod("proxy", Class.class);
                } catch (NoSuchMethodException e) {
                    return null;
                }
            }
            Method m = fromInterfaces(i.getInterfaces());
            if (m != null) {
                return m;
            }
        }
        return null;
    }
}
