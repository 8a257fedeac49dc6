package dev.docket.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Time to a usable queue page in headless Chromium, for docs/performance.md: loads the queue page of a running
 * Docket RUNS times in a fresh browser and reports the median and worst of navigation start to the end of
 * DOMContentLoaded (rows drawn, htmx and the page script ready, so filters and links work) and to the load event.
 * Not a test: run it against a Docket with a backlog, e.g. 100,000 generated contracts:
 * java -cp target/test-classes:target/classes:$(cat cp.txt) dev.docket.web.QueuePageLoad http://localhost:8080 20
 */
public final class QueuePageLoad {

    private QueuePageLoad() {
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "http://localhost:8080";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<Long> usable = new ArrayList<>();
        List<Long> loaded = new ArrayList<>();
        try (Browser browser = Browser.start()) {
            browser.driver.get(url + "/"); // warm: the first visit also fills the browser's cache of scripts and styles
            for (int i = 0; i < runs; i++) {
                browser.driver.get(url + "/?page=" + (i * 37 % 200));
                browser.settle();
                Object rows = browser.js().executeScript("return document.querySelectorAll('#queue-rows tbody tr').length");
                if (((Number) rows).intValue() == 0) {
                    throw new IllegalStateException("the queue page shows no rows");
                }
                usable.add((Long) browser.js().executeScript(
                        "const t = performance.timing; return t.domContentLoadedEventEnd - t.navigationStart;"));
                loaded.add((Long) browser.js().executeScript(
                        "const t = performance.timing; return t.loadEventEnd - t.navigationStart;"));
            }
        }
        System.out.printf("queue page in headless Chromium, %d loads: usable (DOMContentLoaded) median %d ms, max %d ms;"
                + " load event median %d ms, max %d ms%n", runs, median(usable), Collections.max(usable), median(loaded),
                Collections.max(loaded));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
