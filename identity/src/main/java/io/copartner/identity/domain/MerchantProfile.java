package io.copartner.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;

/** Personal and contact data of a merchant, apart from its identifiers; {@code salt} salts its audit hash. */
@Entity
@Table(name = "merchant_profile", schema = "identity")
public class MerchantProfile {

    @Id
    @Column(name = "merchant_id", length = 64)
    private String merchantId;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "business_licence", nullable = false, length = 64)
    private String businessLicence;

    @Column(name = "contact_email", nullable = false, length = 320)
    private String contactEmail;

    @Column(name = "username", nullable = false, length = 100)
    private String username;

    @Column(name = "salt", nullable = false, columnDefinition = "bytea")
    private byte[] salt;

    protected MerchantProfile() {
    }

    public MerchantProfile(String merchantId, String name, String businessLicence, String contactEmail,
                           String username, byte[] salt) {
        this.merchantId = Objects.requireNonNull(merchantId);
        this.name = Objects.requireNonNull(name);
        this.businessLicence = Objects.requireNonNull(businessLicence);
        this.contactEmail = Objects.requireNonNull(contactEmail);
        this.username = Objects.requireNonNull(username);
        this.salt = salt.clone();
    }

    public String merchantId() { return merchantId; }
    public String name() { return name; }
    public String businessLicence() { return businessLicence; }
    public String contactEmail() { return contactEmail; }
    public String username() { return username; }
    public byte[] salt() { return salt.clone(); }
}
