package io.copartner.governance.domain;

import io.copartner.governance.api.event.ProposalExecuted.CoCreatorShare;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The stored form of a listing's co-creators: one {@code did,party,shareBps} line each, in the proposal's order. DIDs
 * (did:key, base58) and party ids hold no comma or line break, so no escaping is needed.
 */
public final class CoCreatorCodec {

    private CoCreatorCodec() {
    }

    public static String encode(List<CoCreatorShare> shares) {
        if (shares == null || shares.isEmpty()) {
            return null;
        }
        return shares.stream().map(s -> s.did() + "," + s.party() + "," + s.shareBps())
            .collect(Collectors.joining("\n"));
    }

    public static List<CoCreatorShare> decode(String text) {
        List<CoCreatorShare> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String line : text.split("\n")) {
            String[] f = line.split(",");
            out.add(new CoCreatorShare(f[0], f[1], Integer.parseInt(f[2])));
        }
        return out;
    }
}
