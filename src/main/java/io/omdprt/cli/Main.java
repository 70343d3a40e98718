package io.omdprt.cli;

public final class Main {
    public static void main(String[] args) {
        System.out.println("omd-prt-monitor");
    }
}
