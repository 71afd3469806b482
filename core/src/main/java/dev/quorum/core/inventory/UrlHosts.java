package dev.quorum.core.inventory;

/** IPv6 literals need brackets inside URLs. */
final class UrlHosts {
    private UrlHosts() {
    }

    static String bracketed(String address) {
        return address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
    }
}
