package io.urbanhub.rest.security.internal;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;

import io.urbanhub.api.admin.AccessLevel;

/**
 * The hub's own operators, logging in with user and password against a Karaf JAAS realm (the one the console and SSH
 * use): its admin role may do anything with every tenant, its viewer role may read every tenant.
 */
final class AdminLogin {

    private final String realm;
    private final String adminRole;
    private final String viewerRole;

    AdminLogin(String realm, String adminRole, String viewerRole) {
        this.realm = realm;
        this.adminRole = adminRole;
        this.viewerRole = viewerRole;
    }

    /** The grants of the user's roles; empty when the realm refuses the password. */
    Optional<List<Grant>> login(String user, char[] password) {
        Subject subject = new Subject();
        try {
            LoginContext login = new LoginContext(realm, subject, callbacks -> answer(callbacks, user, password));
            login.login();
            List<Grant> grants = grants(subject);
            login.logout();
            return Optional.of(grants);
        } catch (LoginException refused) {
            return Optional.empty();
        }
    }

    private List<Grant> grants(Subject subject) {
        List<Grant> grants = new ArrayList<>();
        for (Principal role : subject.getPrincipals(RolePrincipal.class)) {
            if (role.getName().equals(adminRole)) {
                grants.add(new Grant(Grant.ANY_TENANT, AccessLevel.ADMIN, Set.of()));
            } else if (role.getName().equals(viewerRole)) {
                grants.add(new Grant(Grant.ANY_TENANT, AccessLevel.READ, Set.of()));
            }
        }
        return grants;
    }

    private static void answer(Callback[] callbacks, String user, char[] password) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(user);
            } else if (callback instanceof PasswordCallback secret) {
                secret.setPassword(password);
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }
}
