package dev.quorum.core.etcd;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The gRPC target jetcd's {@code ip} name resolver reads the members' addresses from, as
 * {@code ClientBuilder.endpoints} writes it ({@code ip:///host:port,host:port}) but with an IPv6 literal's brackets
 * percent-encoded: written as they are, they make the target an invalid URI and no resolver takes it (jetcd issue
 * 1464), so a cluster on IPv6 addresses could not be reached. The resolver reads the decoded path, where
 * {@code [fd00::1]:2379} is a host and port again.
 */
final class GrpcTarget {
    private GrpcTarget() {
    }

    static String of(List<URI> endpoints) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("no etcd endpoint to connect to");
        }
        return "ip:///" + endpoints.stream().map(GrpcTarget::hostPort).distinct().collect(Collectors.joining(","));
    }

    private static String hostPort(URI endpoint) {
        if (endpoint.getHost() == null) {
            throw new IllegalArgumentException("not an etcd endpoint URL with a host: " + endpoint);
        }
        String host = endpoint.getHost().replace("[", "%5B").replace("]", "%5D");
        return endpoint.getPort() == -1 ? host : host + ":" + endpoint.getPort();
    }
}
