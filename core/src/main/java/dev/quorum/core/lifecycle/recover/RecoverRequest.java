package dev.quorum.core.lifecycle.recover;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@code recover} was asked for.
 *
 * @param inventoryArg  how the user named the inventory, for the commands a diagnosis or a refusal recommends
 * @param rejoinTimeout how long the last step waits for every member to rejoin and catch up
 */
public record RecoverRequest(String inventoryArg, Duration rejoinTimeout) {
    public RecoverRequest {
        Objects.requireNonNull(inventoryArg, "inventoryArg");
        Objects.requireNonNull(rejoinTimeout, "rejoinTimeout");
    }

    /** Recover with the default wait for members to rejoin. */
    public static RecoverRequest of(String inventoryArg) {
        return new RecoverRequest(inventoryArg, RejoinWaitStep.DEFAULT_TIMEOUT);
    }
}
