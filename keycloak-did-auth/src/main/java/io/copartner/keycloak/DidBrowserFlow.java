package io.copartner.keycloak;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.RealmModel;

/**
 * The realm's browser flow with DID sign-in: SSO cookie, then the DID wallet page, then (another way) username and
 * password with OTP for users who configured it. Built with the model API rather than shipped in the realm JSON,
 * because a realm file that lists any flow must list every built-in flow too.
 */
final class DidBrowserFlow {

    static final String ALIAS = "copartner browser";
    private static final String BASIC_FLOW = "basic-flow";

    private DidBrowserFlow() {
    }

    /**
     * Creates the flow and binds it as the realm's browser flow if the realm has no flow of that alias; a flow
     * already there (perhaps edited or unbound by an admin) is left as it is.
     *
     * @return whether the flow was created
     */
    static boolean ensure(RealmModel realm) {
        if (realm.getFlowByAlias(ALIAS) != null) {
            return false;
        }
        AuthenticationFlowModel top = flow(realm, ALIAS, "Browser sign-in: SSO cookie, DID wallet, or password", true);
        execution(realm, top, "auth-cookie", Requirement.ALTERNATIVE, 10);
        execution(realm, top, DidWalletAuthenticatorFactory.ID, Requirement.ALTERNATIVE, 20);
        AuthenticationFlowModel forms = flow(realm, ALIAS + " forms", "Username, password and OTP", false);
        subflow(realm, top, forms, Requirement.ALTERNATIVE, 30);
        execution(realm, forms, "auth-username-password-form", Requirement.REQUIRED, 10);
        AuthenticationFlowModel otp = flow(realm, ALIAS + " conditional OTP", "OTP for users who configured it", false);
        subflow(realm, forms, otp, Requirement.CONDITIONAL, 20);
        execution(realm, otp, "conditional-user-configured", Requirement.REQUIRED, 10);
        execution(realm, otp, "auth-otp-form", Requirement.REQUIRED, 20);
        realm.setBrowserFlow(top);
        return true;
    }

    private static AuthenticationFlowModel flow(RealmModel realm, String alias, String description, boolean topLevel) {
        AuthenticationFlowModel f = new AuthenticationFlowModel();
        f.setAlias(alias);
        f.setDescription(description);
        f.setProviderId(BASIC_FLOW);
        f.setTopLevel(topLevel);
        f.setBuiltIn(false);
        return realm.addAuthenticationFlow(f);
    }

    private static void execution(RealmModel realm, AuthenticationFlowModel parent, String authenticator,
        Requirement requirement, int priority) {
        AuthenticationExecutionModel e = new AuthenticationExecutionModel();
        e.setParentFlow(parent.getId());
        e.setAuthenticator(authenticator);
        e.setAuthenticatorFlow(false);
        e.setRequirement(requirement);
        e.setPriority(priority);
        realm.addAuthenticatorExecution(e);
    }

    private static void subflow(RealmModel realm, AuthenticationFlowModel parent, AuthenticationFlowModel child,
        Requirement requirement, int priority) {
        AuthenticationExecutionModel e = new AuthenticationExecutionModel();
        e.setParentFlow(parent.getId());
        e.setFlowId(child.getId());
        e.setAuthenticatorFlow(true);
        e.setRequirement(requirement);
        e.setPriority(priority);
        realm.addAuthenticatorExecution(e);
    }
}
