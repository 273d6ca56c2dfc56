package io.copartner.keycloak;

import io.copartner.kernel.encoding.Base58;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.copartner.kernel.encoding.DidKey;
import org.junit.jupiter.api.Test;

class DidUsersTest {

    @Test
    void usernameIsDidDashFirst24Base58CharactersLowerCase() throws Exception {
        DidKey ed = DidKey.parse("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp");
        assertEquals("did-6mkitbz1ymuepaq4hehysf1h", DidUsers.preferredUsername(ed));
        DidKey k1 = DidKey.parse("did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme");
        assertEquals("did-q3shokfts3brhcdqrn82rudf", DidUsers.preferredUsername(k1));
        assertEquals("did-q3shokfts3brhcdqrn82rudfczeswl1zdcejwekudpqiybme", DidUsers.usernames(k1)[1]);
    }
}
