package io.omdprt.config;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** This host's network interfaces, named as the config names them: by name (eth1) or by an IPv4 address on it. */
public final class Interfaces {
    private Interfaces() {
    }

    /** @return the interface, or null when this host has none of that name or address */
    public static NetworkInterface find(String nameOrAddress) throws SocketException {
        InetAddress address = ConfigLoader.parseIpv4Literal(nameOrAddress);
        return address != null ? NetworkInterface.getByInetAddress(address) : NetworkInterface.getByName(nameOrAddress);
    }

    /** "have: eth0, eth1, lo", for messages about an interface that is not there. */
    public static String present() {
        List<String> names = new ArrayList<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                names.add(ni.getName());
            }
        } catch (SocketException e) {
            return "none could be listed";
        }
        Collections.sort(names);
        return "have: " + String.join(", ", names);
    }
}
