package io.copartner.identity.service;

import com.nimbusds.jose.JWSObject;
import io.copartner.identity.api.PartnerMemberships;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.text.ParseException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holders of valid PartnerMembership credentials. The subject is read from the stored, platform-signed JWT itself
 * ({@code credentialSubject.id} of a vc+jwt, {@code sub} of an SD-JWT VC): the table keeps only salted hashes.
 */
@ApplicationScoped
public class PartnerMembershipsService implements PartnerMemberships {

    @PersistenceContext(unitName = "copartner")
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> holdersAt(Instant at) {
        @SuppressWarnings("unchecked")
        List<String> jwts = em.createNativeQuery("""
                select jwt from identity.credential where type = ?1 and issued_at < ?2
                and (valid_until is null or valid_until > ?2) and (revoked_at is null or revoked_at > ?2)""")
            .setParameter(1, CredentialService.PARTNER_MEMBERSHIP).setParameter(2, at).getResultList();
        Set<String> holders = new HashSet<>();
        for (String jwt : jwts) {
            String subject = subject(jwt);
            if (subject != null) {
                holders.add(subject);
            }
        }
        return holders;
    }

    static String subject(String jwt) {
        try {
            Map<String, Object> claims = JWSObject.parse(jwt).getPayload().toJSONObject();
            if (claims == null) {
                return null;
            }
            if (claims.get("credentialSubject") instanceof Map<?, ?> subject && subject.get("id") instanceof String id) {
                return id;
            }
            return claims.get("sub") instanceof String sub ? sub : null;
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }
}
