package io.copartner.governance.api;

import java.util.List;

/** The governance parameters in force (for proposals created now) and their public history. */
public interface GovernanceSettings {

    ParameterVersion current();

    /** Every version, oldest first. */
    List<ParameterVersion> parameterHistory();
}
