package io.copartner.identity.persistence;

import io.copartner.identity.domain.PartnerMembershipRecord;
import io.copartner.identity.domain.PartySalt;
import io.copartner.identity.domain.PersonalDataRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Personal data, per-party audit salts and partner membership facts (schema identity). */
@ApplicationScoped
public class PrivacyRepository {

    @PersistenceContext(unitName = "copartner")
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PersonalDataRecord> personalData(String partyId) {
        return Optional.ofNullable(em.find(PersonalDataRecord.class, partyId));
    }

    /** Insert or update in one statement, so two first writes of one party do not collide. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void upsertPersonalData(String partyId, String name, String phone, String address, Instant at) {
        em.createNativeQuery("""
                insert into identity.personal_data (party_id, name, phone, address, updated_at) values (?1, ?2, ?3, ?4, ?5)
                on conflict (party_id) do update set name = excluded.name, phone = excluded.phone,
                    address = excluded.address, updated_at = excluded.updated_at""")
            .setParameter(1, partyId).setParameter(2, name).setParameter(3, phone).setParameter(4, address)
            .setParameter(5, Timestamp.from(at)).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int deletePersonalData(String partyId) {
        return em.createQuery("delete from PersonalDataRecord p where p.partyId = :p").setParameter("p", partyId)
            .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PartySalt> salt(String partyId) {
        return Optional.ofNullable(em.find(PartySalt.class, partyId));
    }

    /** The party's salt: the existing one, or {@code fresh} if it had none (concurrent callers agree on one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public byte[] saltOrCreate(String partyId, byte[] fresh, Instant at) {
        em.createNativeQuery("insert into identity.party_salt (party_id, salt, created_at) values (?1, ?2, ?3) "
                + "on conflict (party_id) do nothing")
            .setParameter(1, partyId).setParameter(2, fresh).setParameter(3, Timestamp.from(at)).executeUpdate();
        return (byte[]) em.createNativeQuery("select salt from identity.party_salt where party_id = ?1")
            .setParameter(1, partyId).getSingleResult();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int deleteSalt(String partyId) {
        return em.createQuery("delete from PartySalt s where s.partyId = :p").setParameter("p", partyId).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public PartnerMembershipRecord membershipOrCreate(String partyId, LocalDate since, String tier, Instant at) {
        em.createNativeQuery("insert into identity.partner_membership (party_id, partner_since, tier, created_at) "
                + "values (?1, ?2, ?3, ?4) on conflict (party_id) do nothing")
            .setParameter(1, partyId).setParameter(2, java.sql.Date.valueOf(since)).setParameter(3, tier)
            .setParameter(4, Timestamp.from(at)).executeUpdate();
        return em.find(PartnerMembershipRecord.class, partyId);
    }
}
