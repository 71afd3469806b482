package dev.quorum.app.certificates;

/** Opens the renew wizard from the Certificates tab: a renewal, or the CA's replacement when the tab advises it. */
@FunctionalInterface
public interface RenewOpener {
    /**
     * @param warnDays  the tab's window: certificates expiring within it are renewed
     * @param replaceCa the wizard starts with "Replace the CA" chosen
     * @param afterRun  called on the UI thread each time a run ends, so the tab reads the hosts again
     */
    void open(int warnDays, boolean replaceCa, Runnable afterRun);
}
