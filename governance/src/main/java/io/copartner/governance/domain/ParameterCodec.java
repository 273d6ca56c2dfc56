package io.copartner.governance.domain;

import io.copartner.governance.api.ContributionWeights;
import io.copartner.governance.api.ExchangeRate;
import io.copartner.governance.api.GovernanceParameters;
import io.copartner.governance.api.KindParameters;
import io.copartner.governance.api.ProposalKind;
import io.copartner.governance.api.RevenuePolicy;
import io.copartner.governance.api.TierStep;
import io.copartner.governance.api.WeightStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The stored text form of validated policies and parameters: one {@code name=value} line each, lists comma-separated.
 * Only ever fed values that passed {@link GovernanceRules} (asset codes and numbers have no separators in them), so
 * it needs no escaping; the module keeps no JSON library of its own.
 */
public final class ParameterCodec {

    private ParameterCodec() {
    }

    public static String encode(RevenuePolicy p) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("partnerPoolBps", p.partnerPoolBps().toString());
        m.put("platformFeeBps", p.platformFeeBps().toString());
        m.put("commissionBps", p.commissionBps().stream().map(String::valueOf).collect(Collectors.joining(",")));
        m.put("purchaseRewardBps", p.purchaseRewardBps().toString());
        m.put("reviewRewardPoints", p.reviewRewardPoints().toString());
        m.put("shareRewardPoints", p.shareRewardPoints().toString());
        m.put("pointExchangeRates", p.pointExchangeRates().stream()
            .map(r -> r.from() + ">" + r.to() + ":" + r.rateBps()).collect(Collectors.joining(",")));
        m.put("coCreationShareBps", p.coCreationShareBps().toString());
        ContributionWeights w = p.contributionWeights();
        m.put("contributionWeights", w.spendBps() + "," + w.referralsBps() + "," + w.coCreationBps());
        return lines(m);
    }

    public static RevenuePolicy decodePolicy(String text) {
        Map<String, String> m = parse(text);
        List<ExchangeRate> rates = new ArrayList<>();
        for (String r : list(m.get("pointExchangeRates"))) {
            int gt = r.indexOf('>');
            int colon = r.lastIndexOf(':');
            rates.add(new ExchangeRate(r.substring(0, gt), r.substring(gt + 1, colon),
                Long.parseLong(r.substring(colon + 1))));
        }
        return new RevenuePolicy(Integer.valueOf(m.get("partnerPoolBps")), Integer.valueOf(m.get("platformFeeBps")),
            list(m.get("commissionBps")).stream().map(Integer::valueOf).toList(),
            Integer.valueOf(m.get("purchaseRewardBps")), Long.valueOf(m.get("reviewRewardPoints")),
            Long.valueOf(m.get("shareRewardPoints")), List.copyOf(rates),
            // Versions stored before co-creation had no such line: they get the default (no product had co-creators).
            m.containsKey("coCreationShareBps") ? Integer.valueOf(m.get("coCreationShareBps"))
                : GovernanceRules.DEFAULT_CO_CREATION_SHARE_BPS,
            weights(m.get("contributionWeights")));
    }

    /** Versions stored before contribution weights had no such line: spend plus referrals, as they were settled. */
    private static ContributionWeights weights(String text) {
        if (text == null) {
            return GovernanceRules.DEFAULT_CONTRIBUTION_WEIGHTS;
        }
        List<Integer> w = list(text).stream().map(Integer::valueOf).toList();
        return new ContributionWeights(w.get(0), w.get(1), w.get(2));
    }

    public static String encode(GovernanceParameters g) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("maxReferralLevels", g.maxReferralLevels().toString());
        m.put("tierSchedule", g.tierSchedule().stream().map(t -> t.afterSeconds() + ":" + t.bps())
            .collect(Collectors.joining(",")));
        for (ProposalKind kind : ProposalKind.values()) {
            KindParameters k = g.of(kind);
            String p = kind.name() + ".";
            m.put(p + "votingDelaySeconds", k.votingDelaySeconds().toString());
            m.put(p + "votingPeriodSeconds", k.votingPeriodSeconds().toString());
            m.put(p + "quorumBps", k.quorumBps().toString());
            m.put(p + "thresholdBps", k.thresholdBps().toString());
            m.put(p + "timelockSeconds", k.timelockSeconds().toString());
            m.put(p + "graceSeconds", k.graceSeconds().toString());
            m.put(p + "lateQuorumSeconds", k.lateQuorumSeconds().toString());
            m.put(p + "proposalThresholdSeconds", k.proposalThresholdSeconds().toString());
            m.put(p + "strategy", k.strategy().name());
            m.put(p + "contributionCap", k.contributionCap().toString());
            m.put(p + "contributionWindowSeconds", k.contributionWindowSeconds().toString());
        }
        return lines(m);
    }

    public static GovernanceParameters decodeParameters(String text) {
        Map<String, String> m = parse(text);
        Map<String, KindParameters> kinds = new LinkedHashMap<>();
        for (ProposalKind kind : ProposalKind.values()) {
            String p = kind.name() + ".";
            kinds.put(kind.name(), new KindParameters(Long.valueOf(m.get(p + "votingDelaySeconds")),
                Long.valueOf(m.get(p + "votingPeriodSeconds")), Integer.valueOf(m.get(p + "quorumBps")),
                Integer.valueOf(m.get(p + "thresholdBps")), Long.valueOf(m.get(p + "timelockSeconds")),
                Long.valueOf(m.get(p + "graceSeconds")), Long.valueOf(m.get(p + "lateQuorumSeconds")),
                Long.valueOf(m.get(p + "proposalThresholdSeconds")), WeightStrategy.valueOf(m.get(p + "strategy")),
                Long.valueOf(m.get(p + "contributionCap")), Long.valueOf(m.get(p + "contributionWindowSeconds"))));
        }
        return new GovernanceParameters(kinds, tiers(m.get("tierSchedule")),
            Integer.valueOf(m.get("maxReferralLevels")));
    }

    /** {@code "0:10000,31536000:12500"} → the steps (also the form of {@code COPARTNER_GOVERNANCE_TIER_SCHEDULE}). */
    public static List<TierStep> tiers(String text) {
        List<TierStep> steps = new ArrayList<>();
        for (String s : list(text)) {
            int colon = s.indexOf(':');
            steps.add(new TierStep(Long.valueOf(s.substring(0, colon).trim()),
                Integer.valueOf(s.substring(colon + 1).trim())));
        }
        return List.copyOf(steps);
    }

    private static List<String> list(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.asList(value.split(","));
    }

    private static String lines(Map<String, String> m) {
        return m.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
    }

    private static Map<String, String> parse(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return m;
    }
}
