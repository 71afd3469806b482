package dev.quorum.core.etcd;

/** etcd's {@code ETCD_INITIAL_CLUSTER_STATE}: {@code new} while bootstrapping, {@code existing} afterwards. */
public enum InitialClusterState {
    NEW("new"), EXISTING("existing");

    private final String value;

    InitialClusterState(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static InitialClusterState parse(String value) {
        for (InitialClusterState state : values()) {
            if (state.value.equalsIgnoreCase(value.trim())) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown ETCD_INITIAL_CLUSTER_STATE: " + value);
    }
}
