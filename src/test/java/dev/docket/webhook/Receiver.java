package dev.docket.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A real webhook receiver on a local port: records every request it gets (headers, body, when) and answers with the
 * status it is told to. Can be stopped and started again on the same port, as a receiver that goes down.
 */
final class Receiver implements AutoCloseable {

    record Received(Map<String, List<String>> headers, String body, long atNanos, long atMillis) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger delayMillis = new AtomicInteger();
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private int port;
    private HttpServer server;

    static Receiver start() {
        Receiver receiver = new Receiver();
        receiver.up();
        return receiver;
    }

    synchronized void up() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                int answer = status.get();
                if (delayMillis.get() > 0) {
                    try {
                        Thread.sleep(delayMillis.get());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (answer < 300) {
                    received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body, System.nanoTime(),
                            System.currentTimeMillis()));
                }
                exchange.sendResponseHeaders(answer, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
        port = server.getAddress().getPort();
    }

    /** Stops listening: connections are refused until {@link #up()}. */
    synchronized void down() {
        server.stop(0);
    }

    /** A slow receiver: each answer takes this long. */
    void delay(int millis) {
        delayMillis.set(millis);
    }

    void answer(int code) {
        status.set(code);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** The requests answered with a 2xx, in arrival order. */
    List<Received> received() {
        return List.copyOf(received);
    }

    void clear() {
        received.clear();
    }

    @Override
    public synchronized void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
