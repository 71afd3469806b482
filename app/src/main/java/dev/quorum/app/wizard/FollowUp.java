package dev.quorum.app.wizard;

import java.util.function.Function;

/**
 * What the result page offers after a successful run, as a button that opens another wizard: e.g. after a member
 * change, updating kube-apiserver's {@code --etcd-servers} (the CLI's {@code --update-apiservers}).
 *
 * @param id     the button's node id
 * @param wizard builds the wizard to open, with the services of the one that ran
 */
public record FollowUp(String id, String label, String tooltip, Function<WizardServices, WizardModel> wizard) {
}
