<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
<!-- template: did-wallet-login.ftl (copartner keycloak-did-auth) -->
    <#if section="header">
        ${msg("didWalletTitle")}
    <#elseif section="form">
        <p id="did-wallet-instructions">${msg("didWalletInstructions", didMaxAssertionLifetime?c)}</p>
        <dl class="${properties.kcFormGroupClass!}">
            <dt>${msg("didWalletNonce", didNonceLifetime?c)}</dt>
            <dd><code id="did-nonce">${didNonce}</code></dd>
            <dt>${msg("didWalletAudience")}</dt>
            <dd><code id="did-audience">${didAudience}</code></dd>
        </dl>
        <form id="kc-did-wallet-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <div class="${properties.kcFormGroupClass!}">
                <label for="assertion" class="${properties.kcLabelClass!}">${msg("didWalletAssertion")}</label>
                <textarea id="assertion" name="assertion" rows="6" required autofocus spellcheck="false"
                    autocomplete="off" class="${properties.kcInputClass!}" style="font-family: monospace; width: 100%;"
                    placeholder="eyJhbGciOiJFZERTQSIs..."></textarea>
            </div>
            <div id="kc-form-buttons" class="${properties.kcFormGroupClass!}">
                <input class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}"
                    name="login" id="kc-did-wallet-login" type="submit" value="${msg("doLogIn")}"/>
            </div>
        </form>
        <p id="did-wallet-cli">${msg("didWalletCli")}</p>
        <pre style="white-space: pre-wrap; font-size: smaller;">java -cp copartner-wallet.jar:bcprov-jdk18on.jar io.copartner.wallet.DidSignInCli --key wallet.key --sign-nonce ${didNonce}</pre>
    </#if>
</@layout.registrationLayout>
