package io.copartner.governance.service;

import io.copartner.governance.api.ProposalKind;
import java.util.List;
import java.util.Set;

/** A statement's kinds as written: {@code ["*"]} for all, else the kind names in declaration order. */
final class VotesStoreKinds {

    private VotesStoreKinds() {
    }

    static List<String> names(Set<ProposalKind> kinds) {
        if (kinds.size() == ProposalKind.values().length) {
            return List.of("*");
        }
        return kinds.stream().sorted().map(Enum::name).toList();
    }
}
