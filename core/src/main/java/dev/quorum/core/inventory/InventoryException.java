package dev.quorum.core.inventory;

/**
 * An inventory Quorum cannot use. The message says what is wrong and what to do about it, and is
 * meant to be shown to the user as is.
 */
public class InventoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InventoryException(String message) {
        super(message);
    }

    public InventoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
