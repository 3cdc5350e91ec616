package io.urbanhub.rest.security.internal;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Names the caller of every request before a resource sees it; what the caller may do, the resource decides. */
public final class ApiAccessFilter implements ContainerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ApiAccessFilter.class);

    private final ApiSecurity security;

    public ApiAccessFilter(ApiSecurity security) {
        this.security = security;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Caller caller;
        try {
            caller = security.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION),
                    request.getHeaderString(ApiSecurity.API_KEY_HEADER));
        } catch (Unauthenticated e) {
            LOG.info("Refused {} {}: {}", request.getMethod(), request.getUriInfo().getPath(), e.getMessage());
            request.abortWith(AccessProblems.unauthorized(e.getMessage()));
            return;
        }
        if (!Callers.bind(caller)) {
            throw new IllegalStateException("The caller of " + request.getUriInfo().getPath() + " cannot be kept");
        }
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Caller getUserPrincipal() {
                return caller.isAuthenticated() ? caller : null;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return null;
            }
        });
    }
}
