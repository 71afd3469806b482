package dev.quorum.core.inventory;

/**
 * An {@code etcd_*} variable the inventory sets that Quorum does not use: kept (Kubespray reads it), but it changes
 * nothing Quorum does, which {@code --plan} tells the user.
 *
 * @param name  the variable
 * @param value its value as the inventory gives it (text, number, boolean, list or mapping), references resolved
 *              where Quorum could
 */
public record IgnoredVariable(String name, Object value) {
}
